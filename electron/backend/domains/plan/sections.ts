/** A run of a document's text under one heading, with the page it starts on (PDF). */
export interface Section {
  heading: string;
  page: number | null;
  body: string;
}

/** A line of extracted text; `heading` when the document itself marks it so (a DOCX style, a larger PDF font). */
export interface Line {
  text: string;
  page: number | null;
  heading?: boolean;
}

/** Enough for a 400-page plan; a document beyond it is indexed up to here and says so. */
export const MAX_TEXT_CHARS = 3_000_000;
/** Long sections are cut so that a search hit points near its words. */
const MAX_SECTION_CHARS = 12_000;
const MAX_HEADING_CHARS = 160;

// "4.2 Activation levels", "IV. Concept of operations", "Annex B - Shelters", "# Purpose".
const NUMBERED = /^(\d{1,2}(\.\d{1,2}){0,3}\.?|[IVX]{1,5}\.|(Section|Annex|Appendix|Attachment|Chapter|Part)\s+[A-Z0-9]{1,4}[.:]?)\s+\S/;
const MARKDOWN = /^#{1,4}\s+\S/;

/** Whether a plain line reads as a heading in a plan: numbered, a markdown heading, or a short line in capitals. */
export function looksLikeHeading(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 100) return false;
  if (MARKDOWN.test(t)) return true;
  if (NUMBERED.test(t) && !/[.;,]$/.test(t) && t.split(/\s+/).length <= 12) return true;
  return t.length >= 4 && t.length <= 60 && /[A-Z]/.test(t) && t === t.toUpperCase() && /^[A-Z0-9 ,&/'()-]+$/.test(t);
}

const clean = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex -- control characters from a document are noise, never content
    .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, ' ')
    .replace(/[ \t\u00A0]+/g, ' ')
    .trim();

/**
 * Cuts a document's lines into sections at its headings. Text before the first heading is
 * the "Opening" section. The same lines always give the same sections, so a citation by
 * (version, ordinal) keeps pointing at the same words.
 */
export function sectionize(lines: readonly Line[]): { sections: Section[]; truncated: boolean } {
  const sections: Section[] = [];
  type Open = { heading: string; page: number | null; parts: string[]; chars: number };
  let current = null as Open | null;
  let total = 0;
  let truncated = false;
  const flush = () => {
    if (!current) return;
    const body = current.parts.join('\n').trim();
    if (body || current.heading !== 'Opening') sections.push({ heading: current.heading, page: current.page, body });
    current = null;
  };
  for (const raw of lines) {
    const text = clean(raw.text);
    if (!text) continue;
    if (total + text.length > MAX_TEXT_CHARS) {
      truncated = true;
      break;
    }
    total += text.length;
    if ((raw.heading || looksLikeHeading(text)) && text.length <= MAX_HEADING_CHARS) {
      flush();
      current = { heading: text.replace(/^#{1,4}\s+/, ''), page: raw.page, parts: [], chars: 0 };
      continue;
    }
    current ??= { heading: 'Opening', page: raw.page, parts: [], chars: 0 };
    if (current.chars + text.length > MAX_SECTION_CHARS && current.parts.length) {
      const heading: string = current.heading.endsWith('(continued)') ? current.heading : `${current.heading} (continued)`;
      flush();
      current = { heading, page: raw.page, parts: [], chars: 0 };
    }
    current.parts.push(text);
    current.chars += text.length + 1;
  }
  flush();
  return { sections, truncated };
}
