/**
 * Lines of facility names each condition may take on a wall display: what its names need
 * (estimated from their length), at most three, and fewer for the longest lists while all
 * together would pass `budget` (none for a condition no facility is in), so that the facilities panel fits a 1920x1080 screen even
 * with every condition on the board. Each count above its names says how many in words;
 * the names cut short end in "…", and the console lists them all.
 */
export function wallNameLines(names: readonly string[], { budget = 9, most = 3, charsPerLine = 50 } = {}): number[] {
  const lines = names.map((n) => (n ? Math.max(1, Math.min(most, Math.ceil(n.length / charsPerLine))) : 0));
  let total = lines.reduce((s, x) => s + x, 0);
  while (total > budget) {
    const i = lines.lastIndexOf(Math.max(...lines)); // the least severe of the longest first
    if (lines[i]! <= 1) break;
    lines[i]!--;
    total--;
  }
  return lines;
}
