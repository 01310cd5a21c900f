import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const build = path.resolve('build');
const pngSize = (file: string) => {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
};

describe('packaged icons (build/, electron-builder buildResources)', () => {
  it('has the Linux PNG set at each size, square and true to its name', () => {
    for (const n of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) expect(pngSize(path.join(build, 'icons', `${n}x${n}.png`))).toEqual([n, n]);
  });

  it('has a Windows .ico holding 16 to 256 pixels, and the installer icons', () => {
    for (const name of ['icon.ico', 'installerIcon.ico', 'uninstallerIcon.ico', 'installerHeaderIcon.ico']) {
      const b = fs.readFileSync(path.join(build, name));
      expect([b.readUInt16LE(0), b.readUInt16LE(2)]).toEqual([0, 1]); // reserved, type 1 = icon
      const sizes = Array.from({ length: b.readUInt16LE(4) }, (_, i) => b[6 + i * 16] || 256);
      expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    }
  });

  it('has a macOS .icns whose length is what its header says', () => {
    const b = fs.readFileSync(path.join(build, 'icon.icns'));
    expect(b.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(b.readUInt32BE(4)).toBe(b.length);
  });

  it('names only icons that exist, for every target', () => {
    const yml = fs.readFileSync('electron-builder.yml', 'utf8');
    expect(yml).toMatch(/^\s+buildResources: build$/m);
    const named = [...yml.matchAll(/^\s+\w*[iI]con: (build\/\S+)$/gm)].map((m) => m[1]!);
    expect(named).toEqual(['build/icons', 'build/icon.ico', 'build/icon.icns', 'build/installerIcon.ico', 'build/uninstallerIcon.ico', 'build/installerHeaderIcon.ico']);
    for (const p of named) expect(fs.existsSync(p)).toBe(true);
  });
});
