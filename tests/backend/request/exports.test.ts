import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { makeItem, makeOrg, requestInput, step, withIncident } from './fixtures';

async function sourcedRequest(exercise = false) {
  const t = await withIncident({ exercise });
  const ltc = await makeOrg(t, 'Hilltop Care Center', { discipline: 'long_term_care' });
  const cache = await makeOrg(t, 'Coalition cache', { discipline: 'other' });
  const hospital = await makeOrg(t, 'Riverbend General Hospital');
  const n95 = await makeItem(t, cache, 'N95 respirator', 1000);
  const { request } = await t.call('request.create', requestInput(t.incidentId, ltc, { notes: 'Residents’ “isolation” wing — ZOË ward' }));
  const id = request.id;
  const lineId = request.lines[0]!.id;
  await step(t, 'HCCDO', { action: 'submit', id });
  await step(t, 'OSC', { action: 'approve', id });
  await step(t, 'RESL', { action: 'check_resources', id });
  await step(t, 'LSC', { action: 'source', id, lineId, quantity: 300, source: { kind: 'inventory', inventoryItemId: n95 }, orderNumber: 'R1-0412', orderPlacedBy: 'SPUL' });
  await step(t, 'LSC', { action: 'source', id, lineId, quantity: 200, source: { kind: 'member', organisationId: hospital }, supplierContact: '413-555-0100' });
  await step(t, 'LSC', { action: 'send_to_finance', id });
  await step(t, 'FSC', { action: 'finance_approve', id, comments: 'Charge to storm account' });
  return { t, id };
}

describe('213RR exports', () => {
  it('prints the ICS 213RR with its blocks and a history page, and audits the file', async () => {
    const { t, id } = await sourcedRequest(true);
    const pdf = await t.call('request.formPdf', { id });
    expect(pdf).toMatchObject({ fileName: 'ICS-213RR-WS1-RR-0001-EXERCISE.pdf', mimeType: 'application/pdf', exercise: true });
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(pdf.pages);
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(doc.getTitle()).toBe('EXERCISE EXERCISE EXERCISE - ICS 213 RR WS1-RR-0001');
    const { entries } = await t.call('audit.recent', { limit: 3 });
    expect(entries[0]).toMatchObject({ action: 'request.formExported', detail: { sha256: pdf.sha256 } });
  });

  it('exports the history as CSV, one row per step, UTC times, marked actual or exercise', async () => {
    const { t, id } = await sourcedRequest();
    const out = await t.call('request.historyCsv', { requestId: id });
    const rows = Papa.parse<Record<string, string>>(out.csv, { header: true, skipEmptyLines: true }).data;
    expect(out.rows).toBe(rows.length);
    expect(rows.map((r) => r.step)).toEqual(['Created', 'Submit', 'Approve', 'Record resource check', 'Source a line', 'Source a line', 'Send to finance', 'Finance approve']);
    expect(rows[4]).toMatchObject({ request_number: 'WS1-RR-0001', record_type: 'ACTUAL', from_status: 'Sourcing', to_status: 'Sourcing', operator: 'LSC operator', position: 'Logistics Section Chief' });
    expect(rows[4]!.occurred_at_utc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(rows[4]!.summary).toContain('300 sourced from N95 respirator stock (Coalition cache)');
    const byIncident = await t.call('request.historyCsv', { incidentId: (await t.call('request.get', { id })).request.incidentId });
    expect(byIncident.rows).toBe(rows.length);
    expect(await t.raw('request.historyCsv', {})).toMatchObject({ ok: false, error: { code: 'validation', message: 'Choose either a request or an incident to export' } });
  });

  it('charts an incident: open requests by status over time, time to fill by priority, fill rate by source', async () => {
    const { t, id } = await sourcedRequest();
    const { request } = await t.call('request.get', { id });
    await step(t, 'OSC', { action: 'receive', id });
    const c = await t.call('request.charts', { incidentId: request.incidentId, buckets: 4 });
    expect(c.statusOverTime).toHaveLength(4);
    expect(c.statusOverTime.at(-1)).toMatchObject({ open: 1, counts: expect.objectContaining({ received: 1 }) });
    expect(c.timeToFill.find((x) => x.priority === 'urgent')).toMatchObject({ filled: 1, stillOpen: 0, medianMs: expect.any(Number) });
    expect(c.linesRequested).toBe(1);
    const share = Object.fromEntries(c.fillRateBySource.map((s) => [s.source, s.share]));
    expect(share).toMatchObject({ inventory: 0.6, member: 0.4, unfilled: 0, state: 0 });
    expect(c.byKind).toEqual([{ kind: 'N95 respirator', unit: 'each', requested: 500, filled: 500 }]);
  });

  it('never adds unlike units: each line counts once in the fill rate, quantities are summed per kind only', async () => {
    const { t, id } = await sourcedRequest();
    const { request } = await t.call('request.get', { id });
    const org = request.requestingOrganisation.id;
    const { request: vans } = await t.call('request.create', requestInput(request.incidentId, org, { lines: [{ quantity: 2, kind: 'Ambulance (ground)', type: 'BLS' }] }));
    await step(t, 'HCCDO', { action: 'submit', id: vans.id });
    await step(t, 'OSC', { action: 'approve', id: vans.id });
    const c = await t.call('request.charts', { incidentId: request.incidentId });
    expect(c.linesRequested).toBe(2);
    const share = Object.fromEntries(c.fillRateBySource.map((s) => [s.source, s.share]));
    // One line fully sourced (60/40), one not at all: not 500 of 502 "units".
    expect(share).toMatchObject({ inventory: 0.3, member: 0.2, unfilled: 0.5 });
    expect(c.byKind.map((k) => [k.kind, k.requested, k.filled])).toEqual([
      ['Ambulance (ground)', 2, 0],
      ['N95 respirator', 500, 500],
    ]);
  });

  it('gives every export a manifest whose SHA-256 is that of the exact bytes: the 213RR PDF, the history CSV, the directory CSV', async () => {
    const { t, id } = await sourcedRequest();
    const hash = async (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const pdf = await t.call('request.formPdf', { id });
    expect(pdf.manifest).toMatchObject({ form: 'ICS 213RR', fileName: pdf.fileName, sha256: await hash(Buffer.from(pdf.base64, 'base64')) });
    expect(pdf.manifestFileName).toBe(`${pdf.fileName}.manifest.json`);
    const csv = await t.call('request.historyCsv', { requestId: id });
    expect(csv.manifest).toMatchObject({ form: 'Request history CSV', sha256: await hash(new TextEncoder().encode(csv.csv)), incidentName: 'Spring ice storm' });
    const dir = await t.call('directory.exportCsv', {});
    expect(dir.manifest).toMatchObject({ form: 'Directory CSV', incidentId: null, sha256: dir.sha256 });
    expect(JSON.parse(dir.manifestText)).toEqual(dir.manifest);
  });
});
