import L from 'leaflet';
import type { MapCache, MapOrganisation, MapRequest } from '../../../../../shared/contract';
import { MEMBER_STATUS } from '../../../../../shared/domain/member-status';
import { DISCIPLINE_CODES } from '../items';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const clip = (s: string, n = 26) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Every symbol is a shape with words inside and a label beside it: members are round with
 * their discipline's code, requests are diamonds saying their priority, caches are squares
 * saying CACHE. A member that reports facility status carries it as a tag beside its badge
 * ("DIV", "CLOSED", "OK", "NR"; "STALE" or "OVERDUE" after it when old), its severity also
 * drawn as the tag's fill and the badge's outer ring. Colour repeats what the words say,
 * never says it alone.
 */
function icon(kind: string, modifier: string, glyph: string, label: string, tag = '', extraClass = ''): L.DivIcon {
  return L.divIcon({
    className: `eoc-sym eoc-sym--${kind} eoc-sym--${modifier}${extraClass}`,
    html: `<span class="eoc-sym-glyph">${esc(glyph)}</span>${tag}<span class="eoc-sym-label">${esc(clip(label))}</span>`,
    iconSize: undefined,
    // The symbol's middle sits on the place: a 28 px badge, or a 40 px request diamond.
    iconAnchor: kind === 'req' ? [20, 20] : [14, 14],
    popupAnchor: [0, -14],
  });
}

/** The words of a member's status tag: its code, and its staleness when not current. */
export const statusTagWords = (o: Pick<MapOrganisation, 'status' | 'stale'>): string | null => (o.status ? (o.stale ? `${o.status} ${o.stale}` : o.status) : null);

export function organisationIcon(o: MapOrganisation): L.DivIcon {
  const words = statusTagWords(o);
  if (!o.status || !words) return icon('org', o.discipline, DISCIPLINE_CODES[o.discipline], o.shortName ?? o.name);
  const sev = MEMBER_STATUS[o.status].severity;
  const tag = `<span class="eoc-sym-status eoc-sym-status--${sev}${o.stale ? ' eoc-sym-status--stale' : ''}">${esc(words)}</span>`;
  return icon('org', o.discipline, DISCIPLINE_CODES[o.discipline], o.shortName ?? o.name, tag, ` eoc-sym--sev-${sev}`);
}
export const requestIcon = (r: MapRequest) => icon('req', r.priority, r.priority === 'urgent' ? 'URG' : r.priority === 'routine' ? 'RTN' : 'LOW', `${r.number} ${r.priorityLabel}`);
export const cacheIcon = (c: MapCache) => icon('cache', c.status, 'CACHE', c.name);

/** The layers drawn as clustered points. */
export type ClusterLayer = 'organisations' | 'requests' | 'caches';

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

/** A cluster says how many of what it holds, in words. */
export function clusterIcon(layer: ClusterLayer) {
  return (n: number) => L.divIcon({ className: `eoc-cluster eoc-cluster--${layer}`, html: `<span>${clusterWords(layer, n)}</span>`, iconSize: undefined, iconAnchor: [30, 14] });
}
