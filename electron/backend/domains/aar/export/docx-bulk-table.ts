import { Paragraph, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * Long tables (an incident timeline of a few thousand events) written as WordprocessingML
 * directly. The docx library builds an object per cell, run and property and serialises them
 * through a generic XML writer: about 0.2 ms a cell, seconds for a timeline, against the
 * 3-second export target. These tables are plain (text cells, one header row repeated on each
 * page, the same borders and shading as the library's tables), so they are written as text
 * into a placeholder paragraph once the library has packed the document.
 */

// Characters XML 1.0 cannot hold at all; everything else is escaped.
// eslint-disable-next-line no-control-regex -- these control characters are exactly what must be removed
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const escape = (s: string) => s.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"';

function cellXml(text: string, width: number, header: boolean): string {
  const lines = text.split('\n').map((l) => `<w:t xml:space="preserve">${escape(l)}</w:t>`).join('<w:br/>');
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${header ? '<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>' : ''}</w:tcPr>` +
    `<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r>${header ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : ''}${lines}</w:r></w:p></w:tc>`
  );
}

export function tableXml(columns: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): string {
  const total = widths.reduce((a, b) => a + b, 0);
  const out: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/>`,
    `<w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders>`,
    '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>',
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>',
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${columns.map((c, i) => cellXml(c, widths[i]!, true)).join('')}</w:tr>`,
  ];
  for (const r of rows) out.push(`<w:tr>${r.map((v, i) => cellXml(v, widths[i]!, false)).join('')}</w:tr>`);
  out.push('</w:tbl>');
  return out.join('');
}

/** Collects the long tables of one document and puts them in place after packing. */
export class BulkTables {
  private readonly tables = new Map<string, string>();

  /** A placeholder paragraph where the table goes. */
  placeholder(columns: readonly string[], rows: readonly (readonly string[])[], shares: readonly number[], textWidth: number): Paragraph {
    const total = shares.reduce((a, b) => a + b, 0);
    const widths = shares.map((s) => Math.floor((textWidth * s) / total));
    const marker = `AAR-BULK-TABLE-${this.tables.size + 1}-${Math.random().toString(36).slice(2)}`;
    this.tables.set(marker, tableXml(columns, rows, widths));
    return new Paragraph({ children: [new TextRun(marker)] });
  }

  /** Replaces each placeholder paragraph of word/document.xml with its table. */
  fill(docx: Uint8Array): Uint8Array {
    if (!this.tables.size) return docx;
    const files = unzipSync(docx);
    let xml = strFromU8(files['word/document.xml']!);
    for (const [marker, table] of this.tables) {
      const at = xml.indexOf(marker);
      if (at < 0) throw new Error(`Table placeholder ${marker} is missing from the document`);
      const start = xml.lastIndexOf('<w:p>', at);
      const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
      xml = xml.slice(0, start) + table + xml.slice(end);
    }
    files['word/document.xml'] = strToU8(xml);
    return zipSync(files, { level: 6 });
  }
}
