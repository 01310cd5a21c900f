import { describe, expect, it } from 'vitest';
import { HOUR, statusFixture } from './fixtures';

describe('the EEI catalogue', () => {
  it('is seeded with types per discipline and edited by the coalition: intervals, plausible range, who reports it, a new type', async () => {
    const t = await statusFixture();
    const { types, sets, levels } = await t.call('status.catalogue', {});
    const set = (d: string) => sets.find((s) => s.discipline === d)!.typeIds.map((id) => types.find((x) => x.id === id)!.code);
    expect(set('hospital')).toEqual(expect.arrayContaining(['ops.status', 'ed.ems_traffic', 'beds.burn.available', 'power.fuel_hours', 'staff.physicians', 'evac.critical']));
    expect(set('long_term_care')).toEqual(expect.arrayContaining(['ltc.census', 'beds.ltc.available', 'evac.bariatric', 'evac.ventilator']));
    expect(set('dialysis')).toEqual(expect.arrayContaining(['dialysis.chairs_available', 'dialysis.patients_needing_placement']));

    const fuel = t.types.get('power.fuel_hours')!;
    const full = levels.find((l) => l.name === 'Full activation')!;
    const { type } = await t.call('status.saveType', {
      id: fuel.id,
      label: 'Generator fuel left',
      group: fuel.group,
      kind: 'number',
      unit: 'hours',
      min: 0,
      max: 240,
      intervals: { ...fuel.intervals, [full.id]: 60 },
      defaultInterval: fuel.defaultInterval,
      disciplines: ['hospital', 'long_term_care', 'ems'],
    });
    expect(type).toMatchObject({ label: 'Generator fuel left', max: 240, intervals: expect.objectContaining({ [full.id]: 60 }), disciplines: ['hospital', 'ems', 'long_term_care'] });

    const mercy = await t.facility('Mercy General');
    const { type: made } = await t.call('status.saveType', { code: 'beds.surge_tent.available', label: 'Surge tent beds', group: 'Beds', kind: 'number', unit: 'beds', min: 0, max: 100, aggregate: 'sum', defaultInterval: 4 * 60, disciplines: ['hospital'] });
    await t.report(mercy, { 'power.fuel_hours': 48 });
    await t.call('status.report', { organisationId: mercy, source: 'radio', values: [{ typeId: made.id, value: 12 }] });
    expect((await t.call('status.board', {})).totals).toEqual([expect.objectContaining({ label: 'Surge tent beds', total: 12 })]);
    t.advance(5 * HOUR);
    expect((await t.call('status.facility', { organisationId: mercy })).values.find((v) => v.typeId === made.id)!.staleness).toBe('STALE');

    expect(await t.raw('status.saveType', { id: made.id, code: 'beds.other', label: 'x', group: 'Beds', kind: 'number', defaultInterval: 60 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('is fixed (beds.surge_tent.available)') } });
    expect(await t.raw('status.saveType', { id: made.id, label: 'x', group: 'Beds', kind: 'text', defaultInterval: 60 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('has reports, so its kind cannot change') } });
    expect(await t.raw('status.saveType', { code: 'ops.status', label: 'x', group: 'Beds', kind: 'text', defaultInterval: 60 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('already used by "Operating status"') } });
    expect(await t.raw('status.saveType', { code: 'x.y', label: 'x', group: 'Beds', kind: 'choice', choices: [], defaultInterval: 60 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('A choice needs at least two choices') } });
  });
});
