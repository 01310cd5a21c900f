import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/contract';
import { openDatabase, type Db } from './open';

export const BACKUP_DIR = 'backups';
const KEEP_PER_REASON: Record<string, number> = { scheduled: 24, 'pre-migration': 5, manual: 10, 'pre-restore': 5 };

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.(\d{3})Z$/, '$1Z');
}

export function backupDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR);
}

/** True when SQLite's own quick_check finds the file sound. */
export function quickCheckOk(db: Db): { ok: boolean; detail: string } {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const detail = rows.map((r) => r.quick_check).join('; ');
  return { ok: detail === 'ok', detail };
}

export function verifyFile(file: string, nativeBinding?: string): boolean {
  try {
    const db = openDatabase(file, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      return quickCheckOk(db).ok;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

interface Sidecar {
  createdAt: number;
  reason: string;
  verified: boolean;
  bytes: number;
}

/**
 * Takes a backup with SQLite's online backup API (safe while the console keeps
 * writing), verifies the copy with quick_check, records the result beside it, and
 * rotates old backups of the same reason. A copy that fails verification is kept but
 * marked, and never offered for restore.
 */
export async function takeBackup(
  db: Db,
  dataDir: string,
  reason: string,
  now: number,
  nativeBinding?: string,
  /** Written into the backup's record too: the chain heads signed as it was taken (witnesses). */
  sidecarExtra: Record<string, unknown> = {},
): Promise<BackupInfo> {
  const dir = backupDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = `eoc-${stamp(now)}-${reason}.sqlite`;
  const full = path.join(dir, file);
  const partial = `${full}.partial`;
  await db.backup(partial);
  fs.renameSync(partial, full);
  const verified = verifyFile(full, nativeBinding);
  const bytes = fs.statSync(full).size;
  const sidecar: Sidecar = { createdAt: now, reason, verified, bytes };
  fs.writeFileSync(`${full}.json`, JSON.stringify({ ...sidecarExtra, ...sidecar }));
  rotate(dataDir, reason);
  return { file, createdAt: now, bytes, verified, reason };
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

function rotate(dataDir: string, reason: string): void {
  const keep = KEEP_PER_REASON[reason] ?? 10;
  const dir = backupDir(dataDir);
  const same = listBackups(dataDir).filter((b) => b.reason === reason);
  for (const b of same.slice(keep)) {
    fs.rmSync(path.join(dir, b.file), { force: true });
    fs.rmSync(path.join(dir, `${b.file}.json`), { force: true });
  }
}

/** Resolves a backup name from the list, refusing anything that would leave the folder. */
export function resolveBackup(dataDir: string, file: string): string | null {
  if (path.basename(file) !== file || !file.endsWith('.sqlite')) return null;
  const full = path.join(backupDir(dataDir), file);
  return fs.existsSync(full) ? full : null;
}

/**
 * Moves the current store (and its WAL files) aside into `aside/`, then places a copy of
 * the chosen backup as the store. The store must be closed. Nothing is deleted.
 */
export function swapInBackup(dataDir: string, dbFile: string, backupFile: string, now: number): string {
  const asideDir = path.join(dataDir, 'aside');
  fs.mkdirSync(asideDir, { recursive: true });
  const aside = path.join(asideDir, `eoc-${stamp(now)}-replaced.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(dbFile + suffix)) fs.renameSync(dbFile + suffix, aside + suffix);
  }
  const tmp = `${dbFile}.restoring`;
  fs.copyFileSync(backupFile, tmp);
  fs.renameSync(tmp, dbFile);
  return aside;
}
