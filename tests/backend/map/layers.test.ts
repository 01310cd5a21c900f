import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../../electron/backend';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { decodeLayers, encodeLayers } from '../../../shared/contract/map-layers';

/** One demonstration coalition read by every test here (reads only). */
let backend: Backend;
let dataDir: string;
let incidentId: string;
let seq = 0;
async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const r = await backend.handle({ id: String(++seq), method, input });
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.result as MethodOutput<M>;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-map-'));
  backend = await createBackend({ dataDir, backupIntervalMs: 0 });
  incidentId = (await call('demo.load', {})).incidentId!;
});
afterAll(async () => {
  await backend.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the map layers of the demonstration coalition', () => {
  it('places every member, every open request and every cache, saying how each was placed', async () => {
    const layers = decodeLayers(await call('map.layers', { incidentId }));
    const { total } = await call('directory.list', { limit: 1000 });
    expect(layers.organisations).toHaveLength(total);
    expect(layers.unplaced).toEqual([]);
    const board = await call('request.board', { incidentId, limit: 500 });
    expect(layers.requests.map((r) => r.number).sort()).toEqual(board.rows.map((r) => r.number).sort());
    expect(layers.caches.length).toBeGreaterThanOrEqual(25);
    for (const f of [...layers.organisations, ...layers.requests, ...layers.caches]) {
      // Western Massachusetts and its neighbours.
      expect(f.latitude).toBeGreaterThan(41.5);
      expect(f.latitude).toBeLessThan(43.2);
      expect(f.longitude).toBeGreaterThan(-73.6);
      expect(f.longitude).toBeLessThan(-71.5);
      expect(f.placement.words.length).toBeGreaterThan(5);
    }
    const trailer = layers.caches.find((c) => c.name === 'MCI trailer 2')!;
    expect(trailer.placement).toEqual({ source: 'town', words: 'Centre of Pittsfield, MA, named in "Pittsfield EMS garage (demo)"' });
    const owned = layers.caches.find((c) => c.location === 'Materials management (demo)')!;
    expect(owned.placement.source).toBe('organisation');
    expect(owned.placement.words).toBe(`At the owner, ${owned.ownerName}`);
  });

  it('sends the layers as columns that read back as the very features the exports use, in far fewer bytes', async () => {
    const sent = await call('map.layers', { incidentId });
    const layers = decodeLayers(sent);
    expect(encodeLayers(layers)).toEqual(sent);
    // The same features the GeoJSON export writes, field for field.
    const exported = JSON.parse((await call('map.exportLayer', { layer: 'organisations', format: 'geojson', incidentId })).content) as { features: { properties: { id: string; name: string } }[] };
    expect(layers.organisations.map((o) => o.id).sort()).toEqual(exported.features.map((f) => f.properties.id).sort());
    const mercy = layers.organisations.find((o) => o.discipline === 'hospital')!;
    expect(mercy.disciplineLabel).toBe('Hospital');
    expect(mercy.placement.words.length).toBeGreaterThan(0);
    const req = layers.requests[0]!;
    expect(req.priorityLabel).toMatch(/^(Urgent|Routine|Low)$/);
    expect(req.statusLabel.length).toBeGreaterThan(0);
    // Each place said once: fewer placements than features placed.
    expect(sent.placements.length).toBeLessThan(layers.organisations.length + layers.requests.length);
    expect(JSON.stringify(sent).length).toBeLessThan(0.7 * JSON.stringify(layers).length);
  });

  it('finds a town, a ZIP code and a member by name, offline', async () => {
    const towns = await call('map.search', { query: 'Northampton' });
    expect(towns.results[0]).toMatchObject({ kind: 'town', label: 'Northampton, MA' });
    const zip = await call('map.search', { query: '01060' });
    expect(zip.results[0]).toMatchObject({ kind: 'zip', label: '01060', detail: 'ZIP code, Northampton, MA' });
    const { organisations } = await call('directory.list', { limit: 1 });
    const org = await call('map.search', { query: organisations[0]!.name.slice(0, 12) });
    expect(org.results.map((r) => r.id)).toContain(organisations[0]!.id);
  });

  it('gives town and ZIP labels for the states the members are in', async () => {
    const { towns, zips } = await call('map.places', {});
    expect(new Set(towns.map((t) => t.state))).toEqual(new Set(['MA', ...towns.map((t) => t.state)]));
    expect(towns.find((t) => t.name === 'Springfield' && t.state === 'MA')).toBeTruthy();
    expect(zips.find((z) => z.zip === '01103')).toMatchObject({ town: 'Springfield', state: 'MA' });
  });

  it('holds the demo storm’s drawings: its location, its area, a closed road and a warming centre', async () => {
    const { annotations } = await call('map.annotations', { incidentId });
    expect(annotations.map((a) => [a.purposeLabel, a.shape])).toEqual([
      ['Incident location', 'point'],
      ['Incident area', 'polygon'],
      ['Annotation', 'line'],
      ['Annotation', 'circle'],
    ]);
    expect(annotations.every((a) => a.demo && a.createdBy && a.createdAt < Date.now() - 3_600_000)).toBe(true);
  });

  it('exports each layer to GeoJSON that reads back as the same features, marked demo', async () => {
    const layers = decodeLayers(await call('map.layers', { incidentId }));
    for (const [layer, list] of [['organisations', layers.organisations], ['requests', layers.requests], ['caches', layers.caches]] as const) {
      const out = await call('map.exportLayer', { layer, format: 'geojson', incidentId });
      expect(out.fileName).toMatch(new RegExp(`^DEMO-map-${layer}-\\d{4}-\\d{2}-\\d{2}\\.geojson$`));
      const fc = JSON.parse(out.content) as { name: string; features: { geometry: { coordinates: number[] }; properties: { id: string; demo: boolean } }[] };
      expect(fc.name).toMatch(/^DEMO DATA - /);
      expect(fc.features.map((f) => [f.properties.id, ...f.geometry.coordinates])).toEqual(list.map((x) => [x.id, x.longitude, x.latitude]));
      expect(fc.features.every((f) => f.properties.demo)).toBe(true);
    }
    const ann = JSON.parse((await call('map.exportLayer', { layer: 'annotations', format: 'geojson', incidentId })).content) as { features: { geometry: { type: string; coordinates: number[][][] } }[] };
    // The circle leaves as a polygon any GIS reads.
    expect(ann.features.map((f) => f.geometry.type)).toEqual(['Point', 'Polygon', 'LineString', 'Polygon']);
    expect(ann.features[3]!.geometry.coordinates[0]).toHaveLength(65);
  });

  it('exports a layer to KML that reads back with the same names and places', async () => {
    const { kml } = await import('@tmcw/togeojson');
    const { DOMParser } = await import('@xmldom/xmldom');
    const out = await call('map.exportLayer', { layer: 'caches', format: 'kml', incidentId });
    expect(out.mimeType).toBe('application/vnd.google-earth.kml+xml');
    const back = kml(new DOMParser().parseFromString(out.content, 'text/xml'));
    const layers = decodeLayers(await call('map.layers', { incidentId }));
    expect(back.features.map((f) => [f.properties!.name, (f.geometry as { coordinates: number[] }).coordinates])).toEqual(layers.caches.map((c) => [c.name, [c.longitude, c.latitude]]));
  });
});
