import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeBindingProblem } from '../../../electron/backend/host/native-check';
import { writeNativeChecksum } from '../../../scripts/native-checksum.mjs';
import { tempDir } from '../helpers/backend';

function driver(): string {
  const file = path.join(tempDir(), 'better_sqlite3.node');
  fs.copyFileSync(path.resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node'), file);
  return file;
}

describe('the SQLite driver checksum', () => {
  it('accepts the driver packaging recorded, in the format sha256sum checks', () => {
    const file = driver();
    writeNativeChecksum(file);
    expect(nativeBindingProblem(file)).toBeNull();
    expect(execFileSync('sha256sum', ['-c', `${path.basename(file)}.sha256`], { cwd: path.dirname(file), encoding: 'utf8' })).toMatch(/: OK/);
  });

  it('refuses to start, in words, when one byte of the driver changed after packaging', () => {
    const file = driver();
    writeNativeChecksum(file);
    const bytes = fs.readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    fs.writeFileSync(file, bytes);
    expect(nativeBindingProblem(file)).toMatch(/^The console's SQLite driver \(.*\) is not the one it was packaged with \(SHA-256 [0-9a-f]{16}…, expected [0-9a-f]{16}…\)\. .*reinstall the console/);
  });

  it('refuses a driver with no checksum beside it', () => {
    expect(nativeBindingProblem(driver())).toMatch(/has no checksum recorded beside it/);
  });
});
