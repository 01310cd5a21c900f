import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOUR, incidentFixture } from '../incident/fixtures';
import { asAttacker } from '../integrity/demo-store';
import { makeOrg, requestInput, step, withIncident } from '../request/fixtures';
import { pdfPagesText } from './pdf-text';

/** Each page's text with runs of white space made one space, as a reader reads it. */
const pagesOf = async (base64: string) => (await pdfPagesText(Buffer.from(base64, 'base64'))).map((p) => p.replace(/\s+/g, ' '));

const words = (n: number, seed: string) => Array.from({ length: n }, (_, i) => `${seed}${i}`).join(' ');

describe('the ICS 214 on the shared layout engine', () => {
  it('names the holder in block 3, the position in 4, the agency in 5; the holder prepares it; continuation pages repeat blocks 1-2; page n of N', async () => {
    const { t, incident, period, positions, signInAs } = await incidentFixture();
    const sitl = positions.get('SITL')!;
    await t.call('incident.staff', { periodId: period.id, positionId: sitl.id, holderName: 'Sam Situation', homeAgency: 'Region 1 HMCC' });
    for (let i = 0; i < 70; i++) {
      await t.call('log.append', { incidentId: incident.id, positionId: sitl.id, category: 'Situation', text: `Bed poll round ${i}: ${words(12, 'w')}` });
    }
    // Printed by someone else: the footer says who printed it, block 8 stays the log's owner.
    await signInAs('PSC', 'Pat Planner');
    const pages = await pagesOf((await t.call('export.activityLog', { incidentId: incident.id, positionId: sitl.id, periodId: period.id })).base64);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages[0]).toMatch(/3\. Name .*Sam Situation/);
    expect(pages[0]).toMatch(/4\. ICS Position .*Situation Unit Leader/);
    expect(pages[0]).toContain('Region 1 HMCC');
    expect(pages[0]).not.toContain('not staffed');
    pages.forEach((p, i) => {
      expect(p, `page ${i + 1}`).toContain('1. Incident Name Mercy General evacuation');
      expect(p, `page ${i + 1}`).toContain('2. Operational Period 1');
      expect(p, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(p, `page ${i + 1}`).toMatch(/printed [\d-]+ [\d:]+ \S+ by Pat Planner/);
    });
    expect(pages.slice(1).every((p) => p.includes('ACTIVITY LOG (ICS 214) (continued)'))).toBe(true);
    const last = pages.at(-1)!;
    expect(last).toMatch(/8\. Prepared by: Name.*Sam Situation.*Situation Unit Leader.*Entries are never/);
    // The note under block 8 is never split from it: it is whole on block 8's page.
    expect(last).toContain('Entries are never edited or deleted');
    expect(last).toContain('when they were recorded.');
    expect(pages.slice(0, -1).some((p) => p.includes('Entries are never edited'))).toBe(false);
  });

  it('names the operator who kept the log when the position is not on the period’s staffing chart', async () => {
    const { t, incident, period, positions, signInAs } = await incidentFixture();
    const sitl = positions.get('SITL')!;
    await signInAs('SITL', 'Lee Logkeeper');
    await t.call('log.append', { incidentId: incident.id, positionId: sitl.id, category: 'Situation', text: 'Bed poll sent' });
    const [page] = await pagesOf((await t.call('export.activityLog', { incidentId: incident.id, positionId: sitl.id, periodId: period.id })).base64);
    expect(page).toMatch(/3\. Name .*Lee Logkeeper/);
    expect(page).not.toContain('not staffed');
    expect(page).toMatch(/6\. Resources Assigned Name ICS Position Home Agency \(and Unit\) Lee Logkeeper Situation Unit Leader/);
  });
});

describe('the ICS 213 RR on the shared layout engine', () => {
  it('continues a long block 13 on the next page instead of cutting it, and says so on page 1', async () => {
    const t = await withIncident();
    const org = await makeOrg(t, 'Hilltop Care Center');
    // One short line each: 300 lines are taller than a page.
    const notes = `${Array.from({ length: 299 }, (_, i) => `n${i}`).join('\n')}\nEND-OF-NOTES`;
    const { request } = await t.call('request.create', requestInput(t.incidentId, org, { notes }));
    const pdf = await t.call('request.formPdf', { id: request.id });
    const pages = await pagesOf(pdf.base64);
    expect(pages[0]).toContain('13. Notes');
    expect(pages[0]).toContain('continued on the next page');
    expect(pages[1]).toContain('13. Notes (continued)');
    expect(pages.join(' ')).toContain('n298 END-OF-NOTES');
    expect(pages[0]).toContain(`Page 1 of ${pdf.pages}`);
  });

  it('prints a denial’s reason on page 1, in block 9, and who printed it in every footer', async () => {
    const t = await withIncident();
    const org = await makeOrg(t, 'Hilltop Care Center');
    const { request } = await t.call('request.create', requestInput(t.incidentId, org));
    await step(t, 'HCCDO', { action: 'submit', id: request.id });
    await step(t, 'OSC', { action: 'deny', id: request.id, reason: 'State cache covers this; request through the state portal' });
    const pages = await pagesOf((await t.call('request.formPdf', { id: request.id })).base64);
    expect(pages[0]).toMatch(/9\. Section Chief Name for Approval .*DENIED by/);
    expect(pages[0]).toContain('Denied: State cache covers this; request through the state portal');
    for (const p of pages) expect(p).toMatch(/Printed [\d-]+ [\d:]+ \S+ \([\d-]+ [\d:]+Z\) by OSC operator/);
  });

  it('says on every page that the request failed the integrity check when one of its steps was changed outside the console', async () => {
    const t = await withIncident();
    const org = await makeOrg(t, 'Hilltop Care Center');
    const { request } = await t.call('request.create', requestInput(t.incidentId, org));
    await step(t, 'HCCDO', { action: 'submit', id: request.id });
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'));
    asAttacker(db, ['request_events'], () => db.prepare("UPDATE request_events SET note = 'forged' WHERE request_id = ? AND action = 'submit'").run(request.id));
    db.close();
    expect((await t.call('integrity.verify', {})).ok).toBe(false);
    const pages = await pagesOf((await t.call('request.formPdf', { id: request.id })).base64);
    for (const p of pages) expect(p).toContain('FAILED INTEGRITY CHECK');
  });
});

describe('the decision log on the shared layout engine', () => {
  it('prints in full the record a decision responds to, and block 2 is never blank', async () => {
    const { t, incident, positions } = await incidentFixture();
    const long = `Generator fuel at Mercy is down to six hours and the supplier cannot deliver before tomorrow noon because the bridge on Route 9 is closed ${words(10, 'x')} LAST-WORD`;
    const entry = await t.call('log.append', { incidentId: incident.id, positionId: positions.get('SITL')!.id, category: 'Situation', text: long });
    await t.call('decision.record', { incidentId: incident.id, title: 'Move ICU patients', decision: 'Move them', rationale: 'Fuel', authority: 'CONOPS 4.2', links: [{ type: 'entry', id: entry.id }], decidedAt: Date.now() - HOUR });
    const text = (await pagesOf((await t.call('export.decisionLog', { incidentId: incident.id })).base64)).join(' ');
    expect(text).toContain('LAST-WORD');
    expect(text).not.toContain('…');
    expect(text).toMatch(/2\. Incident Number .*None assigned/);
  });
});
