import type { PDFFont, PDFPage } from 'pdf-lib';
import type { ActivationSheet } from '../../../../shared/contract';
import { embedFormFonts } from '../export/pdf/fonts';
import { loadPdfLib, rgb } from '../export/pdf/pdf-lib';
import { printable, wrap } from '../export/pdf/text';

const PAGE_W = 612;
const PAGE_H = 792;
const M = 36;
const W = PAGE_W - 2 * M;
const BOTTOM = M + 22;
const BLACK = rgb(0, 0, 0);
const RED = rgb(0.75, 0, 0);
const SHADE = rgb(0.88, 0.88, 0.88);
/** The largest type that fits: a short sheet prints large enough to read at arm's length; a long one shrinks, never onto a second page. */
const SCALES = [1.35, 1.2, 1.1, 1, 0.93, 0.86, 0.8, 0.74, 0.68, 0.62];

export interface SheetPrint {
  sheet: ActivationSheet;
  coalitionName: string;
  demo: boolean;
  savedAt: string;
  printedAt: string;
  printedBy: string;
}

interface Pen {
  page: PDFPage | null;
  font: PDFFont;
  bold: PDFFont;
  s: number;
  y: number;
  clipped: boolean;
  text: string[];
}

function line(p: Pen, str: string, x: number, size: number, font: PDFFont, color = BLACK): void {
  const t = printable(font, str);
  if (p.page) p.page.drawText(t, { x, y: p.y, size: size * p.s, font, color });
  p.text.push(t);
}

/** Wrapped lines in a column; returns the height used. Stops (and says so) at the bottom. */
function para(p: Pen, str: string, x: number, width: number, size: number, font = p.font): void {
  const lh = size * p.s * 1.22;
  for (const l of wrap(font, size * p.s, str, width)) {
    if (p.y - lh < BOTTOM) {
      p.clipped = true;
      return;
    }
    p.y -= lh;
    line(p, l, x, size, font);
  }
}

function heading(p: Pen, n: number, label: string): void {
  const h = 13 * p.s;
  p.y -= 6 * p.s;
  if (p.y - h < BOTTOM) {
    p.clipped = true;
    return;
  }
  p.page?.drawRectangle({ x: M, y: p.y - h, width: W, height: h, color: SHADE });
  p.y -= h - 3.5 * p.s;
  line(p, `${n}. ${label}`, M + 4, 9, p.bold);
  p.y -= 3.5 * p.s;
}

/** Two or three columns side by side; the row is as tall as its tallest cell. */
function row(p: Pen, cells: { text: string; width: number; size?: number; bold?: boolean }[]): void {
  const top = p.y;
  let lowest = top;
  let x = M + 4;
  for (const c of cells) {
    p.y = top;
    para(p, c.text, x, c.width - 8, c.size ?? 9, c.bold ? p.bold : p.font);
    lowest = Math.min(lowest, p.y);
    x += c.width;
  }
  p.y = lowest - 2 * p.s;
  if (p.page && lowest > BOTTOM) p.page.drawLine({ start: { x: M, y: p.y }, end: { x: M + W, y: p.y }, thickness: 0.3, color: rgb(0.6, 0.6, 0.6) });
}

function layout(p: Pen, d: SheetPrint): void {
  const c = d.sheet.content;
  p.y = PAGE_H - M;
  if (d.demo) {
    p.y -= 12;
    line(p, 'DEMO DATA - NOT A REAL ACTIVATION SHEET', M, 11, p.bold, RED);
  }
  p.y -= 18 * p.s;
  line(p, c.title.toUpperCase(), M, 16, p.bold);
  para(p, `${d.coalitionName}  |  Version ${d.sheet.version}, saved ${d.savedAt}${d.sheet.operatorName ? ` by ${d.sheet.operatorName}` : ''}`, M, W, 8.5);
  heading(p, 1, 'Who may activate');
  for (const w of c.whoMayActivate) para(p, `\u2022 ${w}`, M + 4, W - 8, 9.5);
  heading(p, 2, 'Activation levels and their triggers');
  for (const l of c.levels) row(p, [{ text: l.name, width: W * 0.24, bold: true, size: 9.5 }, { text: l.trigger, width: W * 0.76, size: 9.5 }]);
  heading(p, 3, 'First calls (24/7 numbers from the directory)');
  for (const call of d.sheet.calls) {
    const who = [call.contactName, call.organisationName].filter(Boolean).join(', ') || (call.source === 'missing' ? 'Contact removed from the directory' : '');
    const phone = call.phone ?? 'NO NUMBER: check the directory';
    row(p, [
      { text: call.label, width: W * 0.3, bold: true, size: 9.5 },
      { text: who, width: W * 0.4, size: 9 },
      { text: phone, width: W * 0.3, bold: true, size: 11 },
    ]);
  }
  heading(p, 4, 'Coordination center');
  row(p, [{ text: 'Where', width: W * 0.2, bold: true }, { text: c.coordinationCenter.location, width: W * 0.8 }]);
  row(p, [{ text: 'How to open it', width: W * 0.2, bold: true }, { text: c.coordinationCenter.howToOpen, width: W * 0.8 }]);
  if (c.coordinationCenter.alternate) row(p, [{ text: 'Alternate', width: W * 0.2, bold: true }, { text: c.coordinationCenter.alternate, width: W * 0.8 }]);
  heading(p, 5, 'First actions');
  c.firstActions.forEach((a, i) => para(p, `\u2610 ${i + 1}. ${a}`, M + 4, W - 8, 9.5));
}

/**
 * The activation sheet on exactly one page. It is laid out at full size and, when it does
 * not fit, at smaller sizes in steps; what still does not fit at the smallest size is cut
 * and the page says so, so the duty officer never gets half a sheet on a second page.
 */
export async function buildActivationSheetPdf(d: SheetPrint): Promise<{ bytes: Uint8Array; pages: number; text: string[]; scale: number; clipped: boolean }> {
  const { PDFDocument } = await loadPdfLib();
  const doc = await PDFDocument.create();
  const fonts = await embedFormFonts(doc);
  const pen = (s: number, page: PDFPage | null): Pen => ({ page, font: fonts.regular, bold: fonts.bold, s, y: 0, clipped: false, text: [] });
  let scale = SCALES[SCALES.length - 1]!;
  for (const s of SCALES) {
    const trial = pen(s, null);
    layout(trial, d);
    if (!trial.clipped) {
      scale = s;
      break;
    }
  }
  const page = doc.addPage([PAGE_W, PAGE_H]);
  const p = pen(scale, page);
  layout(p, d);
  p.y = M - 2;
  const footer = `${p.clipped ? 'MORE ON THE CONSOLE: this sheet was cut to fit one page.  |  ' : ''}Numbers as in the directory when printed, ${d.printedAt}, by ${d.printedBy}.  |  Page 1 of 1`;
  p.s = 1;
  line(p, footer, M, 7, p.clipped ? p.bold : p.font, p.clipped ? RED : BLACK);
  doc.setTitle(`${d.demo ? 'DEMO - ' : ''}${d.sheet.content.title} (version ${d.sheet.version})`);
  doc.setProducer('Coalition EOC Console');
  doc.setCreator('Coalition EOC Console');
  return { bytes: await doc.save(), pages: doc.getPageCount(), text: p.text, scale, clipped: p.clipped };
}
