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

/** Every ZIP centroid of the given states (all covered states when none are given). */
export function zipsOf(states: readonly string[] = COVERED_STATES): { zip: string; town: string; state: string; latitude: number; longitude: number }[] {
  const wanted = new Set(states);
  return [...load().byZip.values()].filter((e) => wanted.has(e.state)).map((e) => ({ zip: e.zip, town: e.town, state: e.state, latitude: e.latitude, longitude: e.longitude }));
}

/** Every town of the given states, at the mean of its ZIP centroids. */
export function townsOf(states: readonly string[] = COVERED_STATES): { name: string; state: string; latitude: number; longitude: number }[] {
  const wanted = new Set(states);
  const out: { name: string; state: string; latitude: number; longitude: number }[] = [];
  for (const hits of load().byTown.values()) {
    const first = hits[0]!;
    if (!wanted.has(first.state)) continue;
    const p = geocodeTown(first.town, first.state)!;
    out.push({ name: first.town, state: first.state, latitude: p.latitude, longitude: p.longitude });
  }
  return out;
}

/**
 * A place named inside free text ("Cooley Dickinson ED entrance, Northampton MA 01060"):
 * a ZIP code first, then the longest run of words that is a town, looked for in each of
 * the given states in turn (the organisation's own state first: "Ridge" in "Hawk Ridge
 * Home Health, Lee" is a town in New York, but Lee is the one in Massachusetts), or
 * across the covered states where the name is unique when no state is given. For records
 * that carry a location in words only: a request's delivery location, a cache's storage.
 */
export function geocodeText(text: string, states: readonly string[] = []): GeoPoint | null {
  const zip = /\b(\d{5})(?:-\d{4})?\b/.exec(text);
  const byZip = zip ? geocodeZip(zip[1]!) : null;
  if (byZip) return byZip;
  const words = text.replace(/\([^)]*\)/g, ' ').split(/[^\p{L}\p{N}'.-]+/u).filter(Boolean);
  const candidates: string[] = [];
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const name = words.slice(i, i + n).join(' ');
      // Town names are capitalised: "cache" in "coalition cache" is not Cache, Oklahoma.
      if (/^\p{Lu}/u.test(name)) candidates.push(name);
    }
  }
  for (const s of states.length ? states : [null]) {
    for (const name of candidates) {
      const hit = geocodeTown(name, s);
      if (hit) return hit;
    }
  }
  return null;
}
