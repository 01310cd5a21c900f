/**
 * Why a timeline row matched a search: the words to mark in its text, and where to start
 * showing the text when the first of them lies beyond the row's two lines.
 *
 * The search itself is the backend's full-text index (electron/backend/domains/timeline/fts.ts):
 * whole words, case and accents ignored, a trailing * for words starting with what was typed,
 * every word required somewhere in the record. The same reading is made here, so what is
 * marked is what was matched (a search for "ice" marks "ice", never the end of "office").
 */

export interface SearchTerms {
  /** Whole words, folded (lower case, no accents). */
  readonly words: readonly string[];
  /** Word beginnings, folded, from a trailing * ("gen*"). */
  readonly prefixes: readonly string[];
}

/** Letters and digits make a word; anything else separates words, as in the index. */
const WORD = /[\p{L}\p{N}]+/gu;

export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** What was typed in the search box, read as the index reads it; null when nothing searchable was typed. */
export function searchTerms(typed: string): SearchTerms | null {
  const words: string[] = [];
  const prefixes: string[] = [];
  for (const raw of typed.split(/\s+/)) {
    const parts = fold(raw).match(WORD) ?? [];
    parts.forEach((p, i) => (raw.endsWith('*') && i === parts.length - 1 ? prefixes : words).push(p));
  }
  return words.length || prefixes.length ? { words, prefixes } : null;
}

export interface Found {
  /** The words of the text that match, as written there (for Mantine's Highlight, whole words). */
  readonly marked: string[];
  /** Where the first match starts in the text, or -1. */
  readonly first: number;
  /** Where it ends. */
  readonly firstEnd: number;
}

/** The words of `text` the search matched. */
export function findMatches(text: string, terms: SearchTerms): Found {
  const marked = new Set<string>();
  let first = -1;
  let firstEnd = -1;
  for (const m of text.matchAll(WORD)) {
    const w = fold(m[0]);
    if (!terms.words.includes(w) && !terms.prefixes.some((p) => w.startsWith(p))) continue;
    marked.add(m[0]);
    if (first < 0) {
      first = m.index;
      firstEnd = m.index + m[0].length;
    }
  }
  return { marked: [...marked], first, firstEnd };
}

/**
 * The text as shown: whole when the first match ends within `fits` characters (what the
 * row's lines hold), else from a word boundary a little before it, after an ellipsis, so
 * the matched word and what leads to it are in view.
 */
export function excerpt(text: string, found: Pick<Found, 'first' | 'firstEnd'>, fits: number): string {
  if (found.first < 0 || found.firstEnd <= fits) return text;
  const lead = Math.max(12, Math.min(40, Math.floor(fits / 3)));
  let start = Math.max(0, found.first - lead);
  // Start at a word's beginning, never inside one.
  if (start > 0 && /\S/.test(text[start - 1]!)) {
    const space = text.slice(start, found.first).search(/\s/);
    start = space < 0 ? found.first : start + space + 1;
  }
  return start === 0 ? text : `…${text.slice(start)}`;
}
