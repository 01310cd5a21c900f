import { createRequire } from 'node:module';
import type { PDFFont } from 'pdf-lib';

/** Printed for a character the form font has no glyph for: visible, and never mistaken for a "?" the operator typed. */
export const REPLACEMENT = '\uFFFD';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

// Zero-width format characters and variation selectors: dropping them changes nothing the reader sees.
const INVISIBLE = /^[\p{Cf}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;

// Skin-tone modifiers and the emoji presentation selector: the name is the same without them.
const EMOJI_VARIANTS = /\u{1F3FB}|\u{1F3FC}|\u{1F3FD}|\u{1F3FE}|\u{1F3FF}|\uFE0F/gu;

let emojiNames: Map<string, string> | undefined;
/**
 * The Unicode name of an emoji ("ambulance", "family: man, woman, girl"), from
 * unicode-emoji-json (unicode.org's data). Read on the first emoji a form meets (390 KB of
 * JSON, about 10 ms), never at start-up.
 */
export function emojiName(segment: string): string | undefined {
  if (!emojiNames) {
    const data = createRequire(import.meta.url)('unicode-emoji-json') as Record<string, { name: string }>;
    emojiNames = new Map();
    for (const [emoji, { name }] of Object.entries(data)) {
      emojiNames.set(emoji, name);
      emojiNames.set(emoji.replace(EMOJI_VARIANTS, ''), name);
    }
  }
  return emojiNames.get(segment) ?? emojiNames.get(segment.replace(EMOJI_VARIANTS, ''));
}

/**
 * The text as the font can draw it. An emoji the font lacks prints as its name in
 * brackets ("[ambulance]"), so the meaning the operator typed survives on paper; any
 * other character the font lacks (a name in Chinese) prints as one replacement mark per
 * character as the reader sees it. An unusual entry can never stop a form from printing
 * and the gap stays visible. An invisible code point the font lacks (a variation selector
 * after a sign it has, a zero-width joiner) is dropped.
 */
export function printable(font: PDFFont, s: string): string {
  const supported = charsetOf(font);
  const fallback = supported.has(REPLACEMENT.codePointAt(0)!) ? REPLACEMENT : '?';
  const text = s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    // eslint-disable-next-line no-control-regex -- control characters are what is replaced
    .replace(/[\x00-\x09\x0B-\x1F\x7F]/g, ' ');
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    const shown = Array.from(segment).filter((ch) => ch === '\n' || supported.has(ch.codePointAt(0)!) || !INVISIBLE.test(ch));
    if (shown.every((ch) => ch === '\n' || supported.has(ch.codePointAt(0)!))) out += shown.join('');
    else {
      const name = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(segment) ? emojiName(segment) : undefined;
      out += name ? `[${printable(font, name)}]` : fallback;
    }
  }
  return out;
}

const charsets = new WeakMap<PDFFont, Set<number>>();
function charsetOf(font: PDFFont): Set<number> {
  let set = charsets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    charsets.set(font, set);
  }
  return set;
}

/**
 * Breaks text into lines no wider than `width`, keeping the operator's own line breaks.
 * Each word is measured once: pdf-lib's width of a string is the sum of its glyphs'
 * advances, so a line's width is its words' widths plus its spaces. Measuring every
 * candidate line anew ran the font's shaping over the same text again and again.
 */
export function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  const measure = (s: string) => (unitWidth(font, s) * size) / 1000;
  const space = measure(' ');
  for (const para of printable(font, text).split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of para.split(/ +/)) {
      const wordWidth = measure(word);
      const candidate = line ? lineWidth + space + wordWidth : wordWidth;
      if (candidate <= width) {
        line = line ? `${line} ${word}` : word;
        lineWidth = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A word wider than the box (a long id or URL) is cut where it must be, between
      // characters as the reader sees them, never inside a surrogate pair.
      let rest = Array.from(graphemes.segment(word), (g) => g.segment);
      while (rest.length > 1 && measure(rest.join('')) > width) {
        const cut = longestFittingPrefix(rest, (n) => measure(rest.slice(0, n).join('')) <= width);
        lines.push(rest.slice(0, cut).join(''));
        rest = rest.slice(cut);
      }
      line = rest.join('');
      lineWidth = measure(line);
    }
    lines.push(line);
  }
  return lines;
}

// Widths at size 1000 of the words already measured, per embedded font (so per document).
const widths = new WeakMap<PDFFont, Map<string, number>>();
/** The width of `s` (already printable) at `size`, from the same cache wrap() measures with. */
export const textWidth = (font: PDFFont, size: number, s: string): number => (unitWidth(font, s) * size) / 1000;

function unitWidth(font: PDFFont, s: string): number {
  let known = widths.get(font);
  if (!known) widths.set(font, (known = new Map()));
  let w = known.get(s);
  if (w === undefined) known.set(s, (w = font.widthOfTextAtSize(s, 1000)));
  return w;
}

/** The largest n in 1..parts.length-1 whose prefix fits (1 when none does); widths only grow with n. */
function longestFittingPrefix(parts: string[], fits: (n: number) => boolean): number {
  let lo = 1;
  let hi = parts.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
