import type { InventoryItem } from '../../../../shared/contract';

type Holding = Pick<InventoryItem, 'id' | 'name' | 'location' | 'ownerName'>;

/** Spoken alike: a screen reader or a voice command does not hear case or extra spaces. */
const key = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Each holding's words keyed by its id, the words extended by `more` where several read alike. */
function extended(items: readonly Holding[], words: Map<string, string>, more: (h: Holding, i: number, of: number) => string): Map<string, string> {
  const groups = new Map<string, Holding[]>();
  for (const h of items) {
    const k = key(words.get(h.id)!);
    groups.set(k, [...(groups.get(k) ?? []), h]);
  }
  const out = new Map(words);
  for (const group of groups.values()) if (group.length > 1) group.forEach((h, i) => out.set(h.id, `${words.get(h.id)!}, ${more(h, i + 1, group.length)}`));
  return out;
}

/**
 * What tells each holding of a list apart, for the names of its row's buttons ("Count …"):
 * its name, and where two share it (N95 respirators in two caches) also its location, then
 * its owner where the location is the same too, then its place among the rest ("2 of 2")
 * where even those are. A screen reader going down the rows, or a voice command, then never
 * meets two buttons of the same name.
 */
export function holdingNames(items: readonly Holding[]): Map<string, string> {
  const names = new Map(items.map((h) => [h.id, h.name.trim()]));
  const located = extended(items, names, (h) => h.location.trim());
  const owned = extended(items, located, (h) => h.ownerName.trim());
  return extended(items, owned, (_, i, of) => `${i} of ${of}`);
}
