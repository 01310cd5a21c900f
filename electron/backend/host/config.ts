import path from 'node:path';
import { HOST_ARG_APP_VERSION, HOST_ARG_DATA_DIR } from './messages';

export interface HostConfig {
  dataDir: string;
  appVersion: string;
}

/**
 * Reads what main passed on the command line. The arguments are looked up by prefix,
 * not position: Electron decides where in argv a utility process's own arguments land.
 */
export function parseHostConfig(argv: readonly string[], env: NodeJS.ProcessEnv): HostConfig {
  const arg = (prefix: string) => argv.find((a) => a.startsWith(prefix))?.slice(prefix.length) || undefined;
  const dataDir = arg(HOST_ARG_DATA_DIR) ?? env.EOC_DATA_DIR;
  if (!dataDir) throw new Error('The backend was started without a data folder; this is a bug in the console.');
  return { dataDir, appVersion: arg(HOST_ARG_APP_VERSION) ?? '0.0.0' };
}

/**
 * Where a better-sqlite3 binary built for Electron's ABI may be: beside a packaged app
 * (electron-builder's extraResources), else where `scripts/rebuild-electron-native.mjs`
 * leaves it in a development tree. `hostDir` is the folder of the built host (out/main).
 */
export function nativeBindingCandidates(resourcesPath: string | undefined, hostDir: string): string[] {
  const repoRoot = path.resolve(hostDir, '..', '..');
  return [
    ...(resourcesPath ? [path.join(resourcesPath, 'native', 'better_sqlite3.node')] : []),
    path.join(repoRoot, 'resources', 'native', 'electron', 'better_sqlite3.node'),
  ];
}
