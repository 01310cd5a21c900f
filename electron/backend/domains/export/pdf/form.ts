import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { embedFormFonts } from './fonts';
import { printable, textWidth, wrap } from './text';
import { loadPdfLib, rgb } from './pdf-lib';

export { DEMO_MARK } from '../marks';

export const EXERCISE_BANNER = 'EXERCISE EXERCISE EXERCISE';

const PAGE_W = 612; // US Letter, the size the ICS forms are printed on
const PAGE_H = 792;
const MARGIN = 36;
const CONTENT_W = PAGE_W - 2 * MARGIN;
const LABEL_SIZE = 7.5;
const TEXT_SIZE = 9;
const LINE = 11;
const PAD = 3;
const HEADING_H = LABEL_SIZE + 2 * PAD + 2;
/** The step between the lines of a table header's wrapped label. */
const LABEL_LINE = LABEL_SIZE + 1.5;
const RED = rgb(0.75, 0, 0);
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);

export interface FormOptions {
  /** Printed at the top of every page, e.g. "ACTIVITY LOG (ICS 214)". */
  title: string;
  /** The short form name for the footer, e.g. "ICS 214". */
  formName: string;
  exercise: boolean;
  /** Footer note on every page (incident name, who generated it, when). */
  footer: string;
  docTitle: string;
  author: string;
  createdAt: Date;
  /**
   * More marks printed in red at the top of every page, under the exercise banner: demo
   * data, a record that failed its integrity check. A reader of any single page sees them.
   */
  marks?: string[];
  /** Smaller type for a dense form such as the ICS 213 RR (default 9 pt). */
  textSize?: number;
}

export interface Cell {
  /** Block number on the official form, when it has one. */
  n?: number | string;
  label: string;
  value: string;
  /** Share of the row's width; cells of a row share it equally by default. */
  width?: number;
}

/**
 * The one layout engine of every printed form (ICS 213, 213 RR, 214, the decision log,
 * the sitrep, the call-down and alert sheets, the AAR, the HVA): numbered blocks in boxes
 * that continue on the next page under their label marked "(continued)" instead of being
 * cut, tables that continue with their header repeated, blocks a form repeats at the top of
 * each continuation page (the ICS 214's blocks 1-2), notes kept whole, and on every page
 * the form title, page n of N, the footer (who printed it, when, the signed chain head) and,
 * for an exercise, the exercise banner at top and bottom. Every string drawn is kept per
 * page so that tests can read what a page says.
 */
