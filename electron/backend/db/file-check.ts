import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { openDatabase } from './open';

/**
 * Files up to this size are checked in the calling thread: about 70 ms at 32 MiB here,
 * less than a thread takes to start and load SQLite. Larger ones get a thread of their own.
 */
export const CHECK_IN_THREAD_ABOVE = 32 * 1024 * 1024;

/** SQLite's quick_check verdict on a file: `ok`, or what it found (or why it could not look). */
export interface FileVerdict {
  readonly ok: boolean;
  readonly detail: string;
}

/**
 * The check, as it runs in its own thread: the file opened read-only (nothing written, not
 * even WAL mode), SQLite's quick_check, the verdict posted back. CommonJS, evaluated: the
 * backend's bundle has no file of its own to point a worker at, and this needs none.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let Database = null;
try {
  Database = require(workerData.module);
} catch {
  parentPort.postMessage({ failed: true });
}
if (Database) {
  let verdict;
  try {
    const db = new Database(workerData.file, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
    try {
      const detail = db.pragma('quick_check').map((r) => r.quick_check).join('; ');
      verdict = { ok: detail === 'ok', detail };
    } finally {
      db.close();
    }
  } catch (e) {
    verdict = { ok: false, detail: e && e.message ? e.message : String(e) };
  }
  parentPort.postMessage(verdict);
}
`;

/** A check running in its own thread; `cancel` stops it (a store closed before its verdict). */
export interface FileCheck {
  readonly verdict: Promise<FileVerdict>;
  /** False when the verdict was given at once, in the calling thread (a small file). */
  readonly inThread: boolean;
  cancel(): void;
}

/**
 * SQLite's quick_check of `file` in a worker thread, so the thread serving requests never
 * waits for it: it reads every page, about 1.2 s at 1,000,000 records on this machine (the
 * start's whole critical path otherwise, and a freeze after every scheduled backup).
 *
 * `inline` is the same check in the calling thread: used when a thread cannot be started
 * or fails before it could look (a runtime without workers, a module it cannot load), so
 * a verdict is always given, only later.
 */
export function checkFileInThread(file: string, inline: () => FileVerdict, nativeBinding?: string): FileCheck {
  let worker: Worker | null = null;
  let cancelled = false;
  const verdict = new Promise<FileVerdict>((resolve) => {
    const fallback = () => resolve(cancelled ? { ok: false, detail: 'the check was stopped' } : inline());
    try {
      worker = new Worker(THREAD_SOURCE, {
        eval: true,
        workerData: { file, nativeBinding: nativeBinding ?? null, module: createRequire(import.meta.url).resolve('better-sqlite3') },
      });
    } catch {
      fallback();
      return;
    }
    let answered = false;
    worker.once('message', (m: FileVerdict & { failed?: true }) => {
      answered = true;
      // The thread could not load SQLite (a binary for another runtime): the calling
      // thread checks instead. A file SQLite cannot read is a verdict, given as such.
      if (m.failed) fallback();
      else resolve({ ok: m.ok, detail: m.detail });
    });
    worker.once('error', () => {
      if (!answered) {
        answered = true;
        fallback();
      }
    });
    worker.once('exit', () => {
      if (!answered) {
        answered = true;
        fallback();
      }
    });
  });
  return {
    verdict,
    inThread: true,
    cancel() {
      cancelled = true;
      void (worker as Worker | null)?.terminate();
    },
  };
}

/** SQLite's quick_check of an open file: `ok`, or what it found. */
export function quickCheckOk(db: { pragma(source: string): unknown }): FileVerdict {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const detail = rows.map((r) => r.quick_check).join('; ');
  return { ok: detail === 'ok', detail };
}

/** The check in the calling thread, read-only: a file SQLite cannot open is a verdict too. */
export function checkFileNow(file: string, nativeBinding?: string): FileVerdict {
  try {
    const db = openDatabase(file, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      return quickCheckOk(db);
    } finally {
      db.close();
    }
  } catch (e) {
    return { ok: false, detail: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The check of `file` where it costs least: at once in this thread for a small file, in a
 * thread of its own above `inThreadAbove` bytes (see CHECK_IN_THREAD_ABOVE).
 */
export function checkFile(file: string, nativeBinding?: string, inThreadAbove = CHECK_IN_THREAD_ABOVE): FileCheck {
  let size = 0;
  try {
    size = fs.statSync(file).size;
  } catch {
    // Unreadable or gone: the check below says so in SQLite's words.
  }
  if (size <= inThreadAbove) return { verdict: Promise.resolve(checkFileNow(file, nativeBinding)), inThread: false, cancel() {} };
  return checkFileInThread(file, () => checkFileNow(file, nativeBinding), nativeBinding);
}
