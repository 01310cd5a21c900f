import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { coalition, signIn, syncAll, type Station } from '../sync/harness';
import { markingOf } from '../../../electron/backend/domains/aar/export/document-data';
import { pdfPagesText } from '../export/pdf-text';
import { docxParts, paragraphs, tables } from './docx-text';
import { aarFixture, HOUR } from './fixtures';

const LOCKED =
  'The after-action report is final: its text, objectives, ratings and observations no longer change. To change them, set its status back to Draft on the Report tab; that is recorded with your name and the time';

/** A drafted report with one objective rated against one capability, one area for improvement and one proposal from the draft. */
async function issued() {
  const f = await aarFixture();
  // An urgent request left unfilled for hours: the draft proposes an area for improvement from it.
  await f.request({ priority: 'urgent', submitAt: 0 });
  f.at(8 * HOUR);
  await f.asPlanner('Pat Planner');
  const { reportId } = await f.t.call('aar.draft', { incidentId: f.incidentId });
  const view = async () => (await f.t.call('aar.get', { incidentId: f.incidentId })).view!;
  const { frameworks } = await f.t.call('aar.frameworks', {});
  const frameworkId = (await view()).report.frameworkId;
  const capabilityId = frameworks.find((x) => x.id === frameworkId)!.capabilities[0]!.id;
  const { id: objectiveId } = await f.t.call('aar.saveObjective', { reportId, text: 'Fill urgent requests within 4 hours' });
  await f.t.call('aar.setObjectiveCapabilities', { objectiveId, capabilityIds: [capabilityId] });
  const { id: afi } = await f.t.call('aar.saveObservation', { reportId, kind: 'afi', title: 'Urgent requests waited', objectiveId, capabilityId });
  const { revisionId } = await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Requests were slow.', baseIds: [] });
  const candidate = (await view()).observations.find((o) => o.status === 'candidate')!;
  f.at(9 * HOUR);
  await f.asPlanner('Sam Chief');
  await f.t.call('aar.update', { reportId, status: 'final' });
  return { f, reportId, view, capabilityId, objectiveId, afi, revisionId, candidate };
}

