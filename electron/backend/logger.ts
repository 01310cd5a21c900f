import fs from 'node:fs';
import path from 'node:path';

/**
 * The backend's own log: what an administrator reads after "it said Unexpected error" or
 * "it would not start". One JSON object a line in `<data folder>/logs/backend.log`, kept
 * small by rotation (backend.log -> backend.log.1 -> ... up to `keep` files). It records
 * starts, errors with their context (method, code, message, stack) and refused requests;
 * never the input of a request, and never a value whose name says it is a secret (token,
 * PIN, password, key), so the file can be attached to a support ticket as it is.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** The file written to, or null for a logger that writes nowhere. */
  readonly file: string | null;
}

export interface LoggerOptions {
  /** The data folder: the log is `logs/backend.log` in it. */
  dataDir: string;
  level?: LogLevel;
  /** Rotate when the file would pass this size (default 1 MB). */
  maxBytes?: number;
  /** Rotated files kept besides the current one (default 3). */
  keep?: number;
  now?: () => number;
}

export const LOG_DIR = 'logs';
export const LOG_FILE = 'backend.log';

/** Where the backend's log of a data folder is. */
export const logFileOf = (dataDir: string) => path.join(dataDir, LOG_DIR, LOG_FILE);

// Field names ending so ("token", "syncToken", "pin", "privateKey", "password") are secrets.
const SECRET_NAME = /(token|secret|password|passphrase|pin|authori[sz]ation|cookie|key|credentials?)$/i;
// A secret inside a message: "?token=abc", "token: abc", "Bearer abc".
const SECRET_IN_TEXT = /((?:token|pin|password|secret|key)["']?\s*[=:]\s*["']?)[^\s&"',;]+|(bearer\s+)[\w.~+/-]+=*/gi;

/** Text with any secret it carries replaced by [redacted]. */
export function redactText(s: string): string {
  return s.replace(SECRET_IN_TEXT, (_m, named: string | undefined, bearer: string | undefined) => `${named ?? bearer ?? ''}[redacted]`);
}

/** A copy of `value` fit for the log: secrets by name redacted, text scrubbed, long values cut. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value.length > 4000 ? `${value.slice(0, 4000)}…` : value);
  if (value instanceof Error) return { name: value.name, message: redactText(value.message), stack: value.stack ? redactText(value.stack.split('\n').slice(0, 8).join('\n')) : undefined };
  if (value === null || typeof value !== 'object') return value;
  if (depth > 4) return '[nested]';
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_NAME.test(k) ? '[redacted]' : redact(v, depth + 1);
  return out;
}

/** A logger that writes nothing (tests, or a folder that cannot be written). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, file: null };

export function createLogger(options: LoggerOptions): Logger {
  const file = logFileOf(options.dataDir);
  const min = RANK[options.level ?? 'info'];
  const maxBytes = options.maxBytes ?? 1_000_000;
  const keep = options.keep ?? 3;
  const now = options.now ?? Date.now;
  let size: number | null = null;
  let broken = false;

  const rotate = () => {
    for (let i = keep - 1; i >= 1; i--) {
      if (fs.existsSync(`${file}.${i}`)) fs.renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    }
    if (keep >= 1) fs.renameSync(file, `${file}.1`);
    else fs.rmSync(file, { force: true });
    size = 0;
  };

  const write = (level: LogLevel, event: string, fields?: LogFields) => {
    if (RANK[level] < min || broken) return;
    const line = `${JSON.stringify({ at: new Date(now()).toISOString(), level, event, ...(redact(fields ?? {}) as LogFields) })}\n`;
    // The log must never take the backend down: a folder that cannot be written stops the
    // logging (said once on stderr), not the request being logged.
    try {
      if (size === null) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        size = fs.existsSync(file) ? fs.statSync(file).size : 0;
      }
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > maxBytes) rotate();
      fs.appendFileSync(file, line, { mode: 0o600 });
      size += bytes;
    } catch (e) {
      broken = true;
      process.emitWarning(`The backend log ${file} cannot be written (${e instanceof Error ? e.message : String(e)}); logging stopped`);
    }
  };
  return {
    file,
    debug: (e, f) => write('debug', e, f),
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
  };
}
