import Supercluster from 'supercluster';

/** From this zoom every point is drawn on its own: a street-level view shows each record. */
export const UNCLUSTERED_ZOOM = 13;
/** The map's widest zoom; no clusters are made for zooms nobody can reach. */
const MIN_ZOOM = 4;
/** Points closer than this on screen are drawn as one cluster. */
const RADIUS_PX = 48;

/** What one layer shows in a box at a zoom: clusters that say how many, and single points. */
export type Shown =
  | { kind: 'cluster'; id: number; count: number; latitude: number; longitude: number }
  | { kind: 'point'; index: number; latitude: number; longitude: number };

export interface PointIndex {
  /** Clusters and points in the box [west, south, east, north] at this zoom. */
  shown(box: readonly [number, number, number, number], zoom: number): Shown[];
  /** The zoom at which a cluster splits into several, for "zoom in on it". */
  expansionZoom(clusterId: number): number;
}

/**
 * Clusters for every zoom, computed once when the points are read (supercluster's k-d trees),
 * so moving the map only asks which clusters are in view: no marker objects for points out
 * of sight, no regrouping on every zoom. `extent: 256` makes the radius screen pixels on
 * Leaflet's 256-pixel world.
 */
export function pointIndex(points: readonly { latitude: number; longitude: number }[]): PointIndex {
  const index = new Supercluster<{ i: number }, { i: number }>({ radius: RADIUS_PX, extent: 256, minZoom: MIN_ZOOM, maxZoom: UNCLUSTERED_ZOOM - 1 });
  index.load(points.map((p, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] }, properties: { i } })));
  return {
    shown(box, zoom) {
      return index.getClusters([box[0], box[1], box[2], box[3]], Math.max(MIN_ZOOM, Math.floor(zoom))).map((f) => {
        const [longitude, latitude] = f.geometry.coordinates as [number, number];
        const p = f.properties;
        return 'cluster' in p && p.cluster
          ? { kind: 'cluster', id: p.cluster_id, count: p.point_count, latitude, longitude }
          : { kind: 'point', index: p.i, latitude, longitude };
      });
    },
    expansionZoom: (id) => index.getClusterExpansionZoom(id),
  };
}
