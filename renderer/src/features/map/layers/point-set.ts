import type L from 'leaflet';
import type { MapItem } from '../items';

/** One layer's records as the map draws them: the list's items, and each one's symbol when it is shown. */
export interface PointSet {
  readonly items: readonly MapItem[];
  icon(index: number): L.DivIcon;
}

/** Symbols are made only for the records in view, when they come into view. */
export function pointSet<T>(records: readonly T[], item: (r: T) => MapItem, icon: (r: T) => L.DivIcon): PointSet {
  return { items: records.map(item), icon: (i) => icon(records[i]!) };
}
