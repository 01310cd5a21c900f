import type { GeoPoint } from '../../../../shared/contract';
import { ZIP_DATA } from './zip-data';

/**
 * Offline placement of an organisation from its ZIP code or town: no network, ever.
 * A ZIP gives its centroid; a town gives the mean of its ZIP centroids. Built on first use.
 */
interface ZipEntry {
  readonly zip: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly town: string;
  readonly state: string;
}

let index: { byZip: Map<string, ZipEntry>; byTown: Map<string, ZipEntry[]> } | null = null;

const townKey = (town: string, state: string) => `${state.toUpperCase()}|${town.trim().toLowerCase().replace(/\s+/g, ' ')}`;

function load() {
  if (index) return index;
  const byZip = new Map<string, ZipEntry>();
  const byTown = new Map<string, ZipEntry[]>();
  for (const [state, packed] of Object.entries(ZIP_DATA)) {
    for (const rec of packed.split(';')) {
      const [zip, lat, lon, town] = rec.split(',') as [string, string, string, string];
      const e: ZipEntry = { zip, latitude: Number(lat), longitude: Number(lon), town, state };
      byZip.set(zip, e);
      const k = townKey(town, state);
      const list = byTown.get(k);
      if (list) list.push(e);
      else byTown.set(k, [e]);
    }
  }
  index = { byZip, byTown };
  return index;
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

export function geocodeZip(zip: string): GeoPoint | null {
  const e = load().byZip.get(zip.trim().slice(0, 5));
  return e ? { latitude: e.latitude, longitude: e.longitude, source: 'zip', place: `${e.town}, ${e.state} ${e.zip}` } : null;
}

/** The town and state of a ZIP code, to fill in the form when only the ZIP is typed. */
export function placeOfZip(zip: string): { town: string; state: string } | null {
  const e = load().byZip.get(zip.trim().slice(0, 5));
  return e ? { town: e.town, state: e.state } : null;
}

/** The state a ZIP code belongs to, for filling in a missing state. */
export function stateOfZip(zip: string): string | null {
  return load().byZip.get(zip.trim().slice(0, 5))?.state ?? null;
}

/** Towns are looked up in the given state, or across the covered states when it is unique. */
export function geocodeTown(town: string, state?: string | null): GeoPoint | null {
  const { byTown } = load();
  let hits: ZipEntry[] | undefined;
  if (state) hits = byTown.get(townKey(town, state));
  else {
    const found = Object.keys(ZIP_DATA)
      .map((s) => byTown.get(townKey(town, s)))
      .filter((l): l is ZipEntry[] => !!l);
    hits = found.length === 1 ? found[0] : undefined;
  }
  if (!hits?.length) return null;
  const lat = hits.reduce((s, e) => s + e.latitude, 0) / hits.length;
  const lon = hits.reduce((s, e) => s + e.longitude, 0) / hits.length;
  return { latitude: round(lat), longitude: round(lon), source: 'town', place: `${hits[0]!.town}, ${hits[0]!.state}` };
}

/** ZIP first (more precise), then town. */
export function geocode(q: { zip?: string | null; town?: string | null; state?: string | null }): GeoPoint | null {
  return (q.zip ? geocodeZip(q.zip) : null) ?? (q.town ? geocodeTown(q.town, q.state) : null);
}

export const COVERED_STATES = Object.keys(ZIP_DATA).sort();