describe('a final after-action report', () => {
  it('says who made it final and when', async () => {
    const { f, view } = await issued();
    expect((await view()).report.finalSince).toEqual({ at: f.t0 + 9 * HOUR, by: 'Sam Chief (Planning Section Chief)', changed: false, figuresKept: true });
  });

  it('counts no change after it when its settings were saved in the same step as Final', async () => {
    const f = await aarFixture();
    await f.asPlanner('Pat Planner');
    const { reportId } = await f.t.call('aar.draft', { incidentId: f.incidentId });
    expect(await f.t.call('aar.update', { reportId, status: 'final', marking: 'For Official Use Only', title: 'AAR/IP: spring ice storm' })).toMatchObject({
      status: 'final',
      finalSince: { changed: false },
    });
  });

  it('refuses every change to its text, objectives, ratings, observations and settings in words, and changes nothing', async () => {
    const { f, reportId, view, capabilityId, objectiveId, afi, revisionId, candidate } = await issued();
    expect(candidate).toBeDefined();
    const before = await view();
    const refused = [
      await f.t.raw('aar.saveSection', { reportId, section: 'conclusion', text: 'Requests were fast.', baseIds: [revisionId] }),
      await f.t.raw('aar.saveObjective', { reportId, text: 'A new objective' }),
      await f.t.raw('aar.saveObjective', { reportId, id: objectiveId, text: 'Fill urgent requests within 2 hours' }),
      await f.t.raw('aar.removeObjective', { id: objectiveId }),
      await f.t.raw('aar.setObjectiveCapabilities', { objectiveId, capabilityIds: [] }),
      await f.t.raw('aar.rate', { objectiveId, capabilityId, rating: 'U' }),
      await f.t.raw('aar.saveObservation', { reportId, kind: 'strength', title: 'A strength found later' }),
      await f.t.raw('aar.saveObservation', { reportId, id: afi, kind: 'afi', title: 'Renamed' }),
      await f.t.raw('aar.reviewCandidate', { id: candidate.id, decision: 'dismiss' }),
      await f.t.raw('aar.update', { reportId, marking: 'For Official Use Only' }),
      await f.t.raw('aar.update', { reportId, title: 'Another title' }),
    ];
    for (const r of refused) expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: LOCKED } });
    // A removal is refused the same way (an observation of its own, nothing tied to it).
    expect(await f.t.raw('aar.removeObservation', { id: afi })).toMatchObject({ ok: false, error: { code: 'conflict', message: LOCKED } });
    expect(await f.t.raw('aar.draft', { incidentId: f.incidentId })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('The after-action report is final: it is not refreshed from the record') },
    });
    expect(await view()).toEqual(before);
  });

  it('takes its own settings sent again unchanged, and stays final and unchanged', async () => {
    const { f, reportId, view } = await issued();
    // Two mission areas, set while it was a draft, then made final again.
    await f.asPlanner('Pat Planner');
    await f.t.call('aar.update', { reportId, status: 'draft', missionAreas: ['Recovery', 'Response'] });
    await f.t.call('aar.update', { reportId, status: 'final' });
    const r = (await view()).report;
    expect(r.missionAreas).toEqual(['Response', 'Recovery']);
    const writes = () => {
      const db = new Database(`${f.t.dataDir}/eoc.sqlite`, { readonly: true });
      const n = db.prepare('SELECT count(*) FROM changes').pluck().get();
      db.close();
      return n;
    };
    const before = writes();
    const same = await f.t.call('aar.update', { reportId, status: 'final', title: r.title, frameworkId: r.frameworkId, marking: r.marking, missionAreas: ['Recovery', 'Response'] });
    expect(same).toMatchObject({ status: 'final', title: r.title, finalSince: { at: r.finalSince!.at, changed: false } });
    expect(writes()).toBe(before);
    expect(await f.t.raw('aar.update', { reportId, title: r.title, marking: 'For Official Use Only' })).toMatchObject({ ok: false, error: { code: 'conflict', message: LOCKED } });
  });

  it('keeps its improvement plan tracked: corrective actions are added and move on', async () => {
    const { f, afi, view } = await issued();
    const action = await f.t.call('aar.saveAction', { observationId: afi, element: 'planning', action: 'Write an urgent-request escalation rule', dueOn: '2027-01-15' });
    expect(await f.t.call('aar.setActionStatus', { id: action.id, status: 'in_progress' })).toMatchObject({ status: 'in_progress' });
    expect((await view()).actions.map((a) => a.status)).toEqual(['in_progress']);
  });

  it('records what it said when made final, in a chained audit entry', async () => {
    const { f, reportId } = await issued();
    const db = new Database(`${f.t.dataDir}/eoc.sqlite`, { readonly: true });
    const entries = db.prepare("SELECT detail, operator_name FROM audit_entries WHERE action = 'aar.finalised'").all() as { detail: string; operator_name: string }[];
    db.close();
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]!.detail)).toEqual({
      reportId,
      title: expect.stringContaining('Spring ice storm'),
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      record: {
        until: f.t0 + 9 * HOUR,
        tables: expect.arrayContaining([expect.objectContaining({ key: 'requests-not-filled' })]),
        sources: expect.arrayContaining(['requests']),
        participants: [expect.objectContaining({ role: 'Requesting member organisation' })],
      },
    });
    expect(entries[0]!.operator_name).toBe('Sam Chief');
    // The list of recent activity shows it in a line: without the figures it keeps.
    const { entries: recent } = await f.t.call('audit.recent', { limit: 5 });
    expect(recent.find((e) => e.action === 'aar.finalised')!.detail).toEqual({ reportId, title: expect.any(String), digest: expect.any(String) });
  });

  it('shows and prints the figures from the record as they stood when it was made final, not ones recorded later', async () => {
    const { f, reportId } = await issued();
    const urgent = (r: { tables: { key: string; rows: unknown[] }[] }) => r.tables.find((t) => t.key === 'requests-not-filled')!.rows.length;
    const atFinal = await f.t.call('aar.record', { incidentId: f.incidentId });
    expect(atFinal.frozen).toEqual({ at: f.t0 + 9 * HOUR, until: f.t0 + 9 * HOUR });
    expect(urgent(atFinal)).toBe(1);
    // The incident is still open: a second urgent request comes in after the Final, and a period is staffed.
    await f.request({ priority: 'urgent', submitAt: 10 * HOUR });
    await f.asPlanner('Pat Planner');
    const period = await f.t.call('incident.openPeriod', { incidentId: f.incidentId, startsAt: f.t0 + 10 * HOUR, endsAt: f.t0 + 22 * HOUR, objectives: [] });
    const { positions } = await f.t.call('position.list', {});
    await f.t.call('incident.staff', { periodId: period.id, positionId: positions.find((p) => p.code === 'SITL')!.id, holderName: 'Lee Late', homeAgency: 'Region 1 HMCC' });
    const names = async () => (await f.t.call('aar.get', { incidentId: f.incidentId })).view!.participants.map((p) => p.name);
    expect(await names()).not.toContain('Lee Late');
    f.at(57 * HOUR);
    const later = await f.t.call('aar.record', { incidentId: f.incidentId });
    expect(later).toEqual(atFinal);
    const pdf = (await pdfPagesText(new Uint8Array(Buffer.from((await f.t.call('aar.exportPdf', { incidentId: f.incidentId })).base64, 'base64')))).join(' ').replace(/\s+/g, ' ');
    expect(pdf).toContain('record stood when the report was made final');
    const docx = docxParts(new Uint8Array(Buffer.from((await f.t.call('aar.exportDocx', { incidentId: f.incidentId })).base64, 'base64')));
    const words = paragraphs(docx.get('word/document.xml')!).join(' ');
    expect(words).toContain('record stood when the report was made final');
    // The cover gives the day it was made final, not the day printed (two days later here).
    expect(words).toContain(`Final of ${new Date(f.t0 + 9 * HOUR).toISOString().slice(0, 8)}`);
    const unfilled = tables(docx.get('word/document.xml')!).find((t) => t[0]?.[0] === 'Request' && t[0]?.[1] === 'Priority')!;
    expect(unfilled).toHaveLength(2);
    // Set back to Draft, it reads the record again, and the later request is there.
    await f.asPlanner('Pat Planner');
    await f.t.call('aar.update', { reportId, status: 'draft' });
    const reread = await f.t.call('aar.record', { incidentId: f.incidentId });
    expect(reread.frozen).toBeNull();
    expect(urgent(reread)).toBe(2);
    expect(await names()).toContain('Lee Late');
  });

  it('changes again once set back to Draft, which is recorded with who did it; settings may go with the reopening', async () => {
    const { f, reportId, view, revisionId } = await issued();
    await f.asPlanner('Pat Planner');
    expect(await f.t.call('aar.update', { reportId, status: 'draft', marking: 'For Official Use Only' })).toMatchObject({ status: 'draft', marking: 'For Official Use Only', finalSince: null });
    await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Requests were slow until noon.', baseIds: [revisionId] });
    expect((await view()).sections.find((s) => s.key === 'conclusion')!.heads.map((h) => h.text)).toEqual(['Requests were slow until noon.']);
    const { revisions } = await f.t.call('aar.sectionHistory', { reportId, section: 'conclusion' });
    expect(revisions).toHaveLength(2);
    const db = new Database(`${f.t.dataDir}/eoc.sqlite`, { readonly: true });
    const history = db
      .prepare("SELECT value, operator_name FROM changes WHERE table_name = 'aar_reports' AND row_id = ? AND column_name = 'status' ORDER BY hlc")
      .all(reportId);
    expect(history).toEqual([
      { value: '"draft"', operator_name: 'Pat Planner' },
      { value: '"final"', operator_name: 'Sam Chief' },
      { value: '"draft"', operator_name: 'Pat Planner' },
    ]);
    db.close();
  });
});

