import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openReadyBackend } from '../helpers/backend';

const points = (n: number) => ({
  type: 'FeatureCollection',
  features: Array.from({ length: n }, (_, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [-72.5 + i / 10_000, 42.1 + i / 20_000] }, properties: { name: `Shelter ${i}`, beds: i } })),
});

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Evacuation zones</name>
<Placemark><name>Zone A</name><Polygon><outerBoundaryIs><LinearRing><coordinates>-72.6,42.1 -72.5,42.1 -72.5,42.2 -72.6,42.1</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
<Placemark><name>Shelter road</name><LineString><coordinates>-72.6,42.1 -72.55,42.15</coordinates></LineString></Placemark>
<Placemark><name>A note with no place</name></Placemark>
</Document></kml>`;

describe('map overlays', () => {
  it('imports a GeoJSON file of 1,000 features as an overlay every workstation sees, and exports it back equal', async () => {
    const t = await openReadyBackend();
    const src = points(1000);
    const r = await t.call('map.overlayImport', { fileName: 'shelters.geojson', format: 'geojson', content: JSON.stringify(src) });
    expect(r).toMatchObject({ overlay: { name: 'shelters', featureCount: 1000, sourceFormat: 'geojson', importedBy: 'Dana Duty (Coalition Duty Officer)' }, skipped: 0 });
    const { overlays } = await t.call('map.overlays', {});
    expect(overlays).toHaveLength(1);
    const out = await t.call('map.exportLayer', { layer: 'overlay', format: 'geojson', overlayId: r.overlay.id });
    expect((JSON.parse(out.content) as { features: unknown[] }).features).toEqual(src.features);
    await t.call('map.overlayRemove', { id: r.overlay.id });
    expect((await t.call('map.overlays', {})).overlays).toEqual([]);
  });

  it('imports KML and KMZ, skipping placemarks with no location and saying how many', async () => {
    const t = await openReadyBackend();
    const k = await t.call('map.overlayImport', { fileName: 'zones.kml', format: 'kml', content: KML });
    expect(k).toMatchObject({ overlay: { name: 'zones', featureCount: 2 }, skipped: 1 });
    const kmz = Buffer.from(zipSync({ 'doc.kml': strToU8(KML), 'files/icon.png': new Uint8Array([1, 2, 3]) })).toString('base64');
    const z = await t.call('map.overlayImport', { fileName: 'zones.kmz', format: 'kmz', content: kmz, name: 'Zones (KMZ)' });
    expect(z).toMatchObject({ overlay: { name: 'Zones (KMZ)', featureCount: 2, sourceFormat: 'kmz' }, skipped: 1 });
    const { overlays } = await t.call('map.overlays', {});
    const zone = (overlays[0]!.geojson.features[0] as { properties: { name: string }; geometry: { type: string } });
    expect(zone).toMatchObject({ properties: { name: 'Zone A' }, geometry: { type: 'Polygon' } });
  });

  it('refuses a bad, hostile or huge file in words and keeps nothing', async () => {
    const t = await openReadyBackend();
    const refuse = async (input: Record<string, unknown>, message: RegExp) => expect(await t.raw('map.overlayImport', { fileName: 'x', ...input })).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(message) } });
    await refuse({ format: 'geojson', content: '{"type": "FeatureCollection", "features": [' }, /not valid GeoJSON/);
    await refuse({ format: 'geojson', content: '{"hello": 1}' }, /JSON but not GeoJSON/);
    await refuse({ format: 'geojson', content: JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [500, 42] } }] }) }, /no feature with a location/);
    await refuse({ format: 'geojson', content: JSON.stringify(points(20_001)) }, /more than 20,000 features/);
    await refuse({ format: 'geojson', content: 'x'.repeat(12_000_001) }, /too large to import as an overlay/);
    await refuse({ format: 'kml', content: '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x "y">]><kml/>' }, /DOCTYPE/);
    await refuse({ format: 'kml', content: '<html><body>not a map</body></html>' }, /XML but not KML/);
    await refuse({ format: 'kmz', content: Buffer.from('not a zip').toString('base64') }, /not a KMZ/);
    await refuse({ format: 'kmz', content: Buffer.from(zipSync({ 'readme.txt': strToU8('hi') })).toString('base64') }, /holds no KML/);
    expect((await t.call('map.overlays', {})).overlays).toEqual([]);
  });
});
