import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  HeadingLevel,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/** US Letter in twentieths of a point, one-inch margins: what HSEEP templates print on. */
export const PAGE = { width: 12240, height: 15840, margin: 1440 };
export const PORTRAIT_TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - 2 * PAGE.margin;

const GREY = 'D9E2F3';
const border = { style: BorderStyle.SINGLE, size: 4, color: '7F7F7F' };
/** Borders and cell margins are set once per table, not per cell: a long timeline has thousands of cells. */
const tableBorders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
const cellMargins = { top: 40, bottom: 40, left: 80, right: 80 };

/** Text that may hold line breaks: one run per line, breaks between. */
export function runs(text: string, opts: { bold?: boolean; size?: number; color?: string } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...opts }));
}

export const heading = (text: string, level: 1 | 2 | 3 | 4) =>
  new Paragraph({
    text,
    heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4][level - 1],
  });

export const para = (text: string, opts: { bold?: boolean; italic?: boolean; style?: string } = {}) =>
  new Paragraph({ style: opts.style, children: text ? runs(text, { bold: opts.bold }) : [new TextRun({ text: '' })] });

/** A labelled paragraph: "Reference: ...". */
export const labelled = (label: string, text: string) => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), ...runs(text || 'Not stated.')] });

export const bullet = (text: string) => new Paragraph({ bullet: { level: 0 }, children: runs(text) });

function cell(text: string, width: number, header = false) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: GREY, color: 'auto' } } : {}),
    children: [
      text.includes('\n') || header
        ? new Paragraph({ style: 'TableText', children: runs(text, { bold: header }) })
        : new Paragraph({ style: 'TableText', text }),
    ],
  });
}

/**
 * A table with a header row that repeats on every page it runs onto; column widths are
 * shares of the text width.
 */
export function table(columns: readonly string[], rows: readonly (readonly string[])[], shares: readonly number[], textWidth: number, empty = 'None recorded.'): Table {
  const total = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((s) => Math.floor((textWidth * s) / total));
  const body = rows.length ? rows : [[empty, ...columns.slice(1).map(() => '')]];
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    borders: tableBorders,
    margins: cellMargins,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c, widths[i]!, true)) }),
      ...body.map((r) => new TableRow({ children: r.map((v, i) => cell(v, widths[i]!)) })),
    ],
  });
}

/** A two-column table of labelled values (the HSEEP overview table). */
export function keyValueTable(rows: readonly (readonly [string, string])[], textWidth: number): Table {
  const widths = [Math.floor(textWidth * 0.28), Math.ceil(textWidth * 0.72)];
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    borders: tableBorders,
    margins: cellMargins,
    rows: rows.map(
      ([k, v]) =>
        new TableRow({
          cantSplit: false,
          children: [cell(k, widths[0]!, true), cell(v || 'Not stated.', widths[1]!)],
        }),
    ),
  });
}

/** The marking on every page, top and bottom, with page numbers in the footer. */
export function pageFurniture(marking: string, title: string) {
  const mark = (size: number) => new TextRun({ text: marking, bold: true, color: 'C00000', size });
  return {
    headers: {
      default: new Header({
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: marking ? [mark(20)] : [] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: title, size: 16, color: '595959' })] }),
        ],
      }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18 })],
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: marking ? [mark(18)] : [] }),
        ],
      }),
    },
  };
}

/** Styles: real heading styles (the table of contents is built from them), a compact table text. */
export const STYLES = {
  default: {
    document: { run: { font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 120 } } },
    title: { run: { font: 'Calibri', size: 48, bold: true, color: '1F3864' } },
    heading1: { run: { font: 'Calibri', size: 32, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } },
    heading2: { run: { font: 'Calibri', size: 26, bold: true, color: '2F5496' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
    heading3: { run: { font: 'Calibri', size: 24, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
    heading4: { run: { font: 'Calibri', size: 22, bold: true, italics: true }, paragraph: { spacing: { before: 160, after: 60 }, keepNext: true } },
  },
  paragraphStyles: [
    { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { after: 0 } } },
    { id: 'ContentsTitle', name: 'Contents Title', basedOn: 'Normal', run: { size: 32, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 360, after: 160 } } },
    { id: 'CoverLine', name: 'Cover Line', basedOn: 'Normal', run: { size: 28, color: '1F3864' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 200 } } },
  ],
};
