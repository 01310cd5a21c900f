import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One writer per data folder: the hash chain head and the clock are kept in memory, so a
 * second process writing the same file would fork the chain. The lock file records the
 * holder's pid and, where the system tells it, the process's start time: a pid reused by
 * an unrelated process after a crash (common after a reboot) has another start time, so
 * its lock is taken over instead of blocking the console for ever.
 */
export interface LockRecord {
  pid: number;
  /** Linux: field 22 of /proc/<pid>/stat (clock ticks after boot). Null where no such source exists. */
  startTime: string | null;
  host: string;
  /** When the lock was taken (ms), for the message that names the holder. */
  takenAt: number;
}

export const LOCK_FILE = 'eoc.lock';

export function lockFile(dataDir: string): string {
  return path.join(dataDir, LOCK_FILE);
}

/**
 * The start time of a process as the kernel records it, or null. Linux only: elsewhere
 * there is no file to read without starting a program, so the lock falls back to the pid
 * alone and says how to clear a stale one.
 */
export function processStartTime(pid: number, procRoot = '/proc'): string | null {
  try {
    const stat = fs.readFileSync(path.join(procRoot, String(pid), 'stat'), 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so fields are
    // counted after the last ')'. Field 3 (state) is the first after it; field 22 is starttime.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[22 - 3];
    return start && /^\d+$/.test(start) ? start : null;
  } catch {
    return null;
  }
}

/** The lock record for a running process (this one by default). */
export function lockRecordFor(pid = process.pid, now = Date.now()): LockRecord {
  return { pid, startTime: processStartTime(pid), host: os.hostname(), takenAt: now };
}

/** Reads a lock file in the current format or the earlier pid-only one; null when unreadable. */
export function readLock(file: string): LockRecord | null {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
  if (/^\d+$/.test(raw)) return { pid: Number(raw), startTime: null, host: os.hostname(), takenAt: 0 };
  try {
    const r = JSON.parse(raw) as Partial<LockRecord>;
    if (!Number.isInteger(r.pid) || (r.pid ?? 0) <= 0) return null;
    return { pid: r.pid!, startTime: typeof r.startTime === 'string' ? r.startTime : null, host: String(r.host ?? ''), takenAt: Number(r.takenAt ?? 0) };
  } catch {
    return null;
  }
}

export type Liveness = { live: true } | { live: false; why: string };

/** Whether the recorded holder is still the process that took the lock. */
export function holderLiveness(r: LockRecord, alive: (pid: number) => boolean = isAlive, startOf = processStartTime): Liveness {
  // A folder shared between computers: another machine's pid cannot be checked from here.
  if (r.host && r.host !== os.hostname()) return { live: true };
  if (!alive(r.pid)) return { live: false, why: `process ${r.pid} no longer exists` };
  if (r.startTime === null) return { live: true }; // No start time recorded: the pid is all there is to go on.
  const now = startOf(r.pid);
  if (now === null) return { live: true };
  return now === r.startTime ? { live: true } : { live: false, why: `pid ${r.pid} now belongs to another process (started later)` };
}

function describeHolder(r: LockRecord): string {
  const where = r.host && r.host !== os.hostname() ? ` on ${r.host}` : '';
  const since = r.takenAt > 0 ? `, open since ${new Date(r.takenAt).toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
  return `(pid ${r.pid}${where})${since}`;
}

export function acquireDataLock(dataDir: string): () => void {
  const file = lockFile(dataDir);
  const mine = lockRecordFor();
  const text = JSON.stringify(mine);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, text, { flag: 'wx' });
      return () => {
        try {
          if (readLock(file)?.pid === process.pid) fs.rmSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readLock(file);
      if (holder && holder.pid !== process.pid && holderLiveness(holder).live) {
        const fallback =
          holder.startTime === null || (holder.host && holder.host !== os.hostname())
            ? ` If no console is running there (the process may be another program that was given the same number), delete ${file} and start again.`
            : '';
        throw new Error(
          `The data folder ${dataDir} is already open in another console process ${describeHolder(holder)}. Close it first, or use another data folder.${fallback}`,
        );
      }
      // Stale (its process is gone or the pid was reused), or unreadable: take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the data folder ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
