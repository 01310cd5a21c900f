import Supercluster from 'supercluster';
import { timed } from '../perf';

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
 * Clusters made for one zoom at a time, when the map first settles at that zoom, and kept
 * (supercluster's k-d trees): the first view costs one zoom's clustering, not nine, and
 * moving the map only asks which clusters are in view. From UNCLUSTERED_ZOOM every point
 * stands alone, from one shared tree. `extent: 256` makes the radius screen pixels on
 * Leaflet's 256-pixel world. A cluster's id belongs to its zoom's tree, so "zoom in on it"
 * asks that tree.
 */
export function pointIndex(points: readonly { latitude: number; longitude: number }[]): PointIndex {
  const features = points.map((p, i) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [p.longitude, p.latitude] }, properties: { i } }));
  const byZoom = new Map<number, Supercluster<{ i: number }, { i: number }>>();
  const treeFor = (z: number) => {
    let t = byZoom.get(z);
    if (!t) {
      // Beyond the last clustered zoom, a tree of the points alone serves every zoom.
      const at = Math.min(z, UNCLUSTERED_ZOOM - 1);
      t = timed('cluster', () => new Supercluster<{ i: number }, { i: number }>({ radius: RADIUS_PX, extent: 256, minZoom: at, maxZoom: at }).load(features));
      byZoom.set(z, t);
    }
    return t;
  };
  const zoomOf = (zoom: number) => Math.min(UNCLUSTERED_ZOOM, Math.max(MIN_ZOOM, Math.floor(zoom)));
  let lastZoom = MIN_ZOOM;
  return {
    shown(box, zoom) {
      const z = zoomOf(zoom);
      lastZoom = z;
      return treeFor(z).getClusters([box[0], box[1], box[2], box[3]], z).map((f) => {
        const [longitude, latitude] = f.geometry.coordinates as [number, number];
        const p = f.properties;
        return 'cluster' in p && p.cluster
          ? { kind: 'cluster', id: p.cluster_id, count: p.point_count, latitude, longitude }
          : { kind: 'point', index: p.i, latitude, longitude };
      });
    },
    expansionZoom(clusterId) {
      // A cluster holds points within RADIUS_PX of its first one, so they part once they
      // span more than twice that: the zoom where their extent (in Leaflet's world pixels)
      // first does. Asked of the tree of the zoom the cluster was shown at.
      const tree = byZoom.get(lastZoom);
      if (!tree) return lastZoom + 1;
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const leaf of tree.getLeaves(clusterId, Infinity)) {
        const [lon, lat] = leaf.geometry.coordinates as [number, number];
        const x = ((lon + 180) / 360) * 256;
        const sin = Math.sin((lat * Math.PI) / 180);
        const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * 256;
        [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      }
      const span = Math.max(x1 - x0, y1 - y0);
      const parts = span > 0 ? Math.floor(Math.log2((2 * RADIUS_PX) / span)) + 1 : UNCLUSTERED_ZOOM;
      return Math.min(UNCLUSTERED_ZOOM, Math.max(lastZoom + 1, parts));
    },
  };
}
