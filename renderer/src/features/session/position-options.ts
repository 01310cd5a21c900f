import type { Position } from '../../../../shared/contract';

/** Positions grouped by ICS section, standard ones first, with their codes to search by. */
export function positionOptions(positions: readonly Position[]) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const p of positions) {
    const group = p.custom ? `Custom · ${p.section}` : p.section;
    const list = groups.get(group) ?? [];
    list.push({ value: p.id, label: `${p.title} (${p.code})` });
    groups.set(group, list);
  }
  return [...groups.entries()].map(([group, items]) => ({ group, items }));
}
