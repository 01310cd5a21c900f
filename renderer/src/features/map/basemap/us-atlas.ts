import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
// An asset of the bundle (same origin), fetched when the map first opens: typing 800 KB of
// JSON as a module would slow every type check and parse it at every start-up.
import atlasUrl from 'us-atlas/counties-10m.json?url';

export type Area = Feature<Polygon | MultiPolygon, { name?: string }> & { id: string; bbox: [number, number, number, number] };

export interface Atlas {
  states: Area[];
  counties: Area[];
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

/**
 * The Census Bureau's states and counties (us-atlas, 1:10,000,000) shipped in the bundle:
 * the basemap a workstation that has never been online still draws. Loaded with the map
 * screen, not at start-up, and parsed once.
 */
export function loadAtlas(): Promise<Atlas> {
  atlas ??= fetch(atlasUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`The built-in basemap could not be read (${r.status})`);
      return r.json() as Promise<Topology>;
    })
    .then((topo) => {
      const o = topo.objects as { states: GeometryCollection; counties: GeometryCollection };
      return { states: areas(feature(topo, o.states) as FeatureCollection), counties: areas(feature(topo, o.counties) as FeatureCollection) };
    })
    .catch((e: unknown) => {
      atlas = undefined; // the next map opened tries again
      throw e;
    });
  return atlas;
}

export const stateFipsOf = (countyId: string) => countyId.slice(0, 2);
