// The SHA-256 record of the Electron build of the SQLite driver, written at packaging by
// scripts/rebuild-electron-native.mjs and checked by the backend before it loads the
// driver (electron/backend/host/native-check.ts). Format: sha256sum's, "<hex>  <name>".
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function writeNativeChecksum(file) {
  const hex = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  fs.writeFileSync(`${file}.sha256`, `${hex}  ${path.basename(file)}\n`);
  return hex;
}
