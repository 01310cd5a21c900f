import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotCounts } from '../helpers/snapshot';
import { HOUR, MIN, statusFixture, T0 } from './fixtures';

describe('facility status reports', () => {
  it('the current status is the latest value per status type, by the time it was true: a late transcription never hides a newer report', async () => {
    const t = await statusFixture();
    const mercy = await t.facility('Mercy General');
    await t.report(mercy, { 'beds.adult_icu.baseline': 20, 'beds.adult_icu.available': 8, 'ops.status': 'normal' });
    t.advance(30 * MIN);
    await t.report(mercy, { 'beds.adult_icu.available': 6 });
    // Typed in now, but the phone call was 20 minutes ago (before the report above? no: after the first, before the second).
    t.advance(30 * MIN);
    await t.report(mercy, { 'beds.adult_icu.available': 7, 'ed.ems_traffic': 'diversion' }, { occurredAt: T0 + 20 * MIN, source: 'radio' });
    const { values } = await t.call('status.facility', { organisationId: mercy });
    const v = (code: string) => values.find((x) => x.typeId === t.id(code));
    expect(v('beds.adult_icu.available')).toMatchObject({ n: 6, display: '6 beds', occurredAt: T0 + 30 * MIN });
    expect(v('ed.ems_traffic')).toMatchObject({ s: 'diversion', display: 'On diversion', occurredAt: T0 + 20 * MIN });
    expect(v('ops.status')).toMatchObject({ display: 'Normal', occurredAt: T0 });
    const { reports } = await t.call('status.history', { organisationId: mercy, limit: 10 });
    expect(reports.map((r) => r.occurredAt)).toEqual([T0 + 30 * MIN, T0 + 20 * MIN, T0]);
    expect(reports[1]).toMatchObject({ source: 'radio', operatorName: 'Dana Duty', recordedAt: T0 + 60 * MIN });
    // The grid's read: the same current values for the facilities and types asked for.
    const grid = await t.call('status.currentValues', { organisationIds: [mercy], typeIds: [t.id('beds.adult_icu.available'), t.id('power.source')] });
    expect(grid.values).toEqual([expect.objectContaining({ organisationId: mercy, display: '6 beds', staleness: 'CURRENT' })]);
  });

  it('reads a value CURRENT within its interval, STALE past it and OVERDUE past twice it, at the activation level in force', async () => {
    const t = await statusFixture();
    const mercy = await t.facility('Mercy General');
    await t.report(mercy, { 'beds.adult_icu.available': 4 });
    const staleness = async () => (await t.call('status.facility', { organisationId: mercy })).values.find((x) => x.typeId === t.id('beds.adult_icu.available'))!.staleness;
    // No incident open: monitoring, beds every 24 hours.
    expect(t.types.get('beds.adult_icu.available')!.intervalNow).toBe(24 * 60);
    t.advance(24 * HOUR);
    expect(await staleness()).toBe('CURRENT');
    t.advance(1 * MIN);
    expect(await staleness()).toBe('STALE');
    t.advance(24 * HOUR);
    expect(await staleness()).toBe('OVERDUE');

    // A full activation asks for beds every 2 hours: a value 1 h old is current, 3 h old stale, 5 h overdue.
    const { levels } = await t.call('incident.levels', {});
    await t.call('incident.create', { name: 'Ice storm', exercise: false, activationLevelId: levels.find((l) => l.name === 'Full activation')!.id });
    await t.report(mercy, { 'beds.adult_icu.available': 5 });
    t.advance(1 * HOUR);
    expect(await staleness()).toBe('CURRENT');
    t.advance(2 * HOUR);
    expect(await staleness()).toBe('STALE');
    t.advance(2 * HOUR);
    expect(await staleness()).toBe('OVERDUE');
    const { facilities } = await t.call('status.facilities', {});
    expect(facilities[0]).toMatchObject({ name: 'Mercy General', overdue: 1, lastReportAt: T0 + 48 * HOUR + MIN });
  });

  it('gives each facility a headline in words with a severity and the staleness of what it rests on', async () => {
    const t = await statusFixture();
    const a = await t.facility('Baystate North');
    const b = await t.facility('Hilltop Care', { discipline: 'long_term_care' });
    const c = await t.facility('Valley Dialysis', { discipline: 'dialysis' });
    const d = await t.facility('Riverside General');
    await t.report(a, { 'ops.status': 'normal', 'ed.ems_traffic': 'diversion', 'power.source': 'generator' });
    await t.report(b, { 'ops.status': 'evacuating', 'power.source': 'generator' });
    await t.report(c, { 'ops.status': 'normal', 'power.source': 'utility' });
    t.advance(7 * HOUR);
    const { facilities } = await t.call('status.facilities', {});
    const by = new Map(facilities.map((f) => [f.name, f.headline]));
    expect(by.get('Baystate North')).toMatchObject({ words: 'On diversion', severity: 'warning', staleness: 'CURRENT', ageMs: 7 * HOUR });
    expect(by.get('Hilltop Care')).toMatchObject({ words: 'Evacuating', severity: 'critical' });
    expect(by.get('Valley Dialysis')).toMatchObject({ words: 'Normal', severity: 'normal' });
    expect(by.get('Riverside General')).toMatchObject({ words: 'No report', severity: 'unknown', staleness: null, ageMs: null });
    expect(d).toBeTruthy();

    const board = await t.call('status.board', {});
    const names = (words: string) => board.conditions.find((x) => x.words === words)?.facilities.map((f) => f.name);
    expect(names('On diversion')).toEqual(['Baystate North']);
    expect(names('On generator')).toEqual(['Baystate North', 'Hilltop Care']);
    expect(names('Evacuating')).toEqual(['Hilltop Care']);
    expect(board.neverReported).toBe(1);
  });

  it('refuses a value of the wrong kind, a type outside the facility’s EEI set, a time in the future, and writes nothing', async () => {
    const t = await statusFixture();
    const ltc = await t.facility('Hilltop Care', { discipline: 'long_term_care' });
    const before = snapshotCounts(t.dataDir);
    const bad = async (values: { typeId: string; value: number | string | boolean }[], extra = {}) => {
      const r = await t.raw('status.report', { organisationId: ltc, source: 'phone', values, ...extra });
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.error.message;
    };
    expect(await bad([{ typeId: t.id('beds.ltc.available'), value: 'lots' }])).toBe('Long-term care beds available must be a number of beds');
    expect(await bad([{ typeId: t.id('ops.status'), value: 'fine' }])).toBe('Operating status must be one of: Normal, Compromised, Evacuating, Closed');
    expect(await bad([{ typeId: t.id('ed.ems_traffic'), value: 'normal' }])).toContain('not in the EEI set of long-term care');
    expect(await bad([{ typeId: t.id('beds.ltc.available'), value: 3 }], { occurredAt: T0 + 2 * HOUR })).toContain('in the future');
    expect(await bad([])).toContain('Enter at least one value');
    expect(snapshotCounts(t.dataDir)).toEqual(before);
  });

  it('files a report under the active incident while it is open and under none once it is closed; a removed facility is refused', async () => {
    const t = await statusFixture();
    const mercy = await t.facility('Mercy General');
    const incidentOf = (reportId: string) => {
      const db = new Database(path.join(t.dataDir, 'eoc.sqlite'), { readonly: true });
      try {
        return (db.prepare('SELECT incident_id FROM status_reports WHERE id = ?').get(reportId) as { incident_id: string | null }).incident_id;
      } finally {
        db.close();
      }
    };
    expect(incidentOf(await t.report(mercy, { 'beds.adult_icu.available': 5 }))).toBeNull();
    const { levels } = await t.call('incident.levels', {});
    const { incident } = await t.call('incident.create', { name: 'Ice storm', exercise: false, activationLevelId: levels[1]!.id });
    t.advance(MIN);
    expect(incidentOf(await t.report(mercy, { 'beds.adult_icu.available': 6 }))).toBe(incident.id);
    await t.call('incident.close', { id: incident.id });
    t.advance(MIN);
    // Still this workstation's active incident, but closed: the next report belongs to none.
    expect(incidentOf(await t.report(mercy, { 'beds.adult_icu.available': 7 }))).toBeNull();

    await t.call('directory.removeOrganisation', { id: mercy });
    const before = snapshotCounts(t.dataDir);
    const r = await t.raw('status.report', { organisationId: mercy, source: 'phone', values: [{ typeId: t.id('beds.adult_icu.available'), value: 8 }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(snapshotCounts(t.dataDir)).toEqual(before);
  });
});

describe('the derived status of a batch', () => {
  it('two reports of one facility in one batch: the second is checked against the first, and the region total counts the second once', async () => {
    const t = await statusFixture();
    const mercy = await t.facility('Mercy General');
    const st = await t.facility('St. Luke');
    await t.report(mercy, { 'beds.adult_icu.baseline': 40, 'beds.adult_icu.available': 10 });
    await t.report(st, { 'beds.adult_icu.baseline': 40, 'beds.adult_icu.available': 5 });
    t.advance(MIN);
    const icu = t.id('beds.adult_icu.available');
    const batch = (a: number, b: number, confirmations: { key: string; reason: string }[] = []) =>
      t.raw('status.reportMany', {
        source: 'import',
        reports: [
          { organisationId: mercy, values: [{ typeId: icu, value: a }], confirmations: [] },
          { organisationId: mercy, values: [{ typeId: icu, value: b }], confirmations },
        ],
      });
    // 10 -> 12 is no jump; 12 -> 30 is one only if the second is checked against the first.
    const refused = await batch(12, 30);
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
    const flags = (refused as { error: { details?: { flags?: { key: string }[] } } }).error.details?.flags ?? [];
    expect(flags.length).toBe(1);
    expect(await batch(12, 13)).toMatchObject({ ok: true });
    const board = await t.call('status.board', {});
    const total = board.beds.find((b) => b.typeId === icu);
    // Mercy's latest (13) and St. Luke's 5, each counted once.
    expect(total).toMatchObject({ available: 18, reporting: 2 });
    const grid = await t.call('status.currentValues', { organisationIds: [mercy], typeIds: [icu] });
    expect(grid.values[0]).toMatchObject({ n: 13 });
  });
});
