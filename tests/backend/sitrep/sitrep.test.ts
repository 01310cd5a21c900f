import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfPagesText } from '../export/pdf-text';
import { layout } from '../../../electron/backend/domains/sitrep/content';
import { needsWithin } from '../../../electron/backend/domains/sitrep/draft';
import { sitrepPdf } from '../../../electron/backend/domains/sitrep/pdf';
import type { SitrepVersion } from '../../../shared/contract';
import { HOUR, statusFixture } from '../status/fixtures';

async function incidentWithStatus(exercise = true) {
  const t = await statusFixture();
  const { levels } = await t.call('incident.levels', {});
  const { incident, period } = await t.call('incident.create', {
    name: 'Ice storm',
    exercise,
    activationLevelId: levels[1]!.id,
    firstPeriod: { startsAt: t.clock.now - HOUR, endsAt: t.clock.now + 11 * HOUR },
  });
  await t.call('incident.setObjectives', { periodId: period!.id, objectives: [{ text: 'Confirm generator fuel at every facility every 6 hours' }] });
  const mercy = await t.facility('Mercy General');
  const ltc = await t.facility('Hilltop Care', { discipline: 'long_term_care' });
  await t.report(mercy, { 'beds.adult_icu.baseline': 20, 'beds.adult_icu.available': 4, 'ed.ems_traffic': 'diversion' });
  await t.report(ltc, { 'power.source': 'generator', 'power.fuel_hours': 30 });
  return { t, incident, period: period!, mercy };
}

