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
    expect(r.fileName).toMatch(/^EXERCISE_EDXL-HAVE_/);
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
