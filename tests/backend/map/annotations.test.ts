import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnotationInput } from '../../../shared/contract';
import { incidentFixture } from '../incident/fixtures';

const square = (lon: number, lat: number, d = 0.01): AnnotationInput['geometry'] => ({
  type: 'Polygon',
  coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]],
});

describe('map annotations', () => {
  it('are drawn in an incident, attributed and timestamped, and listed for that incident only', async () => {
    const f = await incidentFixture();
    const { annotation } = await f.t.call('map.annotationSave', {
      incidentId: f.incident.id,
      shape: 'polygon',
      geometry: square(-72.6, 42.1),
      label: 'Road closed by ice',
      note: 'Route 9 between the bridge and the hospital',
    });
    expect(annotation).toMatchObject({ label: 'Road closed by ice', purpose: 'note', purposeLabel: 'Annotation', shape: 'polygon', createdBy: 'Dana Duty (Coalition Duty Officer)' });
    expect(annotation.createdAt).toBeGreaterThan(0);
    // The answer to the drawing (made from the values written) is what reading it back gives.
    expect((await f.t.call('map.annotations', { incidentId: f.incident.id })).annotations).toEqual([annotation]);

    const other = await f.t.call('incident.create', { name: 'Other', exercise: false, activationLevelId: f.incident.activationLevelId, startedAt: Date.now() - 1000 });
    expect((await f.t.call('map.annotations', { incidentId: other.incident.id })).annotations).toEqual([]);
    expect(await f.t.raw('map.annotationSave', { id: annotation.id, incidentId: other.incident.id, shape: 'polygon', geometry: square(-72.6, 42.1), label: 'Moved' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('change through the one write path: a change row per changed field, by whoever changed it', async () => {
    const f = await incidentFixture();
    const { annotation } = await f.t.call('map.annotationSave', { incidentId: f.incident.id, shape: 'circle', geometry: { type: 'Point', coordinates: [-72.6, 42.1] }, radiusM: 800, label: 'Staging area' });
    await f.signInAs('LSC', 'Lee Logistics');
    const { annotation: moved } = await f.t.call('map.annotationSave', {
      id: annotation.id,
      incidentId: f.incident.id,
      shape: 'circle',
      geometry: annotation.geometry,
      radiusM: 1200,
      label: annotation.label,
    });
    expect(moved).toMatchObject({ radiusM: 1200, label: 'Staging area', createdBy: 'Dana Duty (Coalition Duty Officer)', updatedBy: expect.stringMatching(/^Lee Logistics/) });
    const { removed } = await f.t.call('map.annotationRemove', { id: annotation.id });
    expect(removed).toBe(true);
    expect((await f.t.call('map.annotations', { incidentId: f.incident.id })).annotations).toEqual([]);
    const db = new Database(path.join(f.t.dataDir, 'eoc.sqlite'), { readonly: true });
    try {
      const changes = db.prepare("SELECT column_name AS col, value, operator_name AS who FROM changes WHERE table_name = 'map_annotations' AND row_id = ? ORDER BY hlc").all(annotation.id) as { col: string; value: string; who: string }[];
      // Drawn: every field. Resized: the radius only. Removed: the tombstone.
      expect(changes.slice(-2)).toEqual([
        { col: 'radius_m', value: '1200', who: 'Lee Logistics' },
        { col: 'deleted', value: '1', who: 'Lee Logistics' },
      ]);
      expect(changes.slice(0, -2).map((c) => c.col).sort()).toEqual(['demo', 'geometry', 'incident_id', 'label', 'note', 'purpose', 'radius_m', 'shape']);
      expect(db.prepare('SELECT deleted FROM map_annotations WHERE id = ?').get(annotation.id)).toEqual({ deleted: 1 });
    } finally {
      db.close();
    }
    expect(await f.t.raw('map.annotationRemove', { id: annotation.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a shape drawn with the wrong geometry, a circle without a radius and a label left empty, saving nothing', async () => {
    const f = await incidentFixture();
    const base = { incidentId: f.incident.id, label: 'x' };
    expect(await f.t.raw('map.annotationSave', { ...base, shape: 'line', geometry: square(-72, 42) })).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/A line is drawn as a GeoJSON LineString/) } });
    expect(await f.t.raw('map.annotationSave', { ...base, shape: 'circle', geometry: { type: 'Point', coordinates: [-72, 42] } })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/radius/) } });
    expect(await f.t.raw('map.annotationSave', { ...base, label: '  ', shape: 'point', geometry: { type: 'Point', coordinates: [-72, 42] } })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Label is required/) } });
    expect(await f.t.raw('map.annotationSave', { ...base, shape: 'point', geometry: { type: 'Point', coordinates: [-272, 42] } })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Longitude must be between/) } });
    expect((await f.t.call('map.annotations', { incidentId: f.incident.id })).annotations).toEqual([]);
  });

  it('are not drawn in a closed incident', async () => {
    const f = await incidentFixture();
    await f.t.call('incident.close', { id: f.incident.id, note: 'Done' });
    expect(await f.t.raw('map.annotationSave', { incidentId: f.incident.id, shape: 'point', geometry: { type: 'Point', coordinates: [-72, 42] }, label: 'Late' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/closed/) },
    });
  });
});
