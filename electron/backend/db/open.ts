import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

export interface OpenOptions {
  readonly readonly?: boolean;
  /** Path of a better-sqlite3 binary built for this runtime's ABI (Electron ships its own). */
  readonly nativeBinding?: string;
}

const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens the store with the settings every write relies on, and checks that SQLite took
 * them: a silently ignored pragma (an old build, a read-only medium) must stop the start,
 * not show up later as lost records.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const db = new Database(file, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.readonly ?? false,
    timeout: BUSY_TIMEOUT_MS,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  const wal = !opts.readonly && file !== ':memory:';
  try {
    if (wal) db.pragma('journal_mode = WAL');
    // better-sqlite3 leaves WAL databases at NORMAL, which can lose committed rows on power loss.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Statement journals of large transactions (imports) stay in memory, not temp files.
    db.pragma('temp_store = MEMORY');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    assertPragmas(db, wal);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

export function assertPragmas(db: Db, expectWal: boolean): void {
  const journal = String(db.pragma('journal_mode', { simple: true })).toLowerCase();
  const sync = Number(db.pragma('synchronous', { simple: true }));
  const fk = Number(db.pragma('foreign_keys', { simple: true }));
  const busy = Number(db.pragma('busy_timeout', { simple: true }));
  const problems: string[] = [];
  if (expectWal && journal !== 'wal') problems.push(`journal_mode is ${journal}, expected wal`);
  if (sync !== 2) problems.push(`synchronous is ${sync}, expected 2 (FULL)`);
  if (fk !== 1) problems.push('foreign_keys is off');
  if (busy < BUSY_TIMEOUT_MS) problems.push(`busy_timeout is ${busy} ms`);
  if (problems.length) throw new Error(`The database did not accept its required settings: ${problems.join('; ')}`);
}

/**
 * Under Electron the stock binary (built for Node) cannot load; `npm run dist` builds one
 * for Electron's ABI beside it. Tests and the browser host use the stock one.
 */
export function electronNativeBinding(candidates: readonly string[]): string | undefined {
  if (!process.versions.electron) return undefined;
  return candidates.find((p) => fs.existsSync(p));
}

/**
 * The schema version of an existing file, read without changing a byte of it (opening
 * read-write would switch it to WAL first), or null when there is no file yet.
 */
export function peekSchemaVersion(file: string, nativeBinding?: string): number | null {
  if (!fs.existsSync(file)) return null;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      return Number(db.pragma('user_version', { simple: true }));
    } finally {
      db.close();
    }
  } catch {
    return null; // unreadable: the full open decides between restore mode and an error
  }
}

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'eoc.sqlite');
}
