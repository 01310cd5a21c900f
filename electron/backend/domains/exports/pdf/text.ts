import type { PDFFont } from 'pdf-lib';

/**
 * The standard PDF fonts (used so that no font file has to ship) cover WinAnsi only.
 * Anything else an operator typed prints as "?" rather than failing the whole form.
 */
export function printable(font: PDFFont, s: string): string {
  const supported = charsetOf(font);
  let out = '';
  for (const ch of s.normalize('NFC').replace(/\t/g, '    ')) {
    const cp = ch.codePointAt(0)!;
    out += cp === 10 || supported.has(cp) ? ch : '?';
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

/** Breaks text into lines no wider than `width`, keeping the operator's own line breaks. */
export function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  for (const para of printable(font, text).split('\n')) {
    let line = '';
    for (const word of para.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A word wider than the box (a long id or URL) is cut where it must be.
      let rest = word;
      while (!fits(rest)) {
        let cut = rest.length - 1;
        while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}
