import type L from 'leaflet';
import type { AnnotationGeometry, AnnotationShape } from '../../../../../shared/contract';

/** Geoman's shape names to ours. A rectangle is an area like any other. */
export const SHAPE_OF: Readonly<Record<string, AnnotationShape>> = {
  Marker: 'point',
  Line: 'line',
  Polygon: 'polygon',
  Rectangle: 'polygon',
  Circle: 'circle',
};

const round = (n: number) => Math.round(n * 1e6) / 1e6;
const pos = (ll: L.LatLng): [number, number] => [round(ll.lng), round(ll.lat)];

/** The geometry and radius of a drawn or edited layer, as the contract takes them. */
export function geometryOf(layer: L.Layer, shape: AnnotationShape): { geometry: AnnotationGeometry; radiusM: number | null } {
  if (shape === 'circle') {
    const c = layer as L.Circle;
    return { geometry: { type: 'Point', coordinates: pos(c.getLatLng()) }, radiusM: Math.round(c.getRadius()) };
  }
  if (shape === 'point') return { geometry: { type: 'Point', coordinates: pos((layer as L.Marker).getLatLng()) }, radiusM: null };
  if (shape === 'line') return { geometry: { type: 'LineString', coordinates: ((layer as L.Polyline).getLatLngs() as L.LatLng[]).map(pos) }, radiusM: null };
  const rings = (layer as L.Polygon).getLatLngs() as L.LatLng[][];
  return {
    geometry: {
      type: 'Polygon',
      coordinates: rings.map((ring) => {
        const r = ring.map(pos);
        // GeoJSON rings close on their first position; Leaflet's do not repeat it.
        return r.length && (r[0]![0] !== r[r.length - 1]![0] || r[0]![1] !== r[r.length - 1]![1]) ? [...r, r[0]!] : r;
      }),
    },
    radiusM: null,
  };
}
