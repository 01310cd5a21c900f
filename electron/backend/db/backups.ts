import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/contract';
import { AppError } from '../errors';
import { describeFsError, syncDir, type Db } from './open';
import { LATEST_SCHEMA } from './migrations';
import { recogniseStore } from './recognise';
import { CHECK_IN_THREAD_ABOVE, checkFile, copyStoreInThread } from './file-check';

export const BACKUP_DIR = 'backups';
export const ASIDE_DIR = 'aside';
const KEEP_PER_REASON: Record<string, number> = { scheduled: 24, 'pre-migration': 5, manual: 10, 'pre-restore': 5, imported: 5 };
/** Every file a backup may leave beside its name: the copy, SQLite's companions, the sidecar, a partial copy. */
const BACKUP_COMPANIONS = ['', '-wal', '-shm', '-journal', '.json', '.partial', '.partial-wal', '.partial-shm', '.partial-journal'];
/** A backup whose copied page count does not move for this many steps is abandoned, never spun on. */
const MAX_STALLED_STEPS = 200;

export function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.(\d{3})Z$/, '$1Z');
}

export function backupDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR);
}

/**
 * A copy stands alone: rollback journal, not WAL. Opening a WAL copy (even read-only, to
 * verify it) leaves -wal and -shm files beside it that nothing would ever remove.
 */
function makeStandalone(file: string, nativeBinding?: string): void {
  setJournalMode(file, 'DELETE', nativeBinding);
}

/** Sets a closed file's journal mode; closing checkpoints a WAL into the file and removes it. */
function setJournalMode(file: string, mode: 'DELETE' | 'WAL', nativeBinding?: string): void {
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    db.pragma(`journal_mode = ${mode}`);
  } finally {
    db.close();
  }
}

function removeWithCompanions(base: string, suffixes: readonly string[] = ['', '-wal', '-shm', '-journal']): void {
  for (const s of suffixes) fs.rmSync(base + s, { force: true });
}