export class FormWriter {
  private page!: PDFPage;
  private y = 0;
  private pageNo = 0;
  readonly pagesText: string[][] = [];
  private readonly pages: PDFPage[] = [];
  private repeated: Cell[][] = [];
  private drawingRepeated = false;
  /** A heading waits to be drawn with the first thing under it, so it never ends a page. */
  private pendingHeading: string | null = null;
  private readonly size: number;
  private readonly line: number;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
    private readonly opts: FormOptions,
  ) {
    this.size = opts.textSize ?? TEXT_SIZE;
    this.line = Math.round(this.size * (LINE / TEXT_SIZE) * 10) / 10;
  }

  static async create(opts: FormOptions): Promise<FormWriter> {
    const doc = await (await loadPdfLib()).PDFDocument.create();
    const fonts = await embedFormFonts(doc);
    const w = new FormWriter(doc, fonts.regular, fonts.bold, opts);
    doc.setTitle(opts.exercise ? `${EXERCISE_BANNER} - ${opts.docTitle}` : opts.docTitle);
    doc.setSubject(opts.exercise ? `${opts.formName} - EXERCISE` : opts.formName);
    doc.setAuthor(opts.author);
    doc.setProducer('Coalition EOC Console');
    doc.setCreator('Coalition EOC Console');
    doc.setCreationDate(opts.createdAt);
    doc.setModificationDate(opts.createdAt);
    if (opts.exercise) doc.setKeywords(['EXERCISE']);
    w.newPage();
    return w;
  }

  private text(s: string, x: number, y: number, size: number, font: PDFFont = this.font, color = BLACK): void {
    const t = printable(font, s);
    this.page.drawText(t, { x, y, size, font, color });
    this.pagesText[this.pageNo - 1]!.push(t);
  }

  private newPage(): void {
    this.page = this.doc.addPage([PAGE_W, PAGE_H]);
    this.pages.push(this.page);
    this.pageNo++;
    this.pagesText.push([]);
    let top = PAGE_H - MARGIN;
    if (this.opts.exercise) {
      const w = this.bold.widthOfTextAtSize(EXERCISE_BANNER, 14);
      this.text(EXERCISE_BANNER, (PAGE_W - w) / 2, top - 12, 14, this.bold, RED);
      const bw = this.bold.widthOfTextAtSize(EXERCISE_BANNER, 10);
      this.text(EXERCISE_BANNER, (PAGE_W - bw) / 2, MARGIN - 24, 10, this.bold, RED);
      top -= 20;
    }
    for (const mark of this.opts.marks ?? []) {
      for (const l of wrap(this.bold, 10, mark, CONTENT_W)) {
        this.text(l, MARGIN, top - 10, 10, this.bold, RED);
        top -= 13;
      }
      top -= 2;
    }
    const continued = this.pageNo > 1 ? ' (continued)' : '';
    this.text(`${this.opts.title}${continued}`, MARGIN, top - 12, 12, this.bold);
    this.y = top - 20;
    if (this.pageNo > 1 && this.repeated.length && !this.drawingRepeated) {
      this.drawingRepeated = true;
      for (const cells of this.repeated) this.row(cells);
      this.drawingRepeated = false;
      this.gap(4);
    }
  }

  /**
   * Blocks drawn again at the top of every later page, as a form's continuation sheet
   * repeats them (the ICS 214 repeats blocks 1 and 2), so a loose page still says whose it is.
   */
  repeatOnEveryPage(rows: Cell[][]): void {
    this.repeated = rows;
  }

  /** Starts a new page when fewer than `h` points are left above the footer. */
  ensure(h: number): void {
    this.placeHeading(h);
    if (this.y - h < MARGIN + 20) this.newPage();
  }

  /** The rest of the form starts on a new page (the 213 RR's history after its one-page form). */
  pageBreak(): void {
    this.placeHeading(0);
    this.newPage();
  }

  /** Height of a row of blocks, to keep a group together (a signature block with its note). */
  rowHeight(cells: Cell[], minLines = 1): number {
    const total = cells.reduce((s, c) => s + (c.width ?? 1), 0);
    const lines = cells.map((c) => this.cellLines(c, (CONTENT_W * (c.width ?? 1)) / total).length);
    return LABEL_SIZE + 2 * PAD + this.line * Math.max(minLines, ...lines) + PAD;
  }

  /** Height of a note as note() draws it. */
  noteHeight(s: string, size = LABEL_SIZE): number {
    return wrap(this.font, size, s, CONTENT_W).length * (size + 2.5);
  }

  private cellLines(c: Cell, width: number): string[] {
    return c.value ? wrap(this.font, this.size, c.value, width - 2 * PAD) : [''];
  }

  /** A row of numbered blocks side by side, as tall as the tallest. */
  row(cells: Cell[], minLines = 1): void {
    const total = cells.reduce((s, c) => s + (c.width ?? 1), 0);
    const widths = cells.map((c) => (CONTENT_W * (c.width ?? 1)) / total);
    const lines = cells.map((c, i) => this.cellLines(c, widths[i]!));
    const maxLines = Math.max(minLines, ...lines.map((l) => l.length));
    const available = () => Math.floor((this.y - MARGIN - 20 - LABEL_SIZE - 3 * PAD) / this.line);
    this.placeHeading(LABEL_SIZE + 2 * PAD + this.line * Math.min(maxLines, 3) + PAD);
    // A block taller than a page continues on the next page under the same label.
    let from = 0;
    do {
      this.ensure(LABEL_SIZE + 2 * PAD + this.line * Math.min(maxLines - from, 3) + PAD);
      let take = Math.min(maxLines - from, Math.max(1, available()));
      // A block cut by the page end says so in its last line, so a reader of page 1 turns over.
      const cut = from + take < maxLines && take > 1;
      if (cut) take -= 1;
      const h = LABEL_SIZE + 2 * PAD + this.line * (take + (cut ? 1 : 0)) + PAD;
      let x = MARGIN;
      if (cut) {
        const note = 'continued on the next page';
        const nw = this.font.widthOfTextAtSize(note, LABEL_SIZE);
        this.text(note, MARGIN + CONTENT_W - PAD - nw, this.y - h + PAD + 1, LABEL_SIZE, this.font, GREY);
      }
      cells.forEach((c, i) => {
        const w = widths[i]!;
        this.page.drawRectangle({ x, y: this.y - h, width: w, height: h, borderColor: BLACK, borderWidth: 0.6 });
        const label = `${c.n !== undefined ? `${c.n}. ` : ''}${c.label}${from > 0 ? ' (continued)' : ''}`;
        this.text(label, x + PAD, this.y - PAD - LABEL_SIZE, LABEL_SIZE, this.bold);
        lines[i]!.slice(from, from + take).forEach((l, j) => {
          if (l) this.text(l, x + PAD, this.y - LABEL_SIZE - 2 * PAD - this.line * (j + 1) + 2, this.size);
        });
        x += w;
      });
      this.y -= h;
      from += take;
    } while (from < maxLines);
  }

  /**
   * A section heading spanning the page, like the ICS forms' shaded block titles. It is drawn
   * with the first block, table row or note under it, on the page where they both fit.
   */
  heading(n: number | string | undefined, label: string): void {
    this.placeHeading(HEADING_H);
    this.pendingHeading = `${n !== undefined ? `${n}. ` : ''}${label}`;
  }

  /** Draws the waiting heading, on a new page unless `need` more points fit under it on this one. */
  private placeHeading(need: number): void {
    const label = this.pendingHeading;
    if (label === null) return;
    this.pendingHeading = null;
    this.ensure(HEADING_H + need);
    this.page.drawRectangle({ x: MARGIN, y: this.y - HEADING_H, width: CONTENT_W, height: HEADING_H, color: rgb(0.88, 0.88, 0.88), borderColor: BLACK, borderWidth: 0.6 });
    this.text(label, MARGIN + PAD, this.y - PAD - LABEL_SIZE, LABEL_SIZE + 0.5, this.bold);
    this.y -= HEADING_H;
  }

  /**
   * A table whose rows continue on the next page with the header row repeated. A row that
   * fits on a page is never split across two: it starts the next page, under the header,
   * so a reader of one page sees whole entries (only a row taller than a page continues).
   * `fit` on a column (an identifier such as a request number): the column is widened to its
   * widest line, so no value of it is ever broken.
   */
  table(columns: { label: string; width: number; fit?: boolean }[], rows: string[][], emptyText = 'None recorded.'): void {
    const widths = this.columnWidths(columns, rows);
    // A label wider than its column wraps at its spaces, never over the next column's.
    const labels = columns.map((c, i) => wrap(this.bold, LABEL_SIZE, c.label, widths[i]! - 2 * PAD));
    const headerH = LABEL_SIZE + 2 * PAD + 1 + (Math.max(...labels.map((l) => l.length)) - 1) * LABEL_LINE;
    const header = () => {
      let x = MARGIN;
      columns.forEach((_, i) => {
        this.page.drawRectangle({ x, y: this.y - headerH, width: widths[i]!, height: headerH, borderColor: BLACK, borderWidth: 0.6 });
        labels[i]!.forEach((l, j) => this.text(l, x + PAD, this.y - PAD - LABEL_SIZE - j * LABEL_LINE, LABEL_SIZE, this.bold));
        x += widths[i]!;
      });
      this.y -= headerH;
    };
    const body = (rows.length ? rows : [[emptyText, ...columns.slice(1).map(() => '')]]).map((r) => r.map((v, i) => (v ? wrap(this.font, this.size, v, widths[i]! - 2 * PAD) : [''])));
    const heightOf = (lines: string[][]) => this.line * Math.max(...lines.map((l) => l.length)) + 2 * PAD;
    // The header never ends a page alone: it starts on the page its first row starts on.
    const room = this.pageRoom() - headerH;
    this.ensure(headerH + Math.min(heightOf(body[0]!), room));
    header();
    for (const lines of body) {
      let from = 0;
      const maxLines = Math.max(...lines.map((l) => l.length));
      if (this.y - heightOf(lines) < MARGIN + 20 && heightOf(lines) <= room) {
        this.newPage();
        header();
      }
      while (from < maxLines) {
        if (this.y - (this.line + 2 * PAD) < MARGIN + 20) {
          this.newPage();
          header();
        }
        const take = Math.min(maxLines - from, Math.max(1, Math.floor((this.y - MARGIN - 20 - 2 * PAD) / this.line)));
        const h = this.line * take + 2 * PAD;
        let x = MARGIN;
        lines.forEach((ls, i) => {
          this.page.drawRectangle({ x, y: this.y - h, width: widths[i]!, height: h, borderColor: BLACK, borderWidth: 0.4 });
          ls.slice(from, from + take).forEach((l, j) => {
            if (l) this.text(l, x + PAD, this.y - PAD - this.line * (j + 1) + 2, this.size);
          });
          x += widths[i]!;
        });
        this.y -= h;
        from += take;
      }
    }
  }

  /** Points a fresh page offers between its header (with the blocks it repeats) and its footer. */
  private pageRoom(): number {
    const marks = (this.opts.marks ?? []).reduce((h, m) => h + wrap(this.bold, 10, m, CONTENT_W).length * 13 + 2, 0);
    const repeated = this.repeated.length ? this.repeated.reduce((h, cells) => h + this.rowHeight(cells), 0) + 4 : 0;
    return PAGE_H - MARGIN - (this.opts.exercise ? 20 : 0) - marks - 20 - repeated - (MARGIN + 20);
  }

  /**
   * Each column's share of the width, widened where one of its words would not fit (for a
   * `fit` column, a whole line: an identifier, a date, a status), and the label's longest
   * word (the label wraps). The room comes from the columns with room to spare, in
   * proportion to it, so no word is cut while the page is wide enough; when it is not,
   * each short column gets its share of what is spare. A `fit` column is at most half the page.
   */
  private columnWidths(columns: { label: string; width: number; fit?: boolean }[], rows: string[][]): number[] {
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (CONTENT_W * c.width) / total);
    const need = columns.map((c, i) => {
      let widest = 0;
      for (const w of printable(this.bold, c.label).split(/ +/)) widest = Math.max(widest, textWidth(this.bold, LABEL_SIZE, w));
      for (const r of rows) {
        for (const line of printable(this.font, r[i] ?? '').split('\n')) {
          for (const w of c.fit ? [line] : line.split(/ +/)) widest = Math.max(widest, textWidth(this.font, this.size, w));
        }
      }
      return Math.min(c.fit ? CONTENT_W / 2 : CONTENT_W, widest + 2 * PAD + 1);
    });
    const short = need.reduce((s, n, i) => s + Math.max(0, n - widths[i]!), 0);
    if (!short) return widths;
    const spare = widths.reduce((s, w, i) => s + Math.max(0, w - need[i]!), 0);
    const give = Math.min(1, spare / short);
    const take = Math.min(1, short / spare);
    return widths.map((w, i) => (need[i]! > w ? w + (need[i]! - w) * give : w - (w - need[i]!) * take));
  }

  /**
   * Free text under the blocks, such as notes on how the record was kept. Kept whole on
   * one page when it fits one, so a page never starts with the last line of a note.
   */
  note(s: string, size = LABEL_SIZE): void {
    const lines = wrap(this.font, size, s, CONTENT_W);
    const step = size + 2.5;
    const whole = lines.length * step < PAGE_H - 2 * MARGIN - 120;
    this.placeHeading(whole ? lines.length * step : step);
    if (whole) this.ensure(lines.length * step);
    for (const l of lines) {
      this.ensure(step);
      this.text(l, MARGIN, this.y - step + 2, size);
      this.y -= step;
    }
  }

  gap(points = 6): void {
    this.placeHeading(points + this.line * 2);
    this.y -= points;
  }

  /** Page numbers need the total, so footers are drawn last. */
  async finish(): Promise<Uint8Array> {
    this.placeHeading(0);
    const n = this.pages.length;
    this.pages.forEach((p, i) => {
      this.page = p;
      this.pageNo = i + 1;
      const footer = `${this.opts.formName}  |  Page ${i + 1} of ${n}  |  ${this.opts.footer}`;
      for (const [j, l] of wrap(this.font, 7, footer, CONTENT_W).entries()) this.text(l, MARGIN, MARGIN - 2 - j * 8, 7);
    });
    return this.doc.save();
  }
}
