import os from 'node:os';
import path from 'node:path';

export interface HostArgs {
  dataDir: string;
  port: number;
  host: string;
  /** False when the port is only the default, so another free one may be taken. */
  portGiven: boolean;
  /** The LAN sync endpoint's own port (null: sync off); never the console's port. */
  syncPort: number | null;
  /** Where the sync endpoint listens (all interfaces: peers are other machines). */
  syncHost: string;
  /** Announce and find peers by mDNS. */
  mdns: boolean;
}

export class UsageError extends Error {}

export const DEFAULT_PORT = 4780;

/** Same folder Electron uses (userData/data), so both hosts open one store on a workstation. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.EOC_DATA_DIR) return env.EOC_DATA_DIR;
  const product = 'Coalition EOC Console';
  if (process.platform === 'win32') return path.join(env.APPDATA ?? os.homedir(), product, 'data');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', product, 'data');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), product, 'data');
}

export function parseHostArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): HostArgs {
  const out: HostArgs = {
    dataDir: defaultDataDir(env),
    port: Number(env.EOC_PORT ?? DEFAULT_PORT),
    host: '127.0.0.1',
    portGiven: env.EOC_PORT !== undefined,
    syncPort: env.EOC_SYNC_PORT !== undefined ? Number(env.EOC_SYNC_PORT) : null,
    syncHost: '0.0.0.0',
    mdns: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--data-dir':
        out.dataDir = path.resolve(value());
        break;
      case '--port': {
        const p = Number(value());
        if (!Number.isInteger(p) || p < 0 || p > 65535) throw new UsageError('--port must be a whole number from 0 to 65535');
        out.port = p;
        out.portGiven = true;
        break;
      }
      case '--host':
        out.host = value();
        break;
      case '--sync-port': {
        const p = Number(value());
        if (!Number.isInteger(p) || p < 0 || p > 65535) throw new UsageError('--sync-port must be a whole number from 0 to 65535');
        out.syncPort = p;
        break;
      }
      case '--sync-host':
        out.syncHost = value();
        break;
      case '--no-mdns':
        out.mdns = false;
        break;
      default:
        throw new UsageError(
          `Unknown option ${a}. Options: --data-dir <folder> --port <number> --host <address> --sync-port <number> --sync-host <address> --no-mdns`,
        );
    }
  }
  return out;
}
