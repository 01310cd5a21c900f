import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
// An asset of the bundle (same origin), fetched when the map first opens: typing 800 KB of
// JSON as a module would slow every type check and parse it at every start-up.
import atlasUrl from 'us-atlas/counties-10m.json?url';

export type Area = Feature<Polygon | MultiPolygon, { name?: string }> & { id: string; bbox: [number, number, number, number] };

export interface Atlas {
  states: Area[];
  /** The counties of some states, converted on first use (all 3,200 cost a fifth of a second). */
  countiesOf(stateIds: ReadonlySet<string>): Area[];
}

function bboxOf(g: Polygon | MultiPolygon): [number, number, number, number] {
  let w = 180, s = 90, e = -180, n = -90;
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x! < w) w = x!;
      if (x! > e) e = x!;
      if (y! < s) s = y!;
      if (y! > n) n = y!;
    }
  }
  return [w, s, e, n];
}

const areas = (fc: FeatureCollection): Area[] =>
  fc.features.map((f) => ({ ...(f as Feature<Polygon | MultiPolygon, { name?: string }>), id: String(f.id), bbox: bboxOf(f.geometry as Polygon | MultiPolygon) }));

let atlas: Promise<Atlas> | undefined;
let raw: Promise<Topology> | undefined;

/**
 * Starts reading the atlas file (parsed off the main thread by the browser) as soon as the
 * map's code loads, which the console does in the background after start-up, so the map
 * does not wait for it when first opened.
 */
export function prefetchAtlas(): void {
  raw ??= fetch(atlasUrl).then((r) => {
    if (!r.ok) throw new Error(`The built-in basemap could not be read (${r.status})`);
    return r.json() as Promise<Topology>;
  });
  raw.catch(() => {
    raw = undefined; // the next attempt fetches again
  });
}

/**
 * The Census Bureau's states and counties (us-atlas, 1:10,000,000) shipped in the bundle:
 * the basemap a workstation that has never been online still draws. Loaded with the map
 * screen, not at start-up, and parsed once.
 */
export function loadAtlas(): Promise<Atlas> {
  prefetchAtlas();
  atlas ??= raw!
    .then((topo) => {
      const o = topo.objects as { states: GeometryCollection; counties: GeometryCollection };
      const cache = new Map<string, Area[]>();
      return {
        states: areas(feature(topo, o.states) as FeatureCollection),
        countiesOf: (ids: ReadonlySet<string>) => {
          const key = [...ids].sort().join(',');
          let list = cache.get(key);
          if (!list) {
            const geometries = o.counties.geometries.filter((g) => ids.has(stateFipsOf(String(g.id))));
            list = areas(feature(topo, { type: 'GeometryCollection', geometries }) as FeatureCollection);
            cache.set(key, list);
          }
          return list;
        },
      };
    })
    .catch((e: unknown) => {
      atlas = undefined; // the next map opened tries again
      throw e;
    });
  return atlas;
}

export const stateFipsOf = (countyId: string) => countyId.slice(0, 2);
