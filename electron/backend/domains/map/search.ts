import type { PlaceResult } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { organisationPlaces } from '../directory/queries';
import { townsOf, zipsOf } from '../geocode/geocode';
import { buildLayers } from './layers';

const MAX_RESULTS = 20;

/**
 * Finds what an operator types in the search box, offline: a ZIP code, a town of the
 * covered states, or a member, cache or open request by name or number. Names that start
 * with the words come first, then names that contain them.
 */
export function searchPlaces(db: Db, query: string, now: number, incidentId?: string): PlaceResult[] {
  const q = query.trim().toLowerCase();
  const results: (PlaceResult & { rank: number })[] = [];
  const rank = (text: string) => {
    const t = text.toLowerCase();
    return t === q ? 0 : t.startsWith(q) ? 1 : t.includes(q) ? 2 : -1;
  };
  if (/^\d{3,5}$/.test(q)) {
    for (const z of zipsOf()) if (z.zip.startsWith(q)) results.push({ kind: 'zip', id: null, label: z.zip, detail: `ZIP code, ${z.town}, ${z.state}`, latitude: z.latitude, longitude: z.longitude, rank: z.zip === q ? 0 : 1 });
  }
  const layers = buildLayers(db, now, incidentId);
  for (const o of layers.organisations) {
    const r = Math.min(...[o.name, o.shortName ?? ''].map(rank).map((x) => (x < 0 ? 9 : x)));
    if (r < 9) results.push({ kind: 'organisation', id: o.id, label: o.name, detail: `${o.disciplineLabel}, ${o.town}`, latitude: o.latitude, longitude: o.longitude, rank: r });
  }
  for (const c of layers.caches) {
    const r = rank(c.name);
    if (r >= 0) results.push({ kind: 'cache', id: c.id, label: c.name, detail: `Cache of ${c.ownerName}, ${c.location}`, latitude: c.latitude, longitude: c.longitude, rank: r + 1 });
  }
  for (const req of layers.requests) {
    const r = Math.min(...[req.number, req.summary].map(rank).map((x) => (x < 0 ? 9 : x)));
    if (r < 9) results.push({ kind: 'request', id: req.id, label: `${req.number} ${req.summary}`, detail: `${req.priorityLabel} request, ${req.statusLabel}, for ${req.organisationName}`, latitude: req.latitude, longitude: req.longitude, rank: r + 1 });
  }
  if (q.length >= 2) {
    for (const t of townsOf()) {
      const r = rank(t.name);
      if (r >= 0 && r < 2) results.push({ kind: 'town', id: null, label: `${t.name}, ${t.state}`, detail: 'Town', latitude: t.latitude, longitude: t.longitude, rank: r });
    }
  }
  return results
    .sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label))
    .slice(0, MAX_RESULTS)
    .map(({ rank: _rank, ...r }) => r);
}

/** The states the members are in: where town and ZIP labels are worth drawing. */
export function memberStates(db: Db): string[] {
  return [...new Set(organisationPlaces(db).map((o) => o.state).filter((s): s is string => !!s))];
}
