import { createHash } from 'node:crypto';
import fs from 'node:fs';

/**
 * The SQLite driver of the desktop app lives outside the app archive (a native module
 * cannot load from inside it), so ASAR integrity does not cover it. Packaging records its
 * SHA-256 beside it (scripts/native-checksum.mjs, in sha256sum's format); the backend checks it before
 * loading it and refuses to start on a mismatch: a replaced driver would see every record.
 */
export function checksumFile(binding: string): string {
  return `${binding}.sha256`;
}

export function sha256Of(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Null when the driver matches its recorded checksum, else why not, in words. */
export function nativeBindingProblem(binding: string): string | null {
  let recorded: string | undefined;
  try {
    recorded = /^([0-9a-f]{64})\b/.exec(fs.readFileSync(checksumFile(binding), 'utf8').trim())?.[1];
  } catch {
    recorded = undefined;
  }
  if (!recorded) {
    return `The console's SQLite driver (${binding}) has no checksum recorded beside it, so it cannot be trusted. Reinstall the console (or, in a development tree, run npm run dist again).`;
  }
  const actual = sha256Of(binding);
  if (actual !== recorded) {
    return `The console's SQLite driver (${binding}) is not the one it was packaged with (SHA-256 ${actual.slice(0, 16)}…, expected ${recorded.slice(0, 16)}…). The installation has been changed or damaged; reinstall the console. Nothing was opened.`;
  }
  return null;
}
