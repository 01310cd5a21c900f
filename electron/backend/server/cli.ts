import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bootMark } from '../boot-marks';
import { parseHostArgs, UsageError, type HostArgs } from './args';
import { EXIT_START_REFUSED } from './supervisor';
import type { WorkerStart } from './worker-protocol';

declare const __APP_VERSION__: string | undefined;

/**
 * `npm run serve`: the browser host (run by the supervisor). Its first act is to start the
 * backend's worker thread (server/worker.ts): loading the backend's code and opening the
 * store is most of the start, and there it runs on another core from the first
 * milliseconds, while this thread loads the small HTTP/WebSocket server (server/host.ts)
 * and serves the page. Only what that takes is imported above.
 */
function main(): void {
  let args: HostArgs;
  try {
    args = parseHostArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  // Resolved here, in the entry file: the files beside it are out/main's.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const start: WorkerStart = {
    dataDir: args.dataDir,
    appVersion: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : (process.env.npm_package_version ?? '0.0.0'),
    sync: args.syncPort === null ? null : { port: args.syncPort, host: args.syncHost, mdns: args.mdns },
  };
  const worker = import.meta.url.endsWith('.ts')
    ? sourceWorker(start)
    : new Worker(path.join(here, 'backend-worker.js'), { workerData: start });
  bootMark('worker-asked');
  const rendererDir = process.env.EOC_RENDERER_DIR ?? path.resolve(here, '../renderer');
  import('./host')
    .then(({ runHost }) => runHost(args, worker, rendererDir))
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      // Refusals at start (a port taken, a locked or foreign data folder) are not crashes:
      // the supervisor must not retry them.
      process.exit(EXIT_START_REFUSED);
    });
}

/**
 * Run from source (the supervisor's test forks this file with tsx): worker.ts, with tsx's
 * loader registered in the worker first, which Node 20 does not carry over to workers.
 */
function sourceWorker(start: WorkerStart): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((t) => t.register()).then(() => import(${JSON.stringify(entry)}))`;
  return new Worker(code, { eval: true, workerData: start });
}

main();
