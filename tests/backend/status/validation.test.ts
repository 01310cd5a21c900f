import { describe, expect, it } from 'vitest';
import { snapshotCounts } from '../helpers/snapshot';
import { MIN, statusFixture } from './fixtures';

describe('implausible values', () => {
  it('flags available beds above baseline, a jump beyond the set share, negatives, out-of-range values and an ED closed while accepting EMS, in words', async () => {
    const t = await statusFixture();
    const mercy = await t.facility('Mercy General');
    await t.report(mercy, { 'beds.medical_surgical.baseline': 120, 'beds.medical_surgical.available': 40, 'ed.status': 'open', 'ed.ems_traffic': 'normal' });
    t.advance(60 * MIN);
    const check = async (values: Record<string, number | string>) =>
      (
        await t.call('status.check', { organisationId: mercy, values: Object.entries(values).map(([c, value]) => ({ typeId: t.id(c), value })) })
      ).flags.map((f) => [f.rule, f.message]);
    expect(await check({ 'beds.medical_surgical.available': 130 })).toEqual([
      ['above_baseline', 'Medical/surgical beds available (130) is more than the baseline (120)'],
      ['jump', 'Medical/surgical beds available went from 40 to 130 (+225%) since the report of 2026-11-25 10:00 EST; more than 50% in one report'],
    ]);
    expect(await check({ 'beds.medical_surgical.available': 44 })).toEqual([]);
    expect(await check({ 'beds.adult_icu.available': -2 })).toEqual([['negative', 'Adult ICU beds available cannot be negative (-2 given)']]);
    expect(await check({ 'vent.available': 900 })).toEqual([['range', 'Ventilators available of 900 ventilators is outside the plausible range 0 to 500 ventilators']]);
    expect(await check({ 'ed.status': 'closed' })).toEqual([['ed_closed_accepting', 'The ED is reported closed while EMS traffic reads "accepting all EMS"; one of the two is wrong']]);
    expect(await check({ 'ed.status': 'closed', 'ed.ems_traffic': 'diversion' })).toEqual([]);
  });

  it('refuses a flagged value until it is confirmed with a reason, then keeps the reason with the report', async () => {
    const t = await statusFixture();
    const mercy = await t.facility('Mercy General');
    await t.report(mercy, { 'beds.adult_icu.baseline': 10, 'beds.adult_icu.available': 2 });
    const before = snapshotCounts(t.dataDir);
    const values = [{ typeId: t.id('beds.adult_icu.available'), value: 14 }];
    const refused = await t.raw('status.report', { organisationId: mercy, source: 'phone', values });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('Mercy General: 2 values need checking') } });
    const flags = (refused as { error: { details: { flags: { key: string }[] } } }).error.details.flags;
    expect(flags).toHaveLength(2);
    // One reason is not enough when two flags are raised.
    const half = await t.raw('status.report', { organisationId: mercy, source: 'phone', values, confirmations: [{ key: flags[0]!.key, reason: 'Surge unit opened' }] });
    expect(half).toMatchObject({ ok: false, error: { message: expect.stringContaining('a value needs checking') } });
    expect(snapshotCounts(t.dataDir)).toEqual(before);

    const ok = await t.call('status.report', {
      organisationId: mercy,
      source: 'phone',
      values,
      confirmations: flags.map((f) => ({ key: f.key, reason: 'Surge unit opened on 4 West, confirmed with the house supervisor' })),
    });
    expect(ok.flags.map((f) => f.rule)).toEqual(['above_baseline', 'jump']);
    const { reports } = await t.call('status.history', { organisationId: mercy, limit: 1 });
    expect(reports[0]!.flags).toEqual([
      { message: 'Adult ICU beds available (14) is more than the baseline (10)', reason: 'Surge unit opened on 4 West, confirmed with the house supervisor' },
      { message: expect.stringContaining('went from 2 to 14'), reason: 'Surge unit opened on 4 West, confirmed with the house supervisor' },
    ]);
  });
});
