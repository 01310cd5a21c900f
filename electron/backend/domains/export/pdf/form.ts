import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { embedFormFonts } from './fonts';
import { printable, wrap } from './text';
import { loadPdfLib, rgb } from './pdf-lib';

export const EXERCISE_BANNER = 'EXERCISE EXERCISE EXERCISE';

const PAGE_W = 612; // US Letter, the size the ICS forms are printed on
const PAGE_H = 792;
const MARGIN = 36;
const CONTENT_W = PAGE_W - 2 * MARGIN;
const LABEL_SIZE = 7.5;
const TEXT_SIZE = 9;
const LINE = 11;
const PAD = 3;
const RED = rgb(0.75, 0, 0);
const BLACK = rgb(0, 0, 0);

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
 * Lays out an ICS-style form: numbered blocks in boxes, tables that continue on new
 * pages with their header repeated, and on every page the form title, page number and,
 * for an exercise, the exercise banner at top and bottom. Every string drawn is kept per
 * page so that tests can read what a page says.
 */
export class FormWriter {
  private page!: PDFPage;
  private y = 0;
  private pageNo = 0;
  readonly pagesText: string[][] = [];
  private readonly pages: PDFPage[] = [];

  private constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
    private readonly opts: FormOptions,
  ) {}

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
    this.text(this.opts.title, MARGIN, top - 12, 12, this.bold);
    this.y = top - 20;
  }

  /** Starts a new page when fewer than `h` points are left above the footer. */
  private ensure(h: number): void {
    if (this.y - h < MARGIN + 20) this.newPage();
  }

  private cellLines(c: Cell, width: number): string[] {
    return c.value ? wrap(this.font, TEXT_SIZE, c.value, width - 2 * PAD) : [''];
  }

  /** A row of numbered blocks side by side, as tall as the tallest. */
  row(cells: Cell[], minLines = 1): void {
    const total = cells.reduce((s, c) => s + (c.width ?? 1), 0);
    const widths = cells.map((c) => (CONTENT_W * (c.width ?? 1)) / total);
    const lines = cells.map((c, i) => this.cellLines(c, widths[i]!));
    const maxLines = Math.max(minLines, ...lines.map((l) => l.length));
    const available = () => Math.floor((this.y - MARGIN - 20 - LABEL_SIZE - 3 * PAD) / LINE);
    // A block taller than a page continues on the next page under the same label.
    let from = 0;
    do {
      this.ensure(LABEL_SIZE + 2 * PAD + LINE * Math.min(maxLines - from, 3) + PAD);
      const take = Math.min(maxLines - from, Math.max(1, available()));
      const h = LABEL_SIZE + 2 * PAD + LINE * take + PAD;
      let x = MARGIN;
      cells.forEach((c, i) => {
        const w = widths[i]!;
        this.page.drawRectangle({ x, y: this.y - h, width: w, height: h, borderColor: BLACK, borderWidth: 0.6 });
        const label = `${c.n !== undefined ? `${c.n}. ` : ''}${c.label}${from > 0 ? ' (continued)' : ''}`;
        this.text(label, x + PAD, this.y - PAD - LABEL_SIZE, LABEL_SIZE, this.bold);
        lines[i]!.slice(from, from + take).forEach((l, j) => {
          if (l) this.text(l, x + PAD, this.y - LABEL_SIZE - 2 * PAD - LINE * (j + 1) + 2, TEXT_SIZE);
        });
        x += w;
      });
      this.y -= h;
      from += take;
    } while (from < maxLines);
  }

  /** A section heading spanning the page, like the ICS forms' shaded block titles. */
  heading(n: number | string | undefined, label: string): void {
    this.ensure(LINE * 3);
    const h = LABEL_SIZE + 2 * PAD + 2;
    this.page.drawRectangle({ x: MARGIN, y: this.y - h, width: CONTENT_W, height: h, color: rgb(0.88, 0.88, 0.88), borderColor: BLACK, borderWidth: 0.6 });
    this.text(`${n !== undefined ? `${n}. ` : ''}${label}`, MARGIN + PAD, this.y - PAD - LABEL_SIZE, LABEL_SIZE + 0.5, this.bold);
    this.y -= h;
  }

  /** A table whose rows continue on the next page with the header row repeated. */
  table(columns: { label: string; width: number }[], rows: string[][], emptyText = 'None recorded.'): void {
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (CONTENT_W * c.width) / total);
    const header = () => {
      const h = LABEL_SIZE + 2 * PAD + 1;
      let x = MARGIN;
      columns.forEach((c, i) => {
        this.page.drawRectangle({ x, y: this.y - h, width: widths[i]!, height: h, borderColor: BLACK, borderWidth: 0.6 });
        this.text(c.label, x + PAD, this.y - PAD - LABEL_SIZE, LABEL_SIZE, this.bold);
        x += widths[i]!;
      });
      this.y -= h;
    };
    this.ensure(LINE * 3);
    header();
    const body = rows.length ? rows : [[emptyText, ...columns.slice(1).map(() => '')]];
    for (const r of body) {
      const lines = r.map((v, i) => (v ? wrap(this.font, TEXT_SIZE, v, widths[i]! - 2 * PAD) : ['']));
      let from = 0;
      const maxLines = Math.max(...lines.map((l) => l.length));
      while (from < maxLines) {
        if (this.y - (LINE + 2 * PAD) < MARGIN + 20) {
          this.newPage();
          header();
        }
        const take = Math.min(maxLines - from, Math.max(1, Math.floor((this.y - MARGIN - 20 - 2 * PAD) / LINE)));
        const h = LINE * take + 2 * PAD;
        let x = MARGIN;
        lines.forEach((ls, i) => {
          this.page.drawRectangle({ x, y: this.y - h, width: widths[i]!, height: h, borderColor: BLACK, borderWidth: 0.4 });
          ls.slice(from, from + take).forEach((l, j) => {
            if (l) this.text(l, x + PAD, this.y - PAD - LINE * (j + 1) + 2, TEXT_SIZE);
          });
          x += widths[i]!;
        });
        this.y -= h;
        from += take;
      }
    }
  }

  /** Free text under the blocks, such as notes on how the record was kept. */
  note(s: string): void {
    for (const l of wrap(this.font, LABEL_SIZE, s, CONTENT_W)) {
      this.ensure(LINE);
      this.text(l, MARGIN, this.y - LINE + 2, LABEL_SIZE);
      this.y -= LINE - 1;
    }
  }

  gap(points = 6): void {
    this.y -= points;
  }

  /** Page numbers need the total, so footers are drawn last. */
  async finish(): Promise<Uint8Array> {
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
