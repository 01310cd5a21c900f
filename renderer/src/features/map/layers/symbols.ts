import type { MapCache, MapOrganisation, MapRequest } from '../../../../../shared/contract';
import { MEMBER_STATUS } from '../../../../../shared/domain/member-status';
import type { Severity } from '../../../../../shared/domain/status-rules';
import { DISCIPLINE_CODES } from '../items';
import { CACHE_COLOURS, DISCIPLINE_COLOURS, PRIORITY_COLOURS } from './colours';

const clip = (s: string, n = 26) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Members are round, requests diamonds, caches square: the shape says the layer without colour. */
export type SymbolShape = 'round' | 'diamond' | 'square';

/**
 * One record's symbol as the map's canvas draws it: a shape with words inside (the
 * discipline's code, the priority, CACHE) and a label beside it. A member that reports
 * facility status carries it as a tag beside its badge ("DIV", "CLOSED", "OK", "NR";
 * "STALE" or "OVERDUE" after it when old), its severity also drawn as the tag's fill and
 * the badge's outer ring. Colour repeats what the words say, never says it alone.
 */
export interface SymbolStyle {
  shape: SymbolShape;
  /** The outline: the discipline's, the priority's or the cache status's colour. */
  colour: string;
  glyph: string;
  label: string;
  tag?: { words: string; severity: Severity; stale: boolean };
}

/** The words of a member's status tag: its code, and its staleness when not current. */
export const statusTagWords = (o: Pick<MapOrganisation, 'status' | 'stale'>): string | null => (o.status ? (o.stale ? `${o.status} ${o.stale}` : o.status) : null);

export function organisationSymbol(o: MapOrganisation): SymbolStyle {
  const base = { shape: 'round' as const, colour: DISCIPLINE_COLOURS[o.discipline], glyph: DISCIPLINE_CODES[o.discipline], label: clip(o.shortName ?? o.name) };
  const words = statusTagWords(o);
  if (!o.status || !words) return base;
  return { ...base, tag: { words, severity: MEMBER_STATUS[o.status].severity, stale: !!o.stale } };
}

export const requestSymbol = (r: MapRequest): SymbolStyle => ({
  shape: 'diamond',
  colour: PRIORITY_COLOURS[r.priority],
  glyph: r.priority === 'urgent' ? 'URG' : r.priority === 'routine' ? 'RTN' : 'LOW',
  label: clip(`${r.number} ${r.priorityLabel}`),
});

export const cacheSymbol = (c: MapCache): SymbolStyle => ({ shape: 'square', colour: CACHE_COLOURS[c.status], glyph: 'CACHE', label: clip(c.name) });

/** The layers drawn as clustered points, in the order they are drawn (the last on top). */
export const CLUSTER_LAYERS = ['caches', 'organisations', 'requests'] as const;
export type ClusterLayer = (typeof CLUSTER_LAYERS)[number];

const CLUSTER_WORDS: Record<ClusterLayer, [string, string]> = {
  organisations: ['member', 'members'],
  requests: ['request', 'requests'],
  caches: ['cache', 'caches'],
};

/** How many of what a cluster holds, in words: "12 members". */
export function clusterWords(layer: ClusterLayer, n: number): string {
  const [one, many] = CLUSTER_WORDS[layer];
  return `${n} ${n === 1 ? one : many}`;
}

/** A cluster's pill: round for members, square-cornered for requests and caches, each outlined in its layer's colour. */
export const CLUSTER_STYLE: Readonly<Record<ClusterLayer, { colour: string; radius: number }>> = {
  organisations: { colour: '#546e7a', radius: 14 },
  requests: { colour: '#c62828', radius: 3 },
  caches: { colour: '#2e7d32', radius: 3 },
};
