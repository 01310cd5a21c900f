import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as PdfLib from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadFontkit, loadPdfLib, rgb } from '../../../electron/backend/domains/export/pdf/pdf-lib';

describe('the PDF library, loaded on the first print', () => {
  it('makes colours exactly as pdf-lib does', () => {
    const colours: [number, number, number][] = [[0, 0, 0], [0.75, 0, 0], [0.9, 0.9, 0.9], [1, 1, 1]];
    for (const [r, g, b] of colours) expect(rgb(r, g, b)).toEqual(PdfLib.rgb(r, g, b));
  });

  it('hands out one pdf-lib and one fontkit, loaded once', async () => {
    const [a, b] = await Promise.all([loadPdfLib(), loadPdfLib()]);
    expect(a).toBe(b);
    expect(typeof a.PDFDocument.create).toBe('function');
    const [k1, k2] = await Promise.all([loadFontkit(), loadFontkit()]);
    expect(k1).toBe(k2);
    expect(typeof k1.create).toBe('function');
  });

  it('is imported for its values only by the loader: the rest of the backend imports its types', () => {
    const files = (readdirSync('electron', { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join('electron', f));
    const valueImports = files.filter((f) => /^import\s+(?!type\b)[^;]*from\s+'(pdf-lib|@pdf-lib\/fontkit)'/m.test(readFileSync(f, 'utf8')));
    expect(files.length).toBeGreaterThan(50);
    expect(valueImports).toEqual([]);
  });
});
