import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEMO_MARK } from '../../../electron/backend/domains/export/marks';
import { openBackend } from '../helpers/backend';
import { all, child, inOrder, names, tree, type El } from '../edxl/helpers';
import { pdfPagesText } from './pdf-text';
import { makeOrg, requestInput, step, withIncident } from '../request/fixtures';
import { statusFixture } from '../status/fixtures';

/** EDXL-DE 1.0's sequences, read from the official XSD and written out here. */
const DE = ['distributionID', 'senderID', 'dateTimeSent', 'distributionStatus', 'distributionType', 'combinedConfidentiality', 'language', 'senderRole', 'recipientRole', 'keyword', 'distributionReference', 'explicitAddress', 'targetArea', 'contentObject'];
const CONTENT = ['contentDescription', 'contentKeyword', 'incidentID', 'incidentDescription', 'originatorRole', 'consumerRole', 'confidentiality', 'otherContent', 'xmlContent', 'nonXMLContent'];

/** The demonstration coalition loaded, signed in as the logistics chief. */
async function demoStore() {
  const t = await openBackend();
  const { incidentId } = await t.call('demo.load', { workstationName: 'EOC-1' });
  const { positions } = await t.call('position.list', {});
  await t.call('session.signIn', { operatorName: 'Dana Duty', positionId: positions.find((p) => p.code === 'LSC')!.id });
  return { t, incidentId: incidentId! };
}

/** The envelope says Test (never Actual, nor Exercise), DEMO DATA in a keyword and in each content's description, in schema order. */
function expectDemoEnvelope(de: El) {
  expect(de.name).toBe('EDXLDistribution');
  expect(inOrder(names(de), DE)).toBe(true);
  expect(child(de, 'distributionStatus')!.text).toBe('Test');
  const keyword = child(de, 'keyword')!;
  expect(names(keyword)).toEqual(['valueListUrn', ...all(keyword, 'value').map(() => 'value')]);
  expect(all(keyword, 'value').map((v) => v.text)).toContain('DEMO DATA');
  const objects = all(de, 'contentObject');
  expect(objects.length).toBeGreaterThan(0);
  for (const o of objects) {
    expect(inOrder(names(o), CONTENT)).toBe(true);
    expect(child(o, 'contentDescription')!.text!.startsWith(`${DEMO_MARK}. `)).toBe(true);
  }
}

