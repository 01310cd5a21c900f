import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { AppError } from '../../../errors';
import { loadFontkit } from './pdf-lib';

/**
 * The font every printed form uses. The PDF standard fonts speak WinAnsi only, so
 * "Nguyễn Thị Ánh" or "Łukasz" printed as "?"; on a legal record a name must print as
 * typed. DejaVu Sans Condensed (resources/fonts, Bitstream Vera licence) covers Latin with
 * its extensions and Vietnamese, Greek, Cyrillic, arrows and maths signs, and its widths
 * are within a few per cent of Helvetica's, so the forms keep their layout.
 */
export const FORM_FONT_FILES = { regular: 'DejaVuSansCondensed.ttf', bold: 'DejaVuSansCondensed-Bold.ttf' } as const;

export interface FormFonts {
  regular: PDFFont;
  bold: PDFFont;
}

/**
 * Folders that may hold the font files, in order: beside a packaged app (electron-builder's
 * extraResources copies resources/fonts to <resources>/fonts), then `resources/fonts` in
 * this module's folder or any folder above it, which finds the repository's copy both from
 * the sources (vitest, tsx) and from the bundle in out/main, whatever chunk the code is in.
 */
export function fontDirCandidates(resourcesPath: string | undefined, moduleDir: string): string[] {
  const dirs = resourcesPath ? [path.join(resourcesPath, 'fonts')] : [];
  for (let dir = path.resolve(moduleDir); ; dir = path.dirname(dir)) {
    dirs.push(path.join(dir, 'resources', 'fonts'));
    if (path.dirname(dir) === dir) return dirs;
  }
}

function findFontDir(): string {
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = fontDirCandidates(resourcesPath, path.dirname(fileURLToPath(import.meta.url)));
  const found = candidates.find((d) => existsSync(path.join(d, FORM_FONT_FILES.regular)) && existsSync(path.join(d, FORM_FONT_FILES.bold)));
  if (!found) {
    throw new AppError('unavailable', `The font for printed forms (${FORM_FONT_FILES.regular}) is missing from this installation, so nothing was printed. Reinstall the console. Looked in: ${candidates.join(', ')}`);
  }
  return found;
}

interface FontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
}

// Read once per process; a failed read is not cached, so a later export tries again.
let bytesOnce: Promise<FontBytes> | undefined;
function fontBytes(): Promise<FontBytes> {
  bytesOnce ??= (async () => {
    const dir = findFontDir();
    const [regular, bold] = await Promise.all([readFile(path.join(dir, FORM_FONT_FILES.regular)), readFile(path.join(dir, FORM_FONT_FILES.bold))]);
    return { regular, bold };
  })().catch((e: unknown) => {
    bytesOnce = undefined;
    throw e;
  });
  return bytesOnce;
}

/**
 * pdf-lib parses the font file anew for every document it embeds it in. The parsed font is
 * only read from afterwards (each document takes its own subset of it), so it is parsed
 * once per process and handed out again for the same bytes.
 */
type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
const parsed = new WeakMap<Uint8Array, ReturnType<Fontkit['create']>>();
const caching = (fontkit: Fontkit): Fontkit => ({
  create(buffer, postscriptName) {
    let font = parsed.get(buffer);
    if (!font) {
      font = fontkit.create(buffer, postscriptName);
      parsed.set(buffer, font);
    }
    return font;
  },
});

/**
 * Embeds the form font in `doc`, regular and bold. Subset: only the glyphs a form draws go
 * into the file: a one-page form weighs 15 to 25 KB, where the whole fonts embedded add about 730 KB.
 */
export async function embedFormFonts(doc: PDFDocument): Promise<FormFonts> {
  const [bytes, fontkit] = await Promise.all([fontBytes(), loadFontkit()]);
  doc.registerFontkit(caching(fontkit));
  const [regular, bold] = await Promise.all([doc.embedFont(bytes.regular, { subset: true }), doc.embedFont(bytes.bold, { subset: true })]);
  return { regular, bold };
}
