import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReadyBackend } from '../helpers/backend';

const shelter = {
  name: 'Northampton High School shelter',
  type: 'shelter' as const,
  hours: 'When opened by the town',
  capacity: 180,
  accessibility: 'Ramp at the east door; accessible showers',
  languages: ['English', 'Spanish'],
  phone: '413-555-0150',
  address: '380 Elm St',
  town: 'Northampton',
  zip: '01060',
};

describe('regional services directory', () => {
  it('keeps a service with its type, hours, capacity, accessibility and languages, placed offline from its ZIP code for the map', async () => {
    const t = await openReadyBackend();
    const { service } = await t.call('service.save', shelter);
    expect(service).toMatchObject({ typeLabel: 'Shelter', capacity: 180, languages: ['English', 'Spanish'], state: 'MA', locationSource: 'zip' });
    expect(service.latitude).toBeCloseTo(42.3, 0);
    expect(service.longitude).toBeCloseTo(-72.6, 0);
    await t.call('service.save', { name: 'Valley Transit paratransit', type: 'transport', town: 'Holyoke', hours: '24/7', languages: [] });
    expect((await t.call('service.list', { type: 'shelter' })).services.map((s) => s.name)).toEqual([shelter.name]);
    expect((await t.call('service.list', { search: 'spanish' })).services).toHaveLength(1);
    expect((await t.call('service.list', { search: '100%' })).services).toHaveLength(0);
  });

  it('edits field by field through the outbox, and removes with a tombstone', async () => {
    const t = await openReadyBackend();
    const { service } = await t.call('service.save', shelter);
    await t.call('service.save', { ...shelter, id: service.id, capacity: 150 });
    await t.call('service.remove', { id: service.id });
    expect((await t.call('service.list', {})).services).toHaveLength(0);
    await t.backend.close();
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'), { readonly: true });
    const changes = db.prepare("SELECT column_name, value FROM changes WHERE table_name = 'services' AND row_id = ? ORDER BY hlc").all(service.id) as { column_name: string; value: string }[];
    db.close();
    expect(changes.slice(-2)).toEqual([
      { column_name: 'capacity', value: '150' },
      { column_name: 'deleted', value: '1' },
    ]);
  });

  it('refuses a negative capacity or an unknown type in words, saving nothing', async () => {
    const t = await openReadyBackend();
    const r = await t.raw('service.save', { ...shelter, capacity: -1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('Capacity cannot be negative');
    const r2 = await t.raw('service.save', { ...shelter, type: 'hotel' });
    if (!r2.ok) expect(r2.error.message).toMatch(/^Type must be one of: Shelter, Warming center/);
    expect((await t.call('service.list', {})).services).toHaveLength(0);
  });
});