describe('situation reports', () => {
  it('drafts from the record, is edited, approved as version 1 that never changes, and a later approval supersedes it', async () => {
    const { t, incident, period } = await incidentWithStatus();
    const { sitrep } = await t.call('sitrep.draft', { incidentId: incident.id, periodId: period.id });
    expect(sitrep.record.facilities.map((f) => [f.name, f.headline])).toEqual([
      ['Hilltop Care', 'On generator'],
      ['Mercy General', 'On diversion'],
    ]);
    expect(sitrep.record.facilities[0]!.detail).toContain('fuel 30 hours');
    expect(sitrep.record.beds).toEqual([{ label: 'Adult ICU', available: 4, baseline: 20, reporting: 1 }]);
    expect(sitrep.summary).toContain('on diversion: 1 (Mercy General)');
    expect(sitrep.objectivesNext).toBe('1. Confirm generator fuel at every facility every 6 hours');
    expect(sitrep.prognosis).toBeNull();

    expect(await t.raw('sitrep.approve', { id: sitrep.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('Choose the prognosis') } });
    await t.call('sitrep.save', { id: sitrep.id, summary: 'Ice storm: one hospital on diversion, one nursing home on generator.', prognosis: 'worsening', needs12h: 'Diesel for Hilltop Care' });
    const { version: v1 } = await t.call('sitrep.approve', { id: sitrep.id });
    expect(v1).toMatchObject({ version: 1, approvedBy: 'Dana Duty', supersededById: null, fields: { prognosis: 'worsening', needs12h: 'Diesel for Hilltop Care' } });
    expect(await t.raw('sitrep.approve', { id: sitrep.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('Version 1 already says exactly this') } });

    t.advance(HOUR);
    await t.call('sitrep.save', { id: sitrep.id, prognosis: 'no_change' });
    const { version: v2 } = await t.call('sitrep.approve', { id: sitrep.id });
    expect(v2).toMatchObject({ version: 2, fields: { prognosis: 'no_change' } });
    const { version: old } = await t.call('sitrep.version', { id: v1.id });
    expect(old).toMatchObject({ version: 1, supersededById: v2.id, fields: { prognosis: 'worsening' } });

    await t.backend.close();
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'));
    try {
      expect(() => db.prepare("UPDATE sitrep_versions SET content = '{}'").run()).toThrow(/append-only: a row cannot be altered/);
      expect(() => db.prepare('DELETE FROM sitrep_versions').run()).toThrow(/cannot be deleted/);
      expect(() => db.prepare("UPDATE status_reports SET vals = '[]'").run()).toThrow(/cannot be altered/);
    } finally {
      db.close();
    }
  });

  it('a refresh redrafts the text planning has not edited and keeps the text it edited, which waits for planning before approval when its figures changed', async () => {
    const { t, incident, period, mercy } = await incidentWithStatus();
    const { sitrep: first } = await t.call('sitrep.draft', { incidentId: incident.id, periodId: period.id });
    expect(first.textChecks).toEqual([]);
    const luke = await t.facility('St Luke Hospital');

    // Not edited: the summary is drafted again from the new figures, the objectives too.
    t.advance(HOUR);
    await t.report(luke, { 'ed.ems_traffic': 'diversion' });
    await t.call('incident.setObjectives', { periodId: period.id, objectives: [{ text: 'Restore power to dialysis first' }] });
    const { sitrep: redrafted } = await t.call('sitrep.draft', { incidentId: incident.id, periodId: period.id });
    expect(redrafted.summary).toContain('on diversion: 2 (Mercy General, St Luke Hospital)');
    expect(redrafted.summary).not.toContain('on diversion: 1');
    expect(redrafted.objectivesNext).toBe('1. Restore power to dialysis first');
    expect(redrafted.textChecks).toEqual([]);

    // Edited: kept on refresh, and named with the figures that changed since it was written.
    const edited = 'Two hospitals on diversion; Adult ICU 4 of 20.';
    await t.call('sitrep.save', { id: first.id, summary: edited, prognosis: 'worsening' });
    const writtenAt = redrafted.record.asOf;
    t.advance(HOUR);
    await t.report(mercy, { 'beds.adult_icu.available': 2 });
    await t.report(luke, { 'ed.ems_traffic': 'normal' });
    await t.call('incident.setObjectives', { periodId: period.id, objectives: [{ text: 'Restore power to dialysis first' }, { text: 'Move ICU patients' }] });
    const { sitrep: kept } = await t.call('sitrep.draft', { incidentId: incident.id, periodId: period.id });
    expect(kept.summary).toBe(edited);
    expect(kept.objectivesNext).toBe('1. Restore power to dialysis first\n2. Move ICU patients');
    expect(kept.textChecks).toEqual([
      {
        field: 'summary',
        writtenAgainst: writtenAt,
        changes: ['On diversion 2 → 1', 'Adult ICU available 4 of 20 → 2 of 20'],
        redraft: expect.stringContaining('on diversion: 1 (Mercy General)') as string,
      },
    ]);
    expect(await t.raw('sitrep.approve', { id: first.id })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Situation summary was written against the figures of .*, which have changed \(On diversion 2 → 1; Adult ICU available 4 of 20 → 2 of 20\)/) },
    });

    // Kept as written on sight of the figures: approved as planning wrote it.
    const { sitrep: seen } = await t.call('sitrep.save', { id: first.id, keep: ['summary'] });
    expect(seen.textChecks).toEqual([]);
    const { version } = await t.call('sitrep.approve', { id: first.id });
    expect(version.fields.summary).toBe(edited);

    // Planning takes the redraft: it is the console's text again, redrafted on the next refresh.
    t.advance(HOUR);
    await t.report(mercy, { 'beds.adult_icu.available': 1 });
    const { sitrep: again } = await t.call('sitrep.draft', { incidentId: incident.id, periodId: period.id });
    expect(again.summary).toBe(edited);
    await t.call('sitrep.save', { id: first.id, summary: again.textChecks[0]!.redraft });
    t.advance(HOUR);
    await t.report(mercy, { 'beds.adult_icu.available': 3 });
    const { sitrep: last } = await t.call('sitrep.draft', { incidentId: incident.id, periodId: period.id });
    expect(last.summary).toContain('Adult ICU 3 of 20');
    expect(last.textChecks).toEqual([]);
  });

  it('words every count in agreement with its noun', async () => {
    const { t, incident, period } = await incidentWithStatus();
    const { sitrep } = await t.call('sitrep.draft', { incidentId: incident.id, periodId: period.id });
    expect(sitrep.summary).toContain('2 of 2 member facilities have reported status.');
    const one = await statusFixture();
    const { levels } = await one.call('incident.levels', {});
    const created = await one.call('incident.create', { name: 'Flood', exercise: false, activationLevelId: levels[1]!.id, firstPeriod: { startsAt: one.clock.now - HOUR, endsAt: one.clock.now + 11 * HOUR } });
    await one.report(await one.facility('Mercy General'), { 'ed.ems_traffic': 'diversion' });
    const { sitrep: single } = await one.call('sitrep.draft', { incidentId: created.incident.id, periodId: created.period!.id });
    expect(single.summary).toContain('1 of 1 member facility has reported status.');
  });

  it('prints an approved version as PDF and DOCX, marked EXERCISE on every page, and audits each file', async () => {
    const { t, incident, period } = await incidentWithStatus(true);
    const { sitrep } = await t.call('sitrep.draft', { incidentId: incident.id, periodId: period.id });
    await t.call('sitrep.save', { id: sitrep.id, summary: 'Situation: Łódź-style names print as typed.', prognosis: 'improving' });
    const { version } = await t.call('sitrep.approve', { id: sitrep.id });
    const pdf = await t.call('sitrep.export', { versionId: version.id, format: 'pdf' });
    expect(pdf.fileName).toMatch(/^EXERCISE_SITREP_Ice-storm_P1-v1_/);
    const pages = await pdfPagesText(Buffer.from(pdf.base64, 'base64'));
    for (const p of pages) expect(p).toContain('EXERCISE EXERCISE EXERCISE');
    const all = pages.join('\n');
    for (const s of ['SITUATION REPORT', 'Situation: Łódź-style names print as typed.', 'Facility status', 'Mercy General', 'On diversion', 'Improving', 'Critical resource needs', 'Objectives for the next operational period']) {
      expect(all).toContain(s);
    }
    const docx = await t.call('sitrep.export', { versionId: version.id, format: 'docx' });
    const mammoth = await import('mammoth');
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx.base64, 'base64') });
    expect(value).toContain('EXERCISE EXERCISE EXERCISE');
    expect(value).toContain('Mercy General');
    expect(value).toContain('Situation: Łódź-style names print as typed.');
    const { entries } = await t.call('audit.recent', { limit: 5 });
    expect(entries.filter((e) => e.action === 'export.generated')).toHaveLength(2);
  });
});

