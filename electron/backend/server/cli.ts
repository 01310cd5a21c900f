import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../backend';
import { parseHostArgs, UsageError } from './args';
import { ListenError, startNearPort } from './listen';
import { nextFreePort, portInUseMessage } from './port-in-use';
import { startBrowserHost } from './server';
import { EXIT_START_REFUSED, TOKEN_ENV, type HostReady } from './supervisor';

declare const __APP_VERSION__: string | undefined;

/** `npm run serve`: the backend in Node behind the browser host (run by the supervisor). */
async function main(): Promise<void> {
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
  const backend = await createBackend({
    dataDir: args.dataDir,
    appVersion: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : (process.env.npm_package_version ?? '0.0.0'),
  });
  const token = process.env[TOKEN_ENV] || undefined;
  const start = (port: number) => startBrowserHost({ backend, rendererDir, host: args.host, port, token });
  let host;
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
  const syncPort = args.syncPort;
  // Loaded only when asked for: TLS certificates and mDNS would cost every start-up otherwise.
  const lan =
    syncPort === null
      ? null
      : await import('../domains/sync/lan/service')
          .then(({ startLanSync }) => startLanSync({ backend, dataDir: args.dataDir, port: syncPort, host: args.syncHost, mdns: args.mdns }))
          .catch((e: unknown) => {
            console.error(`Sync endpoint not started: ${e instanceof Error ? e.message : String(e)}`);
            return null;
          });
  console.log(`EOC console (browser host) ready at ${host.url}`);
  if (lan) console.log(`Sync endpoint (TLS) listening on ${args.syncHost}:${lan.port}${args.mdns ? ', announced by mDNS' : ''}`);
  console.log(`Data folder: ${args.dataDir}`);
  if (backend.logger.file) console.log(`Backend log: ${backend.logger.file}`);
  backend.logger.info('browserHost.started', { port: host.port, host: args.host, sync: lan ? lan.port : null });
  if (args.host !== '127.0.0.1' && args.host !== 'localhost' && args.host !== '::1') {
    console.log(`Warning: listening on ${args.host}, not loopback only.`);
  }
  const ready: HostReady = { type: 'ready', port: host.port, url: host.url };
  process.send?.(ready);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await lan?.close();
    await host.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('disconnect', () => void stop());
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  // Refusals at start (a port taken, a locked or foreign data folder) are not crashes:
  // the supervisor must not retry them.
  process.exit(EXIT_START_REFUSED);
});
