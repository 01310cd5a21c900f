import { describe, expect, it } from 'vitest';
import { COVERED_STATES, geocode, geocodeTown, geocodeZip, stateOfZip } from '../../../electron/backend/domains/geocode/geocode';
import { openReadyBackend } from '../helpers/backend';

describe('offline ZIP and town geocoding', () => {
  it('places Region 1 ZIP codes at their centroids', () => {
    const cases: [string, string, number, number][] = [
      ['01103', 'Springfield', 42.1029, -72.5887],
      ['01040', 'Holyoke', 42.202, -72.6262],
      ['01060', 'Northampton', 42.3223, -72.6313],
      ['01301', 'Greenfield', 42.6013, -72.6236],
      ['01201', 'Pittsfield', 42.4531, -73.2471],
      ['01230', 'Great Barrington', 42.1959, -73.3607],
    ];
    for (const [zip, town, lat, lon] of cases) {
      const p = geocodeZip(zip)!;
      expect(p.place).toBe(`${town}, MA ${zip}`);
      expect(p.latitude).toBeCloseTo(lat, 3);
      expect(p.longitude).toBeCloseTo(lon, 3);
    }
    expect(geocodeZip('01103-1234')?.place).toBe('Springfield, MA 01103');
    expect(stateOfZip('06103')).toBe('CT');
  });

  it('places a town at the mean of its ZIP codes, within its state', () => {
    const p = geocodeTown('springfield', 'MA')!;
    expect(p.source).toBe('town');
    expect(p.latitude).toBeGreaterThan(42.0);
    expect(p.latitude).toBeLessThan(42.2);
    expect(geocodeTown('North Adams')?.place).toBe('North Adams, MA');
  });

  it('prefers the ZIP code, falls back to the town, and finds nothing for unknown places', () => {
    expect(geocode({ zip: '01040', town: 'Pittsfield', state: 'MA' })?.place).toBe('Holyoke, MA 01040');
    expect(geocode({ zip: '99999', town: 'Pittsfield', state: 'MA' })?.source).toBe('town');
    expect(geocode({ town: 'Atlantis', state: 'MA' })).toBeNull();
    // A town name shared by several states needs its state.
    expect(geocodeTown('Springfield')).toBeNull();
  });

  it('covers the New England states and New York', () => {
    expect(COVERED_STATES).toEqual(['CT', 'MA', 'ME', 'NH', 'NY', 'RI', 'VT']);
  });

  it('fills an organisation’s location from its ZIP code, keeps typed coordinates, and answers the form lookup', async () => {
    const t = await openReadyBackend();
    const a = await t.call('directory.saveOrganisation', { name: 'Hilltop Care Center', discipline: 'long_term_care', membership: 'core', town: 'Palmer', zip: '01069' });
    expect(a.organisation).toMatchObject({ locationSource: 'zip', state: 'MA', latitude: 42.1762, longitude: -72.3288 });
    const b = await t.call('directory.saveOrganisation', { name: 'Valley Clinic', discipline: 'urgent_care', membership: 'supporting', town: 'Ware', state: 'MA' });
    expect(b.organisation.locationSource).toBe('town');
    const c = await t.call('directory.saveOrganisation', { name: 'Field Site', discipline: 'other', membership: 'supporting', town: 'Ware', latitude: 42.3, longitude: -72.2 });
    expect(c.organisation).toMatchObject({ locationSource: 'entered', latitude: 42.3 });
    const d = await t.raw('directory.saveOrganisation', { name: 'Half Site', discipline: 'other', membership: 'supporting', town: 'Ware', latitude: 42.3 });
    expect(d).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('Give both latitude and longitude') } });
    expect((await t.call('directory.geocode', { zip: '01247' })).location?.place).toBe('North Adams, MA 01247');
    // The form fills the town from a typed ZIP code.
    expect((await t.call('directory.geocode', { zip: '01040' })).zipPlace).toEqual({ town: 'Holyoke', state: 'MA' });
    expect((await t.call('directory.geocode', { zip: '99999' })).zipPlace).toBeNull();
  });
});