describe('resource-request and hospital-status exports of the demonstration coalition', () => {
  it('mark every request history CSV row DEMO DATA, and every page of the ICS 213 RR', async () => {
    const { t, incidentId } = await demoStore();
    const out = await t.call('request.historyCsv', { incidentId });
    const parsed = Papa.parse<Record<string, string>>(out.csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields![0]).toBe('request_number');
    expect(parsed.data.length).toBeGreaterThan(10);
    expect(parsed.data.every((row) => row.marking === 'DEMO DATA')).toBe(true);

    // A request written after the demo was loaded is demo data too.
    const { organisations } = await t.call('directory.list', {});
    const { request } = await t.call('request.create', {
      incidentId,
      requestingOrganisationId: organisations[0]!.id,
      requestedByName: 'Lee Park',
      priority: 'urgent',
      deliveryLocation: 'Loading dock',
      lines: [{ quantity: 5, kind: 'Oxygen cylinder' }],
    });
    const own = Papa.parse<Record<string, string>>((await t.call('request.historyCsv', { requestId: request.id })).csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(own.data.map((row) => row.marking)).toEqual(own.data.map(() => 'DEMO DATA'));
    const { messages } = await t.call('edxl.exportRequest', { requestId: request.id });
    expect(messages.map((m) => child(tree(m.xml), 'MessageDescription')!.text!.startsWith(`${DEMO_MARK}. DRAFT`))).toEqual([true]);
    const pdf = await t.call('request.formPdf', { id: request.id });
    for (const page of await pdfPagesText(Buffer.from(pdf.base64, 'base64'))) expect(page).toContain('DEMO DATA');
  });

  it('send every EDXL-RM message and its EDXL-DE envelope as Test, saying DEMO DATA in words', async () => {
    const { t, incidentId } = await demoStore();
    const { rows } = await t.call('request.board', { incidentId });
    let exported = 0;
    for (const r of rows) {
      const { messages, envelope } = await t.call('edxl.exportRequest', { requestId: r.id, envelope: true });
      for (const m of messages) {
        const msg = tree(m.xml);
        expect(child(msg, 'MessageDescription')!.text!.startsWith(`${DEMO_MARK}. `), m.fileName).toBe(true);
        expect(child(child(msg, 'IncidentInformation')!, 'IncidentDescription')!.text).toContain('(DEMO DATA)');
      }
      if (envelope) expectDemoEnvelope(tree(envelope.xml));
      exported += messages.length;
    }
    expect(exported).toBeGreaterThan(5);
    // Imported again into the demo's exercise, a Test envelope is not taken for Actual.
    const { envelope } = await t.call('edxl.exportRequest', { requestId: rows.find((r) => r.number === 'WS1-RR-0001')!.id, envelope: true });
    const { warnings } = await t.call('edxl.importRequestResource', { xml: envelope!.xml, incidentId });
    expect(warnings.filter((w) => w.includes('envelope says'))).toEqual([]);
  });

  it('send the EDXL-HAVE hospital status as Test, saying DEMO DATA in words', async () => {
    const { t } = await demoStore();
    const r = await t.call('status.exportHave', {});
    expect(r.fileName).toMatch(/^DEMO-EXERCISE_EDXL-HAVE_/);
    expectDemoEnvelope(tree(Buffer.from(r.base64, 'base64').toString('utf8')));
  });
});

describe('the same exports of a store without the demonstration coalition', () => {
  for (const exercise of [false, true]) {
    it(`say nothing of demo data${exercise ? ' (an exercise says EXERCISE, as Exercise)' : ' (a real incident goes out as Actual)'}`, async () => {
      const t = await withIncident({ exercise });
      const org = await makeOrg(t, 'Hilltop Care Center', { discipline: 'long_term_care' });
      const { request } = await t.call('request.create', requestInput(t.incidentId, org));
      await step(t, 'HCCDO', { action: 'submit', id: request.id });
      const csv = Papa.parse<Record<string, string>>((await t.call('request.historyCsv', { requestId: request.id })).csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
      expect(csv.meta.fields).toContain('marking');
      expect(csv.data.map((row) => row.marking)).toEqual(csv.data.map(() => ''));
      const { messages, envelope } = await t.call('edxl.exportRequest', { requestId: request.id, envelope: true });
      for (const xml of [...messages.map((m) => m.xml), envelope!.xml]) expect(xml).not.toContain('DEMO');
      const de = tree(envelope!.xml);
      expect(child(de, 'distributionStatus')!.text).toBe(exercise ? 'Exercise' : 'Actual');
      expect(all(de, 'keyword').flatMap((k) => all(k, 'value').map((v) => v.text))).toEqual(exercise ? ['EXERCISE'] : []);
      for (const page of await pdfPagesText(Buffer.from((await t.call('request.formPdf', { id: request.id })).base64, 'base64'))) expect(page).not.toContain('DEMO');
    });
  }

  it('send hospital status as Actual with no marks, and during an exercise as Exercise, saying EXERCISE in words', async () => {
    const t = await statusFixture();
    await t.report(await t.facility('Mercy General'), { 'ops.status': 'normal', 'beds.burn.available': 2 });
    const have = async () => tree(Buffer.from((await t.call('status.exportHave', {})).base64, 'base64').toString('utf8'));
    const real = await have();
    expect(child(real, 'distributionStatus')!.text).toBe('Actual');
    expect(child(real, 'keyword')).toBeUndefined();
    const { levels } = await t.call('incident.levels', {});
    await t.call('incident.create', { name: 'Drill', exercise: true, activationLevelId: levels[0]!.id });
    const drill = await have();
    expect(child(drill, 'distributionStatus')!.text).toBe('Exercise');
    expect(all(child(drill, 'keyword')!, 'value').map((v) => v.text)).toEqual(['EXERCISE']);
    expect(child(child(drill, 'contentObject')!, 'contentDescription')!.text).toMatch(/^EXERCISE\. Hospital availability/);
    for (const de of [real, drill]) expect(JSON.stringify(de)).not.toContain('DEMO');
  });
});

describe('file names of the demonstration coalition', () => {
  it('start with DEMO- for every file the console proposes to save, whatever the domain', async () => {
    const { t, incidentId } = await demoStore();
    const names: string[] = [];
    const { rows } = await t.call('request.board', { incidentId });
    const requestId = rows[0]!.id;
    names.push((await t.call('request.formPdf', { id: requestId })).fileName);
    names.push((await t.call('request.historyCsv', { incidentId })).fileName);
    const edxl = await t.call('edxl.exportRequest', { requestId, envelope: true });
    names.push(...edxl.messages.map((m) => m.fileName), edxl.envelope!.fileName);
    names.push((await t.call('status.exportHave', {})).fileName);
    names.push((await t.call('export.timelineCsv', { incidentId })).fileName);
    names.push((await t.call('directory.exportCsv', {})).fileName);
    names.push((await t.call('map.exportLayer', { layer: 'organisations', format: 'kml' })).fileName);
    names.push((await t.call('sync.bundleExport', {})).fileName);
    expect(names.length).toBeGreaterThan(8);
    for (const n of names) expect(n, n).toMatch(/^DEMO-/);
    // The demo's incident is an exercise: a per-incident file says so too, once.
    expect(names.find((n) => n.includes('Timeline'))).toMatch(/^DEMO-EXERCISE_Timeline_/);
    expect(names.filter((n) => /EXERCISE.*EXERCISE/.test(n))).toEqual([]);
    // Preparedness prints and the after-action report too.
    const { alerts } = await t.call('alert.list', {});
    const { calldowns } = await t.call('calldown.list', { incidentId });
    const prints = [await t.call('activation.print', {}), await t.call('alert.print', { id: alerts[0]!.id }), await t.call('calldown.print', { id: calldowns[0]!.id })];
    for (const p of prints) expect(p.fileName, p.fileName).toMatch(/^DEMO-/);
  });

  it('the after-action report PDF says DEMO DATA at the top of its first page, as the ICS 213 RR and the situation report do, and its file name starts with DEMO-', async () => {
    const { t, incidentId } = await demoStore();
    const { positions } = await t.call('position.list', {});
    await t.call('session.signIn', { operatorName: 'Pat Planner', positionId: positions.find((p) => p.code === 'PSC')!.id });
    if (!(await t.call('aar.get', { incidentId })).view) await t.call('aar.draft', { incidentId });
    const pdf = await t.call('aar.exportPdf', { incidentId });
    const pages = await pdfPagesText(Buffer.from(pdf.base64, 'base64'));
    const first = pages[0]!;
    expect(first.indexOf(DEMO_MARK)).toBeGreaterThanOrEqual(0);
    expect(first.indexOf(DEMO_MARK)).toBeLessThan(first.indexOf('AFTER-ACTION REPORT'));
    for (const page of pages) expect(page).toContain(DEMO_MARK);
    expect(pdf.fileName).toMatch(/^DEMO-EXERCISE_AAR-IP_/);
  });
});
