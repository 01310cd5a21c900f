/** Ground metres per screen pixel in Web Mercator at a latitude and zoom (256-pixel tiles). */
export const metresPerPixel = (latitude: number, zoom: number) => (40_075_016.686 * Math.cos((latitude * Math.PI) / 180)) / 2 ** (zoom + 8);

/** The longest round distance (1, 2 or 5 times a power of ten) that fits in `maxMetres`. */
export function roundDistance(maxMetres: number): number {
  const p = 10 ** Math.floor(Math.log10(maxMetres));
  const d = maxMetres / p;
  return (d >= 5 ? 5 : d >= 2 ? 2 : 1) * p;
}

export const MILE = 1609.344;

export function scaleBars(metresPerPx: number, maxPx: number): { km: { px: number; words: string }; mi: { px: number; words: string } } {
  const m = roundDistance(metresPerPx * maxPx);
  const mi = roundDistance((metresPerPx * maxPx) / MILE);
  return {
    km: { px: m / metresPerPx, words: m >= 1000 ? `${m / 1000} km` : `${m} m` },
    mi: { px: (mi * MILE) / metresPerPx, words: `${mi} mi` },
  };
}
