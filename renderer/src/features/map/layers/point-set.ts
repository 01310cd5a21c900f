import type { MapItem } from '../items';
import type { SymbolStyle } from './symbols';

/** One layer's records as the map draws them: the list's items, and each one's symbol when it is shown. */
export interface PointSet {
  readonly items: readonly MapItem[];
  symbol(index: number): SymbolStyle;
}

/** Symbols are described only for the records in view, when they come into view, and kept. */
export function pointSet<T>(records: readonly T[], item: (r: T) => MapItem, symbol: (r: T) => SymbolStyle): PointSet {
  const made: (SymbolStyle | undefined)[] = [];
  return { items: records.map(item), symbol: (i) => (made[i] ??= symbol(records[i]!)) };
}