describe('critical resource needs in a drafted report', () => {
  const asOf = Date.UTC(2026, 11, 6, 12);
  const row = (number: string, status: string, priority: string, requestedArrival: number | null) => ({ number, organisation: 'Mercy General', summary: '2 Generator (mobile)', priority, status, requestedArrival });
  const record = {
    asOf,
    openRequests: [
      row('RR-1', 'En route', 'Urgent', null),
      row('RR-2', 'Received', 'Urgent', null),
      row('RR-3', 'Released (demobilized)', 'Urgent', asOf + HOUR),
      row('RR-4', 'Returned for changes', 'Routine', asOf + 2 * HOUR),
      row('RR-5', 'Assigned', 'Routine', asOf + 20 * HOUR),
      row('RR-6', 'Ordered', 'Routine', null),
      row('RR-7', 'Returned', 'Low', asOf + 30 * HOUR),
    ],
  };

  it('lists only what is still awaited (submitted to en route), in the window it is due', () => {
    expect(needsWithin(record, 12, 0).split('\n').map((l) => l.split(' ')[0])).toEqual(['RR-1', 'RR-4']);
    // No requested arrival: routine is due in 24 hours.
    expect(needsWithin(record, 24, 12).split('\n').map((l) => l.split(' ')[0])).toEqual(['RR-6']);
    // Received, assigned, released and returned ones are no longer needs, whenever they were due.
    expect(needsWithin(record, 48, 24)).toBe('');
    expect(needsWithin(record, 72, 48)).toBe('');
  });
});

