import { describe, expect, it } from 'vitest';
import { usng } from '../../../renderer/src/features/map/basemap/usng';
import { roundDistance, scaleBars } from '../../../renderer/src/features/map/print/scale';

describe('map readouts', () => {
  it('writes the US National Grid as responders read it: zone, square, easting, northing', () => {
    // The Massachusetts State House, Boston.
    expect(usng(42.3587, -71.0637)).toMatch(/^19T CG \d{5} \d{5}$/);
    expect(usng(42.3587, -71.0637, 3)).toMatch(/^19T CG \d{3} \d{3}$/);
    // Northampton, in zone 18.
    expect(usng(42.3251, -72.6412)).toMatch(/^18T XM \d{5} \d{5}$/);
    expect(usng(85, 0)).toBeNull();
  });

  it('draws scale bars at round distances that fit', () => {
    expect(roundDistance(7300)).toBe(5000);
    expect(roundDistance(1999)).toBe(1000);
    expect(roundDistance(2000)).toBe(2000);
    const bars = scaleBars(50, 220); // 50 m a pixel: 11 km fits
    expect(bars.km).toEqual({ px: 200, words: '10 km' });
    expect(bars.mi.words).toBe('5 mi');
    expect(bars.mi.px).toBeLessThanOrEqual(220);
  });
});
