import type { PDFFont, PDFPage } from 'pdf-lib';
import { rgb } from '../export/pdf/pdf-lib';
import type { FormFonts } from '../export/pdf/fonts';
import { printable, wrap } from '../export/pdf/text';

/** Small drawing helpers for printed forms: labelled boxes with wrapped text. */
export const BLACK = rgb(0, 0, 0);
export const GREY = rgb(0.35, 0.35, 0.35);

/** A box with a numbered block label at its top left and the value below, wrapped and clipped. */
export function box(page: PDFPage, f: FormFonts, x: number, yTop: number, w: number, h: number, label: string, value: string, size = 9): void {
  page.drawRectangle({ x, y: yTop - h, width: w, height: h, borderColor: BLACK, borderWidth: 0.75 });
  page.drawText(printable(f.bold, label), { x: x + 3, y: yTop - 9, size: 7, font: f.bold, color: BLACK });
  const lines = wrap(f.regular, size, value, w - 6);
  const room = Math.max(0, Math.floor((h - 14) / (size + 2)));
  lines.slice(0, room).forEach((l, i) => page.drawText(l, { x: x + 3, y: yTop - 12 - (i + 1) * (size + 2) + 2, size, font: f.regular, color: BLACK }));
  if (lines.length > room && room > 0) page.drawText('(continued on the history page)', { x: x + w - 120, y: yTop - h + 2, size: 6, font: f.regular, color: GREY });
}

export function text(page: PDFPage, font: PDFFont, s: string, x: number, y: number, size = 9): void {
  page.drawText(printable(font, s), { x, y, size, font, color: BLACK });
}