describe('the printed situation report', () => {
  const tz = 'America/New_York';
  const asOf = Date.UTC(2026, 11, 6, 22, 37); // 17:37 EST
  const words = (i: number) => `EV${i}-start ${'the storm and its power outage went on through the night '.repeat(3 + (i % 4))}EV${i}-end`;
  const version: SitrepVersion = {
    id: 'v',
    sitrepId: 's',
    version: 2,
    approvedAt: asOf,
    approvedBy: 'Dana Duty',
    positionTitle: 'Coalition Duty Officer',
    supersededById: null,
    incidentId: 'i',
    incidentName: 'DEMO: Pioneer Valley ice storm and power outage',
    exercise: true,
    periodNumber: 1,
    periodStartsAt: asOf - 20 * HOUR,
    periodEndsAt: asOf + 4 * HOUR,
    fields: { summary: 'Summary.', needs12h: '', needs24h: '', needs48h: '', needs72h: '', objectivesNext: '', prognosis: 'no_change' },
    record: {
      asOf,
      since: asOf - 20 * HOUR,
      facilities: [
        { name: 'Blue Heron Senior Living', disciplineLabel: 'Long-term care', headline: 'Evacuating', severity: 'critical', staleness: 'CURRENT', lastReportAt: asOf - (5 * 60 + 26) * 60_000, detail: 'Evacuating' },
        { name: 'Bluebird Nursing', disciplineLabel: 'Long-term care', headline: 'Normal', severity: 'normal', staleness: 'OVERDUE', lastReportAt: Date.UTC(2026, 11, 6, 2, 28), detail: '' },
      ],
      beds: [],
      totals: [
        { label: 'To evacuate: bariatric', unit: 'patients', total: 1, reporting: 1 },
        { label: 'To evacuate: ambulatory', unit: 'patients', total: 34, reporting: 1 },
      ],
      openRequests: Array.from({ length: 14 }, (_, i) => ({
        number: `WS1-RR-${String(i + 1).padStart(4, '0')}`,
        organisation: 'Wildflower Nursing and Rehabilitation',
        summary: `12 Evacuation sled + ${i} more lines of what was asked for`,
        priority: 'Urgent',
        status: 'Released (demobilized)',
        requestedArrival: null,
      })),
      events: Array.from({ length: 40 }, (_, i) => ({ at: asOf - (40 - i) * 20 * 60_000, text: words(i), by: 'Situation Unit Leader' })),
      decisions: [],
      statusRequests: [],
      stale: 1,
      overdue: 1,
    },
  };

  it('never breaks a request number or splits a row across pages, agrees counts with nouns, and prints clock times', async () => {
    const { pagesText } = await sitrepPdf(layout(version, tz, true), { footer: 'f', docTitle: 't', author: 'a', createdAt: new Date(asOf), exercise: true });
    expect(pagesText.length).toBeGreaterThan(2);
    const strings = pagesText.flat();
    // Each number is drawn whole, on one line of its cell.
    expect(strings.filter((x) => x.startsWith('WS1-RR-'))).toEqual(version.record.openRequests.map((r) => r.number));
    // Every event starts and ends on the same page.
    const pageOf = (token: string) => pagesText.findIndex((p) => p.some((x) => x.split(' ').includes(token)));
    for (let i = 0; i < 40; i++) expect([i, pageOf(`EV${i}-end`)]).toEqual([i, pageOf(`EV${i}-start`)]);
    expect(strings).toContain('1 patient');
    expect(strings).toContain('34 patients');
    expect(strings.some((x) => x.includes('1 facility with stale values'))).toBe(true);
    // Last report: the clock time on the report's day, with the date on another.
    expect(strings).toContain('12:11 EST');
    expect(strings).toContain('2026-12-05 21:28');
    expect(strings.join(' ')).not.toMatch(/min before/);
  });
});