describe('a final after-action report and another workstation', () => {
  async function twoStations() {
    const [one, two] = await coalition(2);
    const { levels } = await one!.call('incident.levels', {});
    const { incident } = await one!.call('incident.create', { name: 'Spring ice storm', exercise: false, activationLevelId: levels[0]!.id });
    await signIn(one!, 'PSC', 'Pat Planner');
    const { reportId } = await one!.call('aar.draft', { incidentId: incident.id });
    const { revisionId } = await one!.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Requests were slow.', baseIds: [] });
    syncAll([one!, two!]);
    await signIn(two!, 'PSC', 'Sam Second');
    const report = async (s: Station) => (await s.call('aar.get', { incidentId: incident.id })).view!.report;
    return { one: one!, two: two!, reportId, revisionId, report };
  }

  it('says it has changed when an edit made elsewhere before the Final arrives after it, whatever the clocks say', async () => {
    const { one, two, reportId, revisionId, report } = await twoStations();
    // EOC-2 edits the conclusion; EOC-1, not yet told, makes the report final afterwards.
    await two.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Requests were slow until noon.', baseIds: [revisionId] });
    await new Promise((r) => setTimeout(r, 5));
    await one.call('aar.update', { reportId, status: 'final' });
    expect((await report(one)).finalSince).toMatchObject({ changed: false });

    syncAll([one, two]);
    for (const s of [one, two]) expect((await report(s)).finalSince).toMatchObject({ by: 'Pat Planner (Planning Section Chief)', changed: true });
    // Its pages say so: never taken for the version issued.
    expect(markingOf({ view: (await one.call('aar.get', { incidentId: (await report(one)).incidentId })).view! })).toBe('CHANGED SINCE MADE FINAL');
    // Now that EOC-2 has the Final, it refuses a change there too.
    expect(await two.raw('aar.saveSection', { reportId, section: 'conclusion', text: 'Again.', baseIds: [] })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    // Set back to Draft and made final again as it reads now: it is the version issued.
    await one.call('aar.update', { reportId, status: 'draft' });
    const heads = (await one.call('aar.get', { incidentId: (await report(one)).incidentId })).view!.sections.find((x) => x.key === 'conclusion')!.heads;
    await one.call('aar.saveSection', { reportId, section: 'conclusion', text: heads.map((h) => h.text).join(' '), baseIds: heads.map((h) => h.id) });
    await one.call('aar.update', { reportId, status: 'final' });
    syncAll([one, two]);
    for (const s of [one, two]) expect((await report(s)).finalSince).toMatchObject({ changed: false });
  });

  it('prints the figures of the Final in force, made on a workstation whose clock is slow, not those of the one before', async () => {
    let now = Date.UTC(2026, 11, 6, 15, 0);
    const [one, two] = await coalition(2, { clock: () => now });
    const { levels } = await one!.call('incident.levels', {});
    const { incident } = await one!.call('incident.create', { name: 'Spring ice storm', exercise: false, activationLevelId: levels[0]!.id });
    await signIn(one!, 'PSC', 'Pat Planner');
    const { reportId } = await one!.call('aar.draft', { incidentId: incident.id });
    await one!.call('aar.update', { reportId, status: 'final' });
    syncAll([one!, two!]);
    // EOC-2's clock is 15 minutes slow: its Draft and Final come after EOC-1's, stamped before it.
    now -= 15 * 60_000;
    await signIn(two!, 'PSC', 'Sam Second');
    await two!.call('aar.update', { reportId, status: 'draft' });
    await two!.call('aar.update', { reportId, status: 'final' });
    syncAll([one!, two!]);
    for (const s of [one!, two!]) {
      const { report } = (await s.call('aar.get', { incidentId: incident.id })).view!;
      expect(report.finalSince).toMatchObject({ at: now, by: 'Sam Second (Planning Section Chief)', changed: false });
      expect((await s.call('aar.record', { incidentId: incident.id })).frozen).toEqual({ at: now, until: now });
    }
  });

  it('reads its figures from the record, and says so, when what is kept with its Final is not figures', async () => {
    const { one, reportId, report } = await twoStations();
    await one.call('aar.update', { reportId, status: 'final' });
    const incidentId = (await report(one)).incidentId;
    const kept = await one.call('aar.record', { incidentId });
    expect(kept.frozen).not.toBeNull();
    // An entry of the same Final whose figures are damaged (a fault, or a hostile workstation).
    const db = new Database(`${one.dataDir}/eoc.sqlite`);
    const entry = db.prepare("SELECT * FROM audit_entries WHERE action = 'aar.finalised'").get() as Record<string, unknown>;
    for (const [id, detail] of [['ffffffff-ffff-7fff-bfff-fffffffffff1', JSON.stringify({ reportId, digest: (JSON.parse(entry.detail as string) as { digest: string }).digest, record: { tables: 'not tables' } })], ['ffffffff-ffff-7fff-bfff-fffffffffff2', '{not json']]) {
      db.prepare('INSERT INTO audit_entries (id, workstation_id, operator_name, position_title, recorded_at, occurred_at, action, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        id, entry.workstation_id, entry.operator_name, entry.position_title, entry.recorded_at, entry.occurred_at, 'aar.finalised', detail,
      );
    }
    db.close();
    const read = await one.call('aar.record', { incidentId });
    expect(read.frozen).toBeNull();
    expect(read.tables.map((t) => t.key)).toEqual(kept.tables.map((t) => t.key));
    // The header says so too: the Final stands, unchanged, its figures read from the record.
    expect((await report(one)).finalSince).toMatchObject({ changed: false, figuresKept: false });
    expect((await report(one)).status).toBe('final');
  });

  it('says it has changed when an edit made elsewhere after the Final, before the Final reached there, arrives', async () => {
    const { one, two, reportId, revisionId, report } = await twoStations();
    await one.call('aar.update', { reportId, status: 'final' });
    await new Promise((r) => setTimeout(r, 5));
    await two.call('aar.saveObjective', { reportId, text: 'A late objective' });
    await two.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Requests were slow until noon.', baseIds: [revisionId] });
    syncAll([one, two]);
    for (const s of [one, two]) expect((await report(s)).finalSince).toMatchObject({ changed: true });
  });
});
