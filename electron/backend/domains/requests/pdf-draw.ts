import { type PDFFont, type PDFPage, rgb } from 'pdf-lib';

/** Small drawing helpers for printed forms: labelled boxes with wrapped text. */
export const BLACK = rgb(0, 0, 0);
export const GREY = rgb(0.35, 0.35, 0.35);

/**
 * The standard fonts speak WinAnsi only: typographic punctuation becomes ASCII and anything
 * else outside Latin-1 becomes "?", so an unusual name can never stop a form from printing.
 */
export function printable(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201B]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[\r\t]/g, ' ')
    .replace(/[^\n\x20-\x7E\xA0-\xFF]/g, '?');
}

export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const para of printable(text).split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width) {
        line = next;
        continue;
      }
      if (line) out.push(line);
      // A single word wider than the box is cut, not lost.
      let w = word;
      while (font.widthOfTextAtSize(w, size) > width && w.length > 1) {
        let cut = w.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(w.slice(0, cut), size) > width) cut--;
        out.push(w.slice(0, cut));
        w = w.slice(cut);
      }
      line = w;
    }
    out.push(line);
  }
  return out;
}

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** A box with a numbered block label at its top left and the value below, wrapped and clipped. */
export function box(page: PDFPage, f: Fonts, x: number, yTop: number, w: number, h: number, label: string, value: string, size = 9): void {
  page.drawRectangle({ x, y: yTop - h, width: w, height: h, borderColor: BLACK, borderWidth: 0.75 });
  page.drawText(printable(label), { x: x + 3, y: yTop - 9, size: 7, font: f.bold, color: BLACK });
  const lines = wrap(value, f.regular, size, w - 6);
  const room = Math.max(0, Math.floor((h - 14) / (size + 2)));
  lines.slice(0, room).forEach((l, i) => page.drawText(l, { x: x + 3, y: yTop - 12 - (i + 1) * (size + 2) + 2, size, font: f.regular, color: BLACK }));
  if (lines.length > room && room > 0) page.drawText('(continued on the history page)', { x: x + w - 120, y: yTop - h + 2, size: 6, font: f.regular, color: GREY });
}

export function text(page: PDFPage, font: PDFFont, s: string, x: number, y: number, size = 9): void {
  page.drawText(printable(s), { x, y, size, font, color: BLACK });
}
