import { forward } from 'mgrs';

/**
 * US National Grid for a point, as responders read it aloud: zone, square, easting,
 * northing ("18T WL 85650 11369"), 1 m precision. USNG is MGRS on NAD83/WGS84 written with
 * spaces; the mgrs library (proj4js) does the arithmetic. Null outside its latitudes.
 */
export function usng(latitude: number, longitude: number, digits = 5): string | null {
  if (latitude < -80 || latitude > 84) return null;
  try {
    const m = forward([longitude, latitude], digits);
    const match = /^(\d{1,2}[A-Z])([A-Z]{2})(\d+)$/.exec(m);
    if (!match) return m;
    const nums = match[3]!;
    const half = nums.length / 2;
    return `${match[1]} ${match[2]} ${nums.slice(0, half)} ${nums.slice(half)}`;
  } catch {
    return null;
  }
}
