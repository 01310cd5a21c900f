import type * as PdfLib from 'pdf-lib';

/**
 * pdf-lib and fontkit are a third of the backend's start-up (about 300 ms of module loading
 * on this machine) and only printing needs them, so they load on the first print, once.
 */
let lib: Promise<typeof PdfLib> | undefined;
export function loadPdfLib(): Promise<typeof PdfLib> {
  lib ??= import('pdf-lib');
  return lib;
}

type Fontkit = Parameters<PdfLib.PDFDocument['registerFontkit']>[0];
let kit: Promise<Fontkit> | undefined;
export function loadFontkit(): Promise<Fontkit> {
  kit ??= import('@pdf-lib/fontkit').then((m) => (m as unknown as { default: Fontkit }).default ?? (m as unknown as Fontkit));
  return kit;
}

/** A colour as pdf-lib's rgb() makes it, without loading pdf-lib (a test keeps them equal). */
export function rgb(red: number, green: number, blue: number): PdfLib.RGB {
  return { type: 'RGB' as PdfLib.ColorTypes.RGB, red, green, blue };
}
