import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Backend } from '../backend';
import { bootMark, bootMarks } from '../boot-marks';
import { parseHostArgs, UsageError } from './args';
import { ListenError, startNearPort } from './listen';
import { nextFreePort, portInUseMessage } from './port-in-use';
import { createLogger } from '../logger';
import { openingBackend } from './opening-backend';
import { startBrowserHost, type BrowserHost } from './server';
import { EXIT_START_REFUSED, TOKEN_ENV, type HostReady } from './supervisor';

declare const __APP_VERSION__: string | undefined;

/** `npm run serve`: the backend in Node behind the browser host (run by the supervisor). */
async function main(): Promise<void> {
  bootMark('modules');
  let args;
  try {
    args = parseHostArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = process.env.EOC_RENDERER_DIR ?? path.resolve(here, '../renderer');
  const logger = createLogger({ dataDir: args.dataDir });
  // The host listens before the backend's code is loaded (see opening-backend.ts), and that
  // load waits for the page's first connection: compiling the backend blocks this thread,
  // and by then the page's own files have gone out, so the browser compiles the console's
  // script while the backend loads and checks its store. Without a page it waits 500 ms.
  let openNow: () => void = () => {};
  let openAsked = false;
  const asked = new Promise<void>((r) => (openNow = r)).then(() => void (openAsked = true));
  const fallback = setTimeout(() => openNow(), 500);
  const opening = asked.then(() =>
    import('../backend').then(({ createBackend }) =>
      createBackend({
        dataDir: args.dataDir,
        appVersion: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : (process.env.npm_package_version ?? '0.0.0'),
        logger,
      }),
    ),
  );
  opening.catch(() => {}); // a refusal is reported once, below, where it is awaited
  // Never asked for (the port was taken): nothing to close.
  const closeBackend = () => (openAsked ? opening.then((b) => b.close(), () => {}) : Promise.resolve());
  const token = process.env[TOKEN_ENV] || undefined;
  const backendView = openingBackend(opening, args.dataDir, logger);
  const start = (port: number) => startBrowserHost({ backend: backendView, rendererDir, host: args.host, port, token, onConnection: openNow });
  let host: BrowserHost;
  try {
    host = await start(args.port);
  } catch (e) {
    if (!(e instanceof ListenError) || e.code !== 'EADDRINUSE' || args.portGiven || args.port === 0) {
      await closeBackend();
      // A port asked for by name stays the operator's choice: say so and offer one that works.
      if (e instanceof ListenError && e.code === 'EADDRINUSE' && args.portGiven) {
        throw new Error(portInUseMessage(args.host, args.port, await nextFreePort(args.host, args.port)));
      }
      throw e;
    }
    host = await startNearPort(args.port, start, (m) => console.log(m));
  }
  bootMark('listening');
  let lan: { port: number; close(): Promise<void> } | null = null;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await lan?.close();
    await host.close();
    await closeBackend();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('disconnect', () => void stop());
  console.log(`EOC console (browser host) ready at ${host.url}`);
  let backend: Backend;
  try {
    backend = await opening;
    clearTimeout(fallback);
  } catch (e) {
    // Refused (the folder is another host's, the store is newer than this code): the page
    // is told, the host stops, and the supervisor, never told it was ready, does not retry.
    await host.close();
    throw e;
  }
  bootMark('backend-open');
  printBootMarks();
  const syncPort = args.syncPort;
  // Loaded only when asked for: TLS certificates and mDNS would cost every start-up otherwise.
  lan =
    syncPort === null
      ? null
      : await import('../domains/sync/lan/service')
          .then(({ startLanSync }) => startLanSync({ backend, dataDir: args.dataDir, port: syncPort, host: args.syncHost, mdns: args.mdns }))
          .catch((e: unknown) => {
            console.error(`Sync endpoint not started: ${e instanceof Error ? e.message : String(e)}`);
            return null;
          });
  if (lan) console.log(`Sync endpoint (TLS) listening on ${args.syncHost}:${lan.port}${args.mdns ? ', announced by mDNS' : ''}`);
  console.log(`Data folder: ${args.dataDir}`);
  if (backend.logger.file) console.log(`Backend log: ${backend.logger.file}`);
  backend.logger.info('browserHost.started', { port: host.port, host: args.host, sync: lan ? lan.port : null });
  if (args.host !== '127.0.0.1' && args.host !== 'localhost' && args.host !== '::1') {
    console.log(`Warning: listening on ${args.host}, not loopback only.`);
  }
  // The supervisor counts the host as started only once its store is open: a refusal
  // above is then a start refused, not a crash to retry.
  const ready: HostReady = { type: 'ready', port: host.port, url: host.url };
  process.send?.(ready);
}

/** For the start-up bench (EOC_BOOT_MARKS=1): the milestones, to lay the host's phases and the page's on one timeline. */
function printBootMarks(): void {
  if (process.env.EOC_BOOT_MARKS) console.log(`boot-marks ${JSON.stringify(bootMarks())}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  // Refusals at start (a port taken, a locked or foreign data folder) are not crashes:
  // the supervisor must not retry them.
  process.exit(EXIT_START_REFUSED);
});
