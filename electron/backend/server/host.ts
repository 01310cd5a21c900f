import type { Worker } from 'node:worker_threads';
import { bootMark, bootMarks } from '../boot-marks';
import type { HostArgs } from './args';
import { ListenError, startNearPort } from './listen';
import { nextFreePort, portInUseMessage } from './port-in-use';
import { startBrowserHost, type BrowserHost } from './server';
import { TOKEN_ENV, type HostReady } from './supervisor';
import { backendWorker } from './worker-client';

/**
 * The browser host's thread once its backend's worker is started (server/cli.ts): listens
 * at once, serves the page while the store opens, and says "ready" to the supervisor only
 * once the store is open, so a refusal then (a folder held by another console, a newer
 * store) stops the host with its reason and is not retried. A backend thread that dies
 * after that stops the host too, in words, and the supervisor starts it again.
 */
export async function runHost(args: HostArgs, worker: Worker, rendererDir: string): Promise<void> {
  bootMark('modules');
  const backend = backendWorker(worker, args.dataDir);
  const token = process.env[TOKEN_ENV] || undefined;
  const start = (port: number) => startBrowserHost({ backend: backend.backend, rendererDir, host: args.host, port, token });
  let host: BrowserHost;
  try {
    host = await start(args.port);
  } catch (e) {
    if (!(e instanceof ListenError) || e.code !== 'EADDRINUSE' || args.portGiven || args.port === 0) {
      await backend.close();
      // A port asked for by name stays the operator's choice: say so and offer one that works.
      if (e instanceof ListenError && e.code === 'EADDRINUSE' && args.portGiven) {
        throw new Error(portInUseMessage(args.host, args.port, await nextFreePort(args.host, args.port)));
      }
      throw e;
    }
    host = await startNearPort(args.port, start, (m) => console.log(m));
  }
  bootMark('listening');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('disconnect', () => void stop());
  console.log(`EOC console (browser host) ready at ${host.url}`);
  try {
    await backend.opened;
  } catch (e) {
    // Refused (the folder is another host's, the store is newer than this code): the page
    // is told, the host stops, and the supervisor, never told it was ready, does not retry.
    await host.close();
    throw e;
  }
  bootMark('backend-open');
  // For the start-up bench (EOC_BOOT_MARKS=1): both threads' milestones on one timeline.
  if (process.env.EOC_BOOT_MARKS) console.log(`boot-marks ${JSON.stringify({ ...bootMarks('host'), ...(await backend.marks) })}`);
  void backend.died.then((reason) => {
    if (stopping) return;
    console.error(`The console's backend stopped: ${reason}. Every acknowledged entry is saved.`);
    process.exit(1);
  });
  if (args.syncPort !== null) {
    const lan = await backend.lan;
    if (lan.port !== null) console.log(`Sync endpoint (TLS) listening on ${args.syncHost}:${lan.port}${args.mdns ? ', announced by mDNS' : ''}`);
    else console.error(`Sync endpoint not started: ${lan.error}`);
  }
  console.log(`Data folder: ${args.dataDir}`);
  console.log(`Backend log: ${backend.backend.logger.file}`);
  backend.backend.logger.info('browserHost.started', { port: host.port, host: args.host, sync: args.syncPort === null ? null : ((await backend.lan).port ?? null) });
  if (args.host !== '127.0.0.1' && args.host !== 'localhost' && args.host !== '::1') {
    console.log(`Warning: listening on ${args.host}, not loopback only.`);
  }
  const ready: HostReady = { type: 'ready', port: host.port, url: host.url };
  process.send?.(ready);
}