function fsyncFileSync(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Flushes a file to the disk off the thread serving requests (a whole store's worth can take seconds). */
async function fsyncFile(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

interface Sidecar {
  createdAt: number;
  reason: string;
  verified: boolean;
  bytes: number;
}

/** Says in words why a copy could not be made; nothing was changed. */
function copyFailed(what: string, e: unknown): AppError {
  if (e instanceof AppError) return e;
  const code = (e as NodeJS.ErrnoException)?.code ?? (e as { code?: string })?.code;
  const reason = code === 'SQLITE_FULL' ? 'the disk is full' : describeFsError(e);
  return new AppError('unavailable', `${what} could not be made: ${reason}. Nothing was changed; free some space or make the folder writable, then try again.`);
}

/**
 * Takes a backup with SQLite's online backup API (safe while the console keeps
 * writing), verifies the copy with quick_check, records the result beside it, and
 * rotates old backups of the same reason. A copy that fails verification is kept but
 * marked, and never offered for restore. A backup that cannot be written (a full disk,
 * a read-only folder) fails at once in words and leaves no partial file.
 */
export async function takeBackup(
  db: Db,
  dataDir: string,
  reason: string,
  now: number,
  opts: {
    readonly nativeBinding?: string;
    /** Written into the backup's record too: the chain heads signed as it was taken (witnesses). */
    readonly sidecarExtra?: Record<string, unknown>;
    /** Stores and copies larger than this are copied and checked in a thread of their own (file-check.ts). */
    readonly checkInThreadAbove?: number;
  } = {},
): Promise<BackupInfo> {
  const { nativeBinding, sidecarExtra = {} } = opts;
  const dir = backupDir(dataDir);
  const file = `eoc-${stamp(now)}-${reason}.sqlite`;
  const full = path.join(dir, file);
  const partial = `${full}.partial`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    removeStalePartials(dir);
    const copyHere = () => copyInSteps(db, partial);
    // A large store is copied in a thread of its own (file-check.ts), the copy's final
    // flush included; a small one here, a hundred pages between two answers.
    if (storeBytes(db) > (opts.checkInThreadAbove ?? CHECK_IN_THREAD_ABOVE)) await copyStoreInThread(db.name, partial, copyHere, nativeBinding);
    else await copyHere();
    makeStandalone(partial, nativeBinding);
    await fsyncFile(partial);
    fs.renameSync(partial, full);
    syncDir(dir);
  } catch (e) {
    removeWithCompanions(partial);
    throw copyFailed('The backup', e);
  }
  // Read in a thread of its own for a large store: every page of the copy, about a second
  // at 1,000,000 records, during which the console went on answering.
  const verified = (await checkFile(full, nativeBinding, opts.checkInThreadAbove).verdict).ok;
  const bytes = fs.statSync(full).size;
  const sidecar: Sidecar = { createdAt: now, reason, verified, bytes };
  fs.writeFileSync(`${full}.json`, JSON.stringify({ ...sidecarExtra, ...sidecar }));
  rotate(dataDir, reason);
  return { file, createdAt: now, bytes, verified, reason };
}

/** The store's size on disk, its WAL aside (what a copy will hold, near enough). */
function storeBytes(db: Db): number {
  try {
    return fs.statSync(db.name).size;
  } catch {
    return 0;
  }
}

/** SQLite's online backup on the store's own connection, a hundred pages a step with a turn of the event loop between. */
async function copyInSteps(db: Db, partial: string): Promise<void> {
  let lastRemaining = -1;
  let stalled = 0;
  const done = await db.backup(partial, {
    progress: ({ remainingPages }) => {
      stalled = remainingPages === lastRemaining ? stalled + 1 : 0;
      lastRemaining = remainingPages;
      if (stalled > MAX_STALLED_STEPS) throw new Error('the copy made no progress (the backup folder is locked or cannot be written)');
      return 100;
    },
  });
  // A first step refused (the file held locked) ends the backup with nothing copied.
  if (!done.totalPages) throw new Error('nothing was copied (the backup file is locked or cannot be written)');
}

/** One writer per data folder (the lock): any .partial present is left from a crash. */
function removeStalePartials(dir: string): void {
  for (const f of fs.readdirSync(dir)) {
    if (/\.partial(-wal|-shm|-journal)?$/.test(f)) fs.rmSync(path.join(dir, f), { force: true });
  }
}

/** Backups newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const f of fs.readdirSync(dir)) {
    if (!f.endsWith('.sqlite')) continue;
    try {
      const s = JSON.parse(fs.readFileSync(path.join(dir, `${f}.json`), 'utf8')) as Sidecar;
      out.push({ file: f, createdAt: s.createdAt, bytes: s.bytes, verified: s.verified, reason: s.reason });
    } catch {
      out.push({ file: f, createdAt: fs.statSync(path.join(dir, f)).mtimeMs, bytes: 0, verified: false, reason: 'unknown' });
    }
  }
  return out.sort((a, b) => b.createdAt - a.createdAt || b.file.localeCompare(a.file));
}

/** Removes every file each rotated-out backup made: the copy, its SQLite companions, its sidecar. */
function rotate(dataDir: string, reason: string): void {
  const keep = KEEP_PER_REASON[reason] ?? 10;
  const dir = backupDir(dataDir);
  const same = listBackups(dataDir).filter((b) => b.reason === reason);
  for (const b of same.slice(keep)) removeWithCompanions(path.join(dir, b.file), BACKUP_COMPANIONS);
}

/** Resolves a backup name from the list, refusing anything that would leave the folder. */
export function resolveBackup(dataDir: string, file: string): string | null {
  if (path.basename(file) !== file || !file.endsWith('.sqlite')) return null;
  const full = path.join(backupDir(dataDir), file);
  return fs.existsSync(full) ? full : null;
}

export type CopyFile = (from: string, to: string) => void | Promise<void>;

/**
 * Restore, step one, while the live store is still open and untouched: copies the chosen
 * file beside the store and proves the copy sound (a store of this console, schema not
 * newer than this code, quick_check ok). Any failure (a full disk, a bad copy) removes
 * the copy and says so; the live file is never touched. Returns the verified copy.
 * The copy and its flush are the file system's work off this thread, and the check of a
 * large copy runs in a thread of its own (file-check.ts): a restore of a store of a year's
 * records no longer holds up every window's answers for the seconds they take.
 */
export async function stageRestore(
  dbFile: string,
  source: string,
  nativeBinding?: string,
  copy: CopyFile = (from, to) => fs.promises.copyFile(from, to),
  checkInThreadAbove?: number,
): Promise<string> {
  const staged = `${dbFile}.restoring`;
  removeWithCompanions(staged);
  try {
    await copy(source, staged);
    await fsyncFile(staged);
    makeStandalone(staged, nativeBinding);
    const seen = recogniseStore(staged, nativeBinding);
    if (seen.state === 'problem') throw new AppError('validation', `${seen.problem.message.replace(staged, 'The chosen file')} It cannot be restored.`);
    if (seen.state === 'store' && seen.userVersion > LATEST_SCHEMA) {
      throw new AppError('validation', `The chosen file was written by a newer version of the console (schema ${seen.userVersion}); it cannot be restored here.`);
    }
    if (!(await checkFile(staged, nativeBinding, checkInThreadAbove).verdict).ok) {
      throw new AppError('validation', 'The copy of the chosen file failed its check (quick_check); it cannot be restored. Choose another.');
    }
    // Switched to WAL here, while a crash only loses this copy: switching modes writes a
    // rollback journal for a moment, and a journal left beside the live file would make
    // it unreadable read-only at the next start.
    setJournalMode(staged, 'WAL', nativeBinding);
    await fsyncFile(staged);
    return staged;
  } catch (e) {
    removeWithCompanions(staged);
    throw copyFailed('The copy for the restore', e);
  }
}

/** Written before a swap and removed after it: a start that finds it finishes the swap. */
const RESTORE_INTENT = 'restore-intent.json';

interface RestoreIntent {
  staged: string;
  aside: string;
}

function moveLiveAside(dbFile: string, aside: string): void {
  // Journal and WAL files first: the main file must never be left in place without them,
  // nor a new one put beside them.
  for (const suffix of ['-journal', '-wal', '-shm', '']) {
    if (fs.existsSync(dbFile + suffix) && !fs.existsSync(aside + suffix)) fs.renameSync(dbFile + suffix, aside + suffix);
  }
}

/**
 * Restore, step two, with the store closed: moves the live file (and its WAL files) into
 * `aside/`, never deleting anything, then renames the verified copy into place. Both are
 * renames inside the data folder, so they need no free space. An intent file written
 * first makes the swap whole even if the process dies half way: the next start finishes
 * it (finishInterruptedRestore), so it never finds the store missing and shows first-run setup.
 */
export function swapInStaged(dataDir: string, dbFile: string, staged: string, now: number): string {
  const asideDir = path.join(dataDir, ASIDE_DIR);
  fs.mkdirSync(asideDir, { recursive: true });
  const aside = path.join(asideDir, `eoc-${stamp(now)}-replaced.sqlite`);
  const intent = path.join(dataDir, RESTORE_INTENT);
  fs.writeFileSync(intent, JSON.stringify({ staged, aside } satisfies RestoreIntent));
  fsyncFileSync(intent);
  syncDir(dataDir);
  moveLiveAside(dbFile, aside);
  fs.renameSync(staged, dbFile);
  syncDir(asideDir);
  syncDir(dataDir);
  fs.rmSync(intent, { force: true });
  // '' when there was no live file to keep (it had gone missing).
  return fs.existsSync(aside) ? aside : '';
}

/**
 * At start: a restore that was interrupted during its swap is finished. The staged copy
 * was verified before the intent was written, so rolling forward is always safe; the
 * live file is (or goes) aside. Returns where the replaced file was kept, or null.
 */
export function finishInterruptedRestore(dataDir: string, dbFile: string): string | null {
  const intentFile = path.join(dataDir, RESTORE_INTENT);
  let intent: RestoreIntent;
  try {
    intent = JSON.parse(fs.readFileSync(intentFile, 'utf8')) as RestoreIntent;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') fs.rmSync(intentFile, { force: true }); // torn before it was synced: no swap began
    return null;
  }
  if (fs.existsSync(intent.staged)) {
    moveLiveAside(dbFile, intent.aside);
    fs.renameSync(intent.staged, dbFile);
    syncDir(dataDir);
  }
  fs.rmSync(intentFile, { force: true });
  return intent.aside;
}

/**
 * Moves the current file and its WAL files aside ("start fresh", or WAL files left with
 * no main file); returns where the main file went, or null when there was none.
 */
export function moveAside(dataDir: string, dbFile: string, now: number, label: string): string | null {
  if (!['', '-wal', '-shm', '-journal'].some((s) => fs.existsSync(dbFile + s))) return null;
  const asideDir = path.join(dataDir, ASIDE_DIR);
  fs.mkdirSync(asideDir, { recursive: true });
  const aside = path.join(asideDir, `eoc-${stamp(now)}-${label}.sqlite`);
  moveLiveAside(dbFile, aside);
  syncDir(asideDir);
  syncDir(dataDir);
  return fs.existsSync(aside) ? aside : null;
}

/**
 * Brings an operator's file (another data folder's store, a copy on removable media, a
 * file kept aside) into backups/ so it can be restored like any backup. The file is
 * recognised first without writing to it, then read through SQLite's backup API so that
 * entries still in its WAL come along, and the copy is verified.
 */
export async function importBackupFile(
  dataDir: string,
  source: string,
  now: number,
  nativeBinding?: string,
  checkInThreadAbove: number = CHECK_IN_THREAD_ABOVE,
): Promise<BackupInfo> {
  if (!path.isAbsolute(source)) throw new AppError('validation', 'Give the full path of the file, such as /media/usb/eoc.sqlite');
  const stat = fs.existsSync(source) ? fs.statSync(source) : null;
  if (!stat?.isFile()) throw new AppError('not_found', `There is no file at ${source}`);
  const seen = recogniseStore(source, nativeBinding);
  if (seen.state === 'problem') throw new AppError('validation', `${seen.problem.message} It cannot be restored.`);
  if (seen.state === 'store' && seen.userVersion > LATEST_SCHEMA) {
    throw new AppError('validation', `${source} was written by a newer version of the console (schema ${seen.userVersion}); it cannot be restored here.`);
  }
  const dir = backupDir(dataDir);
  const file = `eoc-${stamp(now)}-imported.sqlite`;
  const full = path.join(dir, file);
  const partial = `${full}.partial`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    const copyHere = async () => {
      const src = new Database(source, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
      try {
        await src.backup(partial);
      } finally {
        src.close();
      }
    };
    // A large file is read and copied in a thread of its own, and its copy checked there (file-check.ts).
    if (stat.size > checkInThreadAbove) await copyStoreInThread(source, partial, copyHere, nativeBinding);
    else await copyHere();
    makeStandalone(partial, nativeBinding);
    await fsyncFile(partial);
    if (!(await checkFile(partial, nativeBinding, checkInThreadAbove).verdict).ok) throw new AppError('validation', `${source} failed its check (quick_check); it cannot be restored.`);
    fs.renameSync(partial, full);
  } catch (e) {
    removeWithCompanions(partial);
    throw copyFailed(`The copy of ${source}`, e);
  }
  const bytes = fs.statSync(full).size;
  fs.writeFileSync(`${full}.json`, JSON.stringify({ createdAt: now, reason: 'imported', verified: true, bytes } satisfies Sidecar));
  rotate(dataDir, 'imported');
  return { file, createdAt: now, bytes, verified: true, reason: 'imported' };
}
