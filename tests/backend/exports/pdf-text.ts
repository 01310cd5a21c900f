import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFPage } from 'pdf-lib';

/**
 * The text drawn on each page of a PDF, read back from its content streams: pdf-lib
 * writes each string as a hex string shown with Tj, in the WinAnsi (cp1252) encoding of
 * the standard fonts.
 */
/** cp1252's 0x80-0x9F differ from Latin-1 (Node's decoder may lack them without full ICU). */
const CP1252_HIGH = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';
const cp1252 = {
  decode: (b: Uint8Array) => Array.from(b, (c) => (c >= 0x80 && c <= 0x9f ? CP1252_HIGH[c - 0x80]! : String.fromCharCode(c))).join(''),
};

export async function pdfPagesText(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((p) => pageText(doc, p));
}

function pageText(doc: PDFDocument, page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  const out: string[] = [];
  for (const s of streams) {
    if (!(s instanceof PDFRawStream)) continue;
    const ops = Buffer.from(decodePDFRawStream(s).decode()).toString('latin1');
    for (const m of ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) out.push(cp1252.decode(Buffer.from(m[1]!, 'hex')));
  }
  return out.join('\n');
}

export async function pdfInfo(bytes: Uint8Array): Promise<{ title: string | undefined; subject: string | undefined; pages: number }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return { title: doc.getTitle(), subject: doc.getSubject(), pages: doc.getPageCount() };
}
