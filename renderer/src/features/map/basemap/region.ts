import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Area } from './us-atlas';

const inBox = (b: Area['bbox'], lon: number, lat: number) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];

/**
 * The coalition's region as the map highlights it: the counties its members are in. It
 * follows the directory, so a member added in a new county widens the region by itself.
 */
export function regionCounties(counties: readonly Area[], points: readonly { latitude: number; longitude: number }[]): Set<string> {
  const found = new Set<string>();
  const seen = new Set<string>();
  for (const p of points) {
    const key = `${p.longitude.toFixed(3)},${p.latitude.toFixed(3)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const c of counties) {
      if (!inBox(c.bbox, p.longitude, p.latitude)) continue;
      if (booleanPointInPolygon([p.longitude, p.latitude], c)) {
        found.add(c.id);
        break;
      }
    }
  }
  return found;
}

/** States worth drawing counties for: those near the members (their box, 1.5 degrees wider). */
export function nearbyStates(states: readonly Area[], points: readonly { latitude: number; longitude: number }[]): Set<string> {
  if (!points.length) return new Set(states.map((s) => s.id));
  const lons = points.map((p) => p.longitude);
  const lats = points.map((p) => p.latitude);
  const [w, s, e, n] = [Math.min(...lons) - 1.5, Math.min(...lats) - 1.5, Math.max(...lons) + 1.5, Math.max(...lats) + 1.5];
  return new Set(states.filter((st) => st.bbox[0] <= e && st.bbox[2] >= w && st.bbox[1] <= n && st.bbox[3] >= s).map((st) => st.id));
}
