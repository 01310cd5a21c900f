import Database from 'better-sqlite3';
import { cacheStatements } from './statement-cache';
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
  cacheStatements(db);
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
 * Why the console could not write in the data folder or to its file, in words, or null.
 * Checked before the store is opened for writing, so a read-only file, folder or mount
 * is reported at start instead of surfacing later as failed saves and a backup that
 * never ends. A probe file is written and removed: `access()` alone says yes to root and
 * cannot see a read-only mount.
 */
export function writeProblem(dataDir: string, file: string): string | null {
  return folderWriteProblem(dataDir) ?? fileWriteProblem(file);
}

export function folderWriteProblem(dataDir: string): string | null {
  const probe = path.join(dataDir, `.eoc-write-probe-${process.pid}`);
  try {
    fs.writeFileSync(probe, '');
    fs.rmSync(probe, { force: true });
    return null;
  } catch (e) {
    return `The data folder ${dataDir} cannot be written (${describeFsError(e)}). The console records every entry there, so it opens nothing until the folder is writable. Make it writable, or start the console with another data folder.`;
  }
}

function fileWriteProblem(file: string): string | null {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (!fs.existsSync(f)) continue;
    try {
      fs.accessSync(f, fs.constants.W_OK);
      fs.closeSync(fs.openSync(f, 'r+'));
    } catch (e) {
      return `The data file ${f} is read-only (${describeFsError(e)}). The console has not changed it. Make it writable for this user, or restore it to a writable folder.`;
    }
  }
  return null;
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EROFS':
      return 'the file system is mounted read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied for this user';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return "the user's disk quota is used up";
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/** Makes the directory entry of a rename durable (POSIX); where a folder cannot be synced, a no-op. */
export function syncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for syncing; NTFS journals the rename itself.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * Creates a new store so that the data file never exists half made: built beside it,
 * migrated and stamped, then renamed into place. An empty or table-less eoc.sqlite is
 * therefore never the console's own doing, and is refused as such.
 */
export function createStoreFile(file: string, prepare: (db: Db) => void, opts: OpenOptions = {}): void {
  const tmp = `${file}.new`;
  for (const s of ['', '-wal', '-shm', '-journal']) fs.rmSync(tmp + s, { force: true });
  const db = openDatabase(tmp, opts);
  try {
    prepare(db);
  } catch (e) {
    db.close();
    for (const s of ['', '-wal', '-shm']) fs.rmSync(tmp + s, { force: true });
    throw e;
  }
  db.close(); // the last connection checkpoints the WAL into the file and removes it
  fs.renameSync(tmp, file);
  syncDir(path.dirname(file));
}

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'eoc.sqlite');
}
