import { parentPort, workerData } from 'node:worker_threads';
import { bootMark, bootMarks } from '../boot-marks';
import { createLogger } from '../logger';
import type { Backend } from '../backend';
import type { LanService } from '../domains/sync/lan/service';
import type { WorkerStart } from './worker-protocol';
import { serveInWorker } from './worker-serve';

/**
 * Entry of the browser host's backend thread (out/main/backend-worker.js), started by
 * server/cli.ts before anything else so the backend's code (the largest part of the
 * start) is compiled and its store opened on another core while the host's thread serves
 * the page. The Electron app does not use it: its backend runs in a utility process
 * (host/utility.ts), the same backend behind the same dispatcher.
 */
bootMark('worker-started');
const port = parentPort;
if (!port) throw new Error('backend-worker.js runs as the browser host’s worker thread (server/cli.ts starts it).');
const start = workerData as WorkerStart;
const logger = createLogger({ dataDir: start.dataDir });
let lan: Promise<LanService | null> = Promise.resolve(null);

serveInWorker({
  port,
  logger,
  // Loaded here rather than imported above, so the thread's first milestone is before it.
  start: () => import('../backend').then(({ createBackend }) => createBackend({ dataDir: start.dataDir, appVersion: start.appVersion, logger })),
  onOpen: (backend) => {
    port.postMessage({ type: 'marks', marks: bootMarks('worker') });
    if (start.sync) lan = startLan(backend, start.sync);
  },
  beforeClose: () => lan.then((l) => l?.close()),
  exit: (code) => process.exit(code),
});

/** The LAN sync endpoint, loaded only when asked for: TLS certificates and mDNS would cost every start-up otherwise. */
async function startLan(backend: Backend, sync: NonNullable<WorkerStart['sync']>): Promise<LanService | null> {
  try {
    const { startLanSync } = await import('../domains/sync/lan/service');
    const service = await startLanSync({ backend, dataDir: start.dataDir, port: sync.port, host: sync.host, mdns: sync.mdns });
    port!.postMessage({ type: 'lan', port: service.port, error: null });
    return service;
  } catch (e) {
    port!.postMessage({ type: 'lan', port: null, error: e instanceof Error ? e.message : String(e) });
    return null;
  }
}
