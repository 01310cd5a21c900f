import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../backend';
import { parseHostArgs, UsageError } from './args';
import { nextFreePort, portInUseMessage } from './port-in-use';
import { startBrowserHost } from './server';

declare const __APP_VERSION__: string | undefined;

/** `npm run serve`: the backend in Node behind the browser host. */
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
  const start = (port: number) => startBrowserHost({ backend, rendererDir, host: args.host, port });
  const host = await start(args.port).catch(async (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EADDRINUSE') throw e;
    if (!args.portGiven) {
      console.log(`Port ${args.port} is in use; taking a free one.`);
      return start(0);
    }
    // A port asked for by name stays a choice for the operator: say so and say what works.
    console.error(portInUseMessage(args.host, args.port, await nextFreePort(args.host, args.port)));
    await backend.close();
    process.exit(1);
  });
  console.log(`EOC console (browser host) ready at ${host.url}`);
  console.log(`Data folder: ${args.dataDir}`);
  if (args.host !== '127.0.0.1' && args.host !== 'localhost' && args.host !== '::1') {
    console.log(`Warning: listening on ${args.host}, not loopback only.`);
  }
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
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
