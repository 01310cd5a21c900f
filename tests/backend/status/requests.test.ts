import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { incidentEeiFigures } from '../../../electron/backend/domains/status/request-metrics';
import { HOUR, MIN, statusFixture, T0 } from './fixtures';

async function fiveHospitals() {
  const t = await statusFixture();
  const ids: string[] = [];
  for (const [i, name] of ['Mercy General', 'Baystate North', 'Riverside', 'Valley Regional', 'Cooley Hill'].entries()) {
    ids.push(await t.facility(name, {}, `413-555-01${10 + i}`));
  }
  await t.facility('Hilltop Care', { discipline: 'long_term_care' });
  return { t, ids };
}

describe('status requests', () => {
  it('asks all hospitals by a deadline, links each answer, and computes J.1, the response times and PM17/PM19', async () => {
    const { t, ids } = await fiveHospitals();
    const fields = [t.id('beds.adult_icu.available'), t.id('beds.medical_surgical.available')];
    const { request } = await t.call('status.requestCreate', { title: 'All hospitals: bed availability by 10:30', typeIds: fields, disciplines: ['hospital'], deadline: T0 + 30 * MIN });
    expect(request.facilities).toHaveLength(5);
    expect(request.selection).toBe('5 facilities: all hospital facilities');
    expect(request.figures).toMatchObject({ asked: 5, answered: 0, onTime: 0, onTimeShare: 0, minutesToLast: null, outstanding: 5 });

    t.advance(10 * MIN);
    await t.report(ids[0]!, { 'beds.adult_icu.available': 3 }, { statusRequestId: request.id });
    t.advance(10 * MIN);
    await t.report(ids[1]!, { 'beds.medical_surgical.available': 12 });
    // Phoned in at 10:25, typed in at 10:40: on time by the call.
    t.advance(20 * MIN);
    await t.report(ids[2]!, { 'beds.adult_icu.available': 1 }, { occurredAt: T0 + 25 * MIN });
    // A report of other fields does not answer the request.
    await t.report(ids[3]!, { 'ops.status': 'normal' });
    t.advance(5 * MIN);
    await t.report(ids[3]!, { 'beds.adult_icu.available': 0 });

    const { request: r } = await t.call('status.request', { id: request.id });
    expect(r.figures).toEqual({ asked: 5, answered: 4, onTime: 3, onTimeShare: 0.6, minutesToLast: null, outstanding: 1 });
    expect(r.late).toBe(true);
    const row = (name: string) => r.facilities.find((f) => f.name === name)!;
    expect(row('Mercy General')).toMatchObject({ onTime: true, responseMinutes: 10 });
    expect(row('Riverside')).toMatchObject({ onTime: true, responseMinutes: 25 });
    expect(row('Valley Regional')).toMatchObject({ onTime: false, responseMinutes: 45 });
    // The call-down list: the outstanding facility first, with its 24/7 number.
    expect(r.facilities[0]).toMatchObject({ name: 'Cooley Hill', answeredAt: null, contacts: [{ name: 'Cooley Hill command center', phone24x7: '413-555-0114' }] });
    expect(r.curve.map((p) => p.share)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);

    t.advance(30 * MIN);
    await t.report(ids[4]!, { 'beds.adult_icu.available': 2 });
    const { request: done } = await t.call('status.request', { id: request.id });
    // PM17/PM19: the last facility reported 75 minutes after the request went out.
    expect(done.figures).toMatchObject({ answered: 5, onTime: 3, onTimeShare: 0.6, minutesToLast: 75, outstanding: 0 });
    expect(done.late).toBe(false);
  });

  it('gives the after-action figures by partner type from one query-module call', async () => {
    const { t, ids } = await fiveHospitals();
    const { levels } = await t.call('incident.levels', {});
    const { incident } = await t.call('incident.create', { name: 'Drill', exercise: true, activationLevelId: levels[1]!.id });
    await t.call('incident.setActive', { incidentId: incident.id });
    await t.call('status.requestCreate', { title: 'Beds', typeIds: [t.id('beds.adult_icu.available')], disciplines: ['hospital', 'long_term_care'], deadline: T0 + HOUR });
    t.advance(10 * MIN);
    await t.report(ids[0]!, { 'beds.adult_icu.available': 3 });
    await t.backend.close();
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'), { readonly: true });
    try {
      const f = incidentEeiFigures(db, incident.id, T0 + 2 * HOUR);
      expect(f.overall).toEqual({ asked: 6, onTime: 1, onTimeShare: 1 / 6 });
      expect(f.requests[0]!.byDiscipline).toEqual([
        { discipline: 'hospital', label: 'Hospital', asked: 5, onTime: 1 },
        { discipline: 'long_term_care', label: 'Long-term care', asked: 1, onTime: 0 },
      ]);
      expect(f.requests[0]!.late.map((l) => l.name).sort()).toEqual(['Baystate North', 'Cooley Hill', 'Hilltop Care', 'Riverside', 'Valley Regional']);
    } finally {
      db.close();
    }
  });

  it('refuses a deadline before the request, an empty selection and unknown fields, in words', async () => {
    const { t } = await fiveHospitals();
    const base = { title: 'Beds', typeIds: [t.id('beds.adult_icu.available')], disciplines: ['hospital'] as const };
    expect(await t.raw('status.requestCreate', { ...base, deadline: T0 - MIN })).toMatchObject({ ok: false, error: { message: 'The deadline must be after the time the request goes out' } });
    expect(await t.raw('status.requestCreate', { ...base, disciplines: [], deadline: T0 + HOUR })).toMatchObject({ ok: false, error: { message: expect.stringContaining('No facility matches') } });
    expect(await t.raw('status.requestCreate', { ...base, typeIds: [], deadline: T0 + HOUR })).toMatchObject({ ok: false, error: { message: expect.stringContaining('Choose at least one field') } });
  });
});
