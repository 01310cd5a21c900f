import L from 'leaflet';
import type { MapCache, MapOrganisation, MapRequest } from '../../../../../shared/contract';
import { DISCIPLINE_CODES } from '../items';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const clip = (s: string, n = 26) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Every symbol is a shape with words inside and a label beside it: members are round with
 * their discipline's code, requests are diamonds saying their priority, caches are squares
 * saying CACHE. Colour repeats what the words say, never says it alone.
 */
function icon(kind: string, modifier: string, glyph: string, label: string): L.DivIcon {
  return L.divIcon({
    className: `eoc-sym eoc-sym--${kind} eoc-sym--${modifier}`,
    html: `<span class="eoc-sym-glyph">${esc(glyph)}</span><span class="eoc-sym-label">${esc(clip(label))}</span>`,
    iconSize: undefined,
    // The symbol's middle sits on the place: a 28 px badge, or a 40 px request diamond.
    iconAnchor: kind === 'req' ? [20, 20] : [14, 14],
    popupAnchor: [0, -14],
  });
}

export const organisationIcon = (o: MapOrganisation) => icon('org', o.discipline, DISCIPLINE_CODES[o.discipline], o.shortName ?? o.name);
export const requestIcon = (r: MapRequest) => icon('req', r.priority, r.priority === 'urgent' ? 'URG' : r.priority === 'routine' ? 'RTN' : 'LOW', `${r.number} ${r.priorityLabel}`);
export const cacheIcon = (c: MapCache) => icon('cache', c.status, 'CACHE', c.name);

const CLUSTER_WORDS: Record<string, [string, string]> = {
  organisations: ['member', 'members'],
  requests: ['request', 'requests'],
  caches: ['cache', 'caches'],
};

/** A cluster says how many of what it holds, in words. */
export function clusterIcon(layer: string) {
  return (cluster: L.MarkerCluster) => {
    const n = cluster.getChildCount();
    const [one, many] = CLUSTER_WORDS[layer] ?? ['item', 'items'];
    return L.divIcon({ className: `eoc-cluster eoc-cluster--${layer}`, html: `<span>${n} ${n === 1 ? one : many}</span>`, iconSize: undefined, iconAnchor: [30, 14] });
  };
}
