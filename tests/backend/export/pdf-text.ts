import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text on each page of a PDF as a reader's PDF viewer extracts it: PDF.js, through the
 * fonts' ToUnicode maps, line by line (strings on one baseline share a line; a run of
 * spaces comes back as one). The forms embed a subset font, so the content streams hold
 * glyph numbers, not characters: reading the file back this way is what proves a name
 * comes out as it went in. No normalisation, so a character printed as another is seen.
 */
export async function pdfPagesText(bytes: Uint8Array): Promise<string[]> {
  // PDF.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent({ disableNormalization: true });
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

export async function pdfInfo(bytes: Uint8Array): Promise<{ title: string | undefined; subject: string | undefined; pages: number }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return { title: doc.getTitle(), subject: doc.getSubject(), pages: doc.getPageCount() };
}
