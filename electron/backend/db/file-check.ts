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

/** What a thread doing file work posts back; `failed`: it could not load SQLite at all. */
interface ThreadAnswer {
  readonly ok: boolean;
  readonly detail: string;
  readonly code?: string;
  readonly failed?: true;
}

/**
 * File work as it runs in its own thread, with its own read-only connection (nothing
 * written to the file, not even WAL mode): `check` is SQLite's quick_check, `copy` the
 * online backup API in one step (one read transaction: a snapshot of the committed state
 * however long it takes, while the console goes on writing). The answer is posted back.
 * CommonJS, evaluated: the backend's bundle has no file of its own to point a worker at.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const post = (m) => parentPort.postMessage(m);
const failed = (e) => ({ ok: false, detail: e && e.message ? e.message : String(e), code: e && e.code ? String(e.code) : undefined });
// SQLite's own refusal is an answer; anything else (a native binding this thread cannot
// load...) is this thread's failure, and the calling thread does the work instead.
const sqlite = (e) => !!e && typeof e.code === 'string' && e.code.startsWith('SQLITE_');
const options = { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) };
let Database = null;
try {
  Database = require(workerData.module);
} catch {
  post({ failed: true });
}
let db = null;
if (Database) {
  try {
    db = new Database(workerData.file, options);
  } catch (e) {
    post(sqlite(e) ? failed(e) : { failed: true });
  }
}
if (db && workerData.task === 'check') {
  let answer;
  try {
    const detail = db.pragma('quick_check').map((r) => r.quick_check).join('; ');
    answer = { ok: detail === 'ok', detail };
  } catch (e) {
    answer = sqlite(e) ? failed(e) : { failed: true };
  }
  db.close();
  post(answer);
}
if (db && workerData.task === 'copy') {
  // All the pages in one step after the first; a destination held locked answers busy at
  // every step, and is given up after a few rather than retried for ever.
  let steps = 0;
  const progress = () => {
    if (++steps > 50) throw new Error('the copy made no progress (the backup file is locked or cannot be written)');
    return 0x7fffffff;
  };
  db.backup(workerData.dest, { progress })
    .then((p) => (p.totalPages > 0 ? { ok: true, detail: 'copied' } : { ok: false, detail: 'nothing was copied (the backup file is locked or cannot be written)' }), failed)
    .then((answer) => {
      db.close();
      post(answer);
    });
}
`;

/** Work running in its own thread; `cancel` stops it (a store closed before its answer). */
interface ThreadWork {
  readonly answer: Promise<ThreadAnswer>;
  cancel(): void;
}

/**
 * Runs `task` on `file` in a worker thread. `inline` is the same work in the calling
 * thread, run when a thread cannot be started or cannot load SQLite (a runtime without
 * workers, a binary for another runtime), so the work is always done, only not in a thread.
 */
function inThread(
  task: { task: 'check' | 'copy'; file: string; dest?: string; nativeBinding?: string },
  inline: () => ThreadAnswer | Promise<ThreadAnswer>,
): ThreadWork {
  let worker: Worker | null = null;
  let cancelled = false;
  const answer = new Promise<ThreadAnswer>((resolve) => {
    let answered = false;
    const fallback = () => {
      if (answered) return;
      answered = true;
      resolve(cancelled ? { ok: false, detail: 'stopped before it was done' } : inline());
    };
    try {
      worker = new Worker(THREAD_SOURCE, {
        eval: true,
        workerData: { ...task, nativeBinding: task.nativeBinding ?? null, module: createRequire(import.meta.url).resolve('better-sqlite3') },
      });
    } catch {
      fallback();
      return;
    }
    worker.once('message', (m: ThreadAnswer) => {
      if (m.failed) return fallback();
      answered = true;
      resolve(m);
    });
    worker.once('error', fallback);
    worker.once('exit', fallback);
  });
  return {
    answer,
    cancel() {
      cancelled = true;
      void (worker as Worker | null)?.terminate();
    },
  };
}

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
 * `inline` is the same check in the calling thread (see inThread).
 */
export function checkFileInThread(file: string, inline: () => FileVerdict, nativeBinding?: string): FileCheck {
  const work = inThread({ task: 'check', file, ...(nativeBinding ? { nativeBinding } : {}) }, inline);
  return { verdict: work.answer.then((a) => ({ ok: a.ok, detail: a.detail })), inThread: true, cancel: work.cancel };
}

/**
 * A copy of the store at `file` into `dest` by SQLite's online backup, made in a worker
 * thread with its own read-only connection: the copy and its last step (which flushes the
 * whole copy to the disk, about 300 ms at 1,000,000 records here) never hold up an answer.
 * `inline` copies in the calling thread instead (see inThread). Fails with SQLite's error
 * and its code (SQLITE_FULL...), as the copy in this thread would.
 */
export async function copyStoreInThread(file: string, dest: string, inline: () => Promise<void>, nativeBinding?: string): Promise<void> {
  const fallback = () =>
    inline().then(
      () => ({ ok: true, detail: 'copied' }),
      (e: unknown) => ({ ok: false, detail: e instanceof Error ? e.message : String(e), code: (e as { code?: string })?.code }),
    );
  const answer = await inThread({ task: 'copy', file, dest, ...(nativeBinding ? { nativeBinding } : {}) }, fallback).answer;
  if (!answer.ok) throw Object.assign(new Error(answer.detail), answer.code ? { code: answer.code } : {});
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
