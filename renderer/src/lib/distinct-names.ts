/** Spoken alike: a screen reader or a voice command does not hear case or extra spaces. */
const key = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Each item's words, by id, extended by `more` where several of them read alike. */
function extended<T extends { id: string }>(items: readonly T[], words: Map<string, string>, more: (t: T, i: number, of: number) => string): Map<string, string> {
  const groups = new Map<string, T[]>();
  for (const t of items) {
    const k = key(words.get(t.id)!);
    groups.set(k, [...(groups.get(k) ?? []), t]);
  }
  const out = new Map(words);
  // A detail a row does not have (no order number) adds nothing to it.
  for (const group of groups.values())
    if (group.length > 1)
      group.forEach((t, i) => {
        const m = more(t, i + 1, group.length);
        if (m) out.set(t.id, `${words.get(t.id)!}, ${m}`);
      });
  return out;
}

/**
 * What tells each row of a list apart, for the names of its buttons ("Count …", "Remove …"):
 * its name, and where several rows share it (N95 respirators in two caches, shelters.geojson
 * imported twice) the first detail too, then the next where that is shared as well, then its
 * place among the rest ("2 of 2") where even those are. A screen reader going down the rows,
 * or a voice command, then never meets two buttons of the same name.
 */
export function distinctNames<T extends { id: string }>(items: readonly T[], name: (t: T) => string, details: readonly ((t: T) => string)[]): Map<string, string> {
  let words = new Map(items.map((t) => [t.id, name(t).trim()]));
  for (const detail of details) words = extended(items, words, (t) => detail(t).trim());
  return extended(items, words, (_, i, of) => `${i} of ${of}`);
}
