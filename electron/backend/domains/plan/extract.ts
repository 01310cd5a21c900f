import type { PlanExtension } from '../../../../shared/domain/plan';
import { docxLines } from './extract-docx';
import { pdfLines } from './extract-pdf';
import { sectionize, type Line, type Section } from './sections';
import { ZipRefused } from './safe-zip';

export interface Extraction {
  status: 'ok' | 'no_text' | 'unreadable';
  /** Said to the operator beside the document: why its text is missing or partial. */
  note: string | null;
  sections: Section[];
}

const PDF_MAGIC = '%PDF-';
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function textLines(bytes: Uint8Array): Line[] {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  return text.split(/\r\n?|\n/).map((t) => ({ text: t, page: null }));
}

/**
 * The searchable text of a document, by section. Never throws for a bad file: a file
 * that cannot be read is still kept (nothing the operator chose is lost) and the
 * extraction says why its text is not searchable.
 */
export async function extractSections(ext: PlanExtension, bytes: Uint8Array, pdfLimits: { maxPages?: number; budgetMs?: number } = {}): Promise<Extraction> {
  try {
    let lines: Line[];
    const notes: string[] = [];
    if (ext === 'pdf') {
      if (new TextDecoder().decode(bytes.subarray(0, 1024)).indexOf(PDF_MAGIC) < 0) {
        return { status: 'unreadable', note: 'The file is named .pdf but is not a PDF, so its text could not be read. The file is kept as uploaded.', sections: [] };
      }
      const pdf = await pdfLines(bytes, pdfLimits);
      if (pdf.pagesRead === 0 && pdf.pages > 0) {
        return { status: 'unreadable', note: 'The text of this PDF is not searchable because reading it took too long (it may be built to be slow to read). The file is kept as uploaded.', sections: [] };
      }
      lines = pdf.lines;
      if (pdf.pagesRead < pdf.pages) notes.push(`Only the first ${pdf.pagesRead} of ${pdf.pages} pages are searchable.`);
    } else if (ext === 'docx') {
      if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
        return { status: 'unreadable', note: 'The file is named .docx but is not a Word document, so its text could not be read. The file is kept as uploaded.', sections: [] };
      }
      lines = await docxLines(bytes);
    } else {
      lines = textLines(bytes);
    }
    const { sections, truncated } = sectionize(lines);
    if (truncated) notes.push('The document is very long: only its first 3 million characters are searchable.');
    if (!sections.some((s) => s.body || s.heading)) {
      return {
        status: 'no_text',
        note:
          ext === 'pdf'
            ? 'No text was found in this PDF: it is probably a scan (pictures of pages). The file is kept and opens as uploaded, but its words cannot be searched.'
            : 'No text was found in this document. The file is kept as uploaded.',
        sections: [],
      };
    }
    return { status: 'ok', note: notes.length ? notes.join(' ') : null, sections };
  } catch (e) {
    const why = e instanceof ZipRefused ? `it was refused: ${e.message}` : `it could not be read (${e instanceof Error ? e.message : String(e)})`;
    return { status: 'unreadable', note: `The text of this document is not searchable because ${why}. The file is kept as uploaded.`, sections: [] };
  }
}

/** A plain-text document's sections, without waiting: text needs no parser to load. */
export function extractText(bytes: Uint8Array): Extraction {
  const { sections, truncated } = sectionize(textLines(bytes));
  return { status: sections.length ? 'ok' : 'no_text', note: truncated ? 'The document is very long: only its first 3 million characters are searchable.' : null, sections };
}
