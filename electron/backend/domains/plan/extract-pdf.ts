import type { Line } from './sections';

/** Pages beyond this are not indexed (the document is kept whole and says so). */
export const MAX_PDF_PAGES = 600;
/**
 * pdf.js runs in the backend's process: a document built to be slow to read must not hold
 * every other request up. Pages after this much reading time are left unindexed (the
 * file is kept whole and the plan says only its first pages are searchable).
 */
export const PDF_TIME_BUDGET_MS = 15_000;

interface TextItem {
  str: string;
  transform: number[];
  hasEOL?: boolean;
}

/**
 * pdf.js, the reader browsers use, is loaded on the first upload only. Its legacy build
 * runs in Node; eval, font loading and system fonts stay off: only the text is wanted.
 */
async function loadPdfJs() {
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

/**
 * The text of a PDF by line, with its page. A line set in a clearly larger type than
 * the body (the document's own headings) is marked as a heading.
 */
export async function pdfLines(bytes: Uint8Array, limits: { maxPages?: number; budgetMs?: number } = {}): Promise<{ lines: Line[]; pages: number; pagesRead: number }> {
  const pdfjs = await loadPdfJs();
  // pdf.js takes ownership of (and may detach) the buffer it is given: give it a copy.
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    const last = Math.min(doc.numPages, limits.maxPages ?? MAX_PDF_PAGES);
    const started = Date.now();
    let pagesRead = 0;
    const raw: { text: string; size: number; page: number }[] = [];
    for (let p = 1; p <= last && Date.now() - started < (limits.budgetMs ?? PDF_TIME_BUDGET_MS); p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let text = '';
      let size = 0;
      let y: number | null = null;
      const push = () => {
        if (text.trim()) raw.push({ text, size, page: p });
        text = '';
        size = 0;
      };
      for (const item of content.items as TextItem[]) {
        if (typeof item.str !== 'string') continue;
        const itemY = item.transform[5] ?? 0;
        if (y !== null && Math.abs(itemY - y) > 2 && text) push();
        y = itemY;
        text += item.str;
        size = Math.max(size, Math.abs(item.transform[3] ?? 0));
        if (item.hasEOL) push();
      }
      push();
      page.cleanup();
      pagesRead = p;
    }
    const sizes = raw.map((r) => r.size).sort((a, b) => a - b);
    const body = sizes[Math.floor(sizes.length / 2)] ?? 0;
    const lines = raw.map((r) => ({ text: r.text, page: r.page, heading: body > 0 && r.size >= body * 1.2 && r.text.trim().length <= 120 }));
    return { lines, pages: doc.numPages, pagesRead };
  } finally {
    await task.destroy();
  }
}
