import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Plans live in the data folder, beside the database, so a copy of the folder carries them. */
export const PLANS_FOLDER = 'plans';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Keeps a document's bytes under their SHA-256. Written to a temporary name, flushed and
 * renamed, so a file is either whole or absent; the same bytes are stored once, and a new
 * version can never overwrite an older one's file.
 */
export function storePlanFile(dataDir: string, bytes: Uint8Array, ext: string): { storedName: string; sha256: string } {
  const sha256 = sha256Hex(bytes);
  const storedName = `${sha256}.${ext}`;
  const dir = path.join(dataDir, PLANS_FOLDER);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, storedName);
  if (fs.existsSync(target) && sha256Hex(fs.readFileSync(target)) === sha256) return { storedName, sha256 };
  const tmp = path.join(dir, `.${storedName}.${process.pid}.tmp`);
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, target);
  return { storedName, sha256 };
}

/** A stored document's bytes, checked against the hash recorded when it was uploaded. */
export function readPlanFile(dataDir: string, storedName: string, sha256: string): Buffer | null {
  const file = path.join(dataDir, PLANS_FOLDER, path.basename(storedName));
  if (!fs.existsSync(file)) return null;
  const bytes = fs.readFileSync(file);
  return sha256Hex(bytes) === sha256 ? bytes : null;
}
