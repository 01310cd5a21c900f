import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../../shared/contract';
import { DEMO_MARK } from '../../../electron/backend/domains/export/pdf/form';
import { openBackend } from '../helpers/backend';
import { incidentFixture } from '../incident/fixtures';
import { pdfInfo, pdfPagesText } from './pdf-text';

const BANNER = 'EXERCISE EXERCISE EXERCISE';

/** An incident with enough records for multi-page forms, and every export of it. */
async function exportsOf(exercise: boolean) {
  const f = await incidentFixture({ exercise, name: exercise ? 'Coalition Surge Test' : 'Mercy General evacuation' });
  const { t, incident, period, positions } = f;
  await t.call('log.import', {
    incidentId: incident.id,
    source: 'paper',
    entries: Array.from({ length: 120 }, (_, k) => ({ occurredAt: period.startsAt + k * 60_000, category: 'Situation', text: `Bed count update ${k}: St. Luke reports ${k % 9} ICU beds` })),
  });
  const m = await t.call('message.record', { incidentId: incident.id, direction: 'in', via: 'radio', toName: 'Dana Duty', toPosition: 'Duty Officer', fromName: 'Sam Ortiz', fromPosition: 'Mercy IC', subject: 'Ventilators', body: 'Need 12 ventilators' });
  await t.call('decision.record', { incidentId: incident.id, title: 'Open alternate care site', decision: 'Open the armory', rationale: 'Surge', authority: 'Crisis standards of care plan' });
  const results: ExportResult[] = [
    await t.call('export.activityLog', { incidentId: incident.id, positionId: positions.get('HCCDO')!.id, periodId: period.id }),
    await t.call('export.decisionLog', { incidentId: incident.id }),
    await t.call('export.generalMessage', { messageId: m.id }),
    await t.call('export.timelineCsv', { incidentId: incident.id }),
  ];
  return { ...f, results };
}

const bytesOf = (r: ExportResult) => Buffer.from(r.base64, 'base64');

describe('exports of an exercise', () => {
  it('never appear unmarked: every PDF page, every CSV row (header on line 1), the file names and the manifests', async () => {
    const { results } = await exportsOf(true);
    for (const r of results) {
      expect(r.fileName.startsWith('EXERCISE_'), r.fileName).toBe(true);
      expect(r.manifest.exercise).toBe(true);
      if (r.mimeType === 'application/pdf') {
        const pages = await pdfPagesText(bytesOf(r));
        expect(pages.length).toBe((await pdfInfo(bytesOf(r))).pages);
        pages.forEach((text, i) => expect(text.split(BANNER).length - 1, `${r.fileName} page ${i + 1}`).toBeGreaterThanOrEqual(2));
        expect((await pdfInfo(bytesOf(r))).title).toContain(BANNER);
      } else {
        const text = bytesOf(r).toString('utf8').replace(/^\uFEFF/, '');
        expect(text.split('\r\n')[0]).toMatch(/^Incident,Exercise,Type,/);
        const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
        expect(parsed.data.length).toBeGreaterThan(100);
        expect(parsed.data.every((row) => row.Exercise === 'EXERCISE')).toBe(true);
      }
    }
    const activityLog = await pdfPagesText(bytesOf(results[0]!));
    expect(activityLog.length).toBeGreaterThan(1);
  });
});

describe('exports of a real incident', () => {
  it('carry no exercise mark, and a manifest whose SHA-256 matches the bytes, recorded in the audit trail', async () => {
    const { t, results } = await exportsOf(false);
    for (const r of results) {
      expect(r.fileName.startsWith('EXERCISE')).toBe(false);
      const bytes = bytesOf(r);
      expect(r.manifest).toMatchObject({
        fileName: r.fileName,
        bytes: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        exercise: false,
        generatedBy: { operatorName: 'Dana Duty', positionTitle: 'Coalition Duty Officer' },
        incidentName: 'Mercy General evacuation',
      });
      expect(JSON.parse(r.manifestText)).toEqual(r.manifest);
      expect(r.manifestFileName).toBe(`${r.fileName}.manifest.json`);
      if (r.mimeType === 'application/pdf') {
        for (const page of await pdfPagesText(bytes)) expect(page).not.toContain('EXERCISE');
      } else {
        expect(bytes.toString('utf8').replace(/^\uFEFF/, '').startsWith('Incident,Exercise,Type')).toBe(true);
      }
    }
    const { entries } = await t.call('audit.recent', { limit: 10 });
    const audited = entries.filter((e) => e.action === 'export.generated').map((e) => e.detail.sha256);
    expect(audited.sort()).toEqual(results.map((r) => r.manifest.sha256).sort());
  });
});

describe('exports of the demonstration coalition', () => {
  it('say DEMO DATA at the top and in the footer of every PDF page, and in a column of every CSV row', async () => {
    const t = await openBackend();
    const { incidentId } = await t.call('demo.load', { workstationName: 'EOC-1' });
    const { positions } = await t.call('position.list', {});
    const hccdo = positions.find((p) => p.code === 'HCCDO')!;
    await t.call('session.signIn', { operatorName: 'Dana Duty', positionId: hccdo.id });
    const { periods } = await t.call('incident.periods', { incidentId: incidentId! });
    const { messages } = await t.call('message.list', { incidentId: incidentId! });
    const results: ExportResult[] = [
      await t.call('export.activityLog', { incidentId: incidentId!, positionId: hccdo.id, periodId: periods[0]!.id }),
      await t.call('export.decisionLog', { incidentId: incidentId! }),
      await t.call('export.generalMessage', { messageId: messages[0]!.id }),
      await t.call('export.timelineCsv', { incidentId: incidentId! }),
    ];
    for (const r of results) {
      if (r.mimeType === 'application/pdf') {
        const pages = await pdfPagesText(bytesOf(r));
        pages.forEach((text, i) => {
          expect(text, `${r.fileName} page ${i + 1}`).toContain(DEMO_MARK);
          expect(text, `${r.fileName} page ${i + 1}`).toMatch(/Page \d+ of \d+ +\| +DEMO DATA - EXERCISE - /);
        });
      } else {
        const parsed = Papa.parse<Record<string, string>>(bytesOf(r).toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
        expect(parsed.data.length).toBeGreaterThan(10);
        expect(parsed.data.every((row) => row['Demo data'] === 'DEMO DATA')).toBe(true);
      }
    }
    // The ICS 214 of the demo runs to more than one page: the mark is on the continuation pages too.
    expect((await pdfPagesText(bytesOf(results[0]!))).length).toBeGreaterThan(1);
  });
});
