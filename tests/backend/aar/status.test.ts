import { describe, expect, it } from 'vitest';
import { pdfPagesText } from '../export/pdf-text';
import { makeOrg } from '../request/fixtures';
import { docxParts, tables } from './docx-text';
import { aarFixture, HOUR } from './fixtures';

const decode = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

/** A bed report asked of two hospitals at t0+1 h, due t0+2 h: Riverbend answers on time, Hilltop an hour late. */
async function bedReport() {
  const f = await aarFixture();
  const hilltop = await makeOrg(f.t, 'Hilltop Medical Center');
  const { types } = await f.t.call('status.catalogue', {});
  const beds = types.find((x) => x.code === 'beds.adult_icu.available')!.id;
  f.at(1 * HOUR);
  await f.asPlanner();
  const { request } = await f.t.call('status.requestCreate', { incidentId: f.incidentId, title: 'Bed report', typeIds: [beds], organisationIds: [f.hospital, hilltop], deadline: f.t0 + 2 * HOUR });
  f.at(1.5 * HOUR);
  await f.t.call('status.report', { organisationId: f.hospital, source: 'phone', values: [{ typeId: beds, value: 6 }], statusRequestId: request.id });
  f.at(3 * HOUR);
  await f.t.call('status.report', { organisationId: hilltop, source: 'radio', values: [{ typeId: beds, value: 2 }], statusRequestId: request.id });
  f.at(4 * HOUR);
  return f;
}

describe('facility status figures in the after-action report', () => {
  it('counts status requests answered on time with PM17/PM19, and suggests the missed deadline as an area for improvement', async () => {
    const f = await bedReport();
    const { tables: record, sources } = await f.t.call('aar.record', { incidentId: f.incidentId });
    expect(sources).toContain('status');
    const eei = record.find((t) => t.key === 'status-requests')!;
    expect(eei.intro).toMatch(/^1 of 2 facility requests answered by the deadline \(50%, HPP J\.1\)/);
    // Asked 2, 1 on time, 50%, last report 120 minutes after the request, none outstanding.
    expect(eei.rows.map((r) => [r.cells[0], ...r.cells.slice(3)])).toEqual([['Bed report', '2', '1', '50%', '120', '0', 'Hospital 1/2']]);
    expect(record.find((t) => t.key === 'status-stale')!.rows[0]!.cells).toEqual(['0', '0']);

    await f.t.call('aar.draft', { incidentId: f.incidentId });
    const view = (await f.t.call('aar.get', { incidentId: f.incidentId })).view!;
    const late = view.observations.find((o) => o.ruleKey?.startsWith('status.late:'))!;
    expect(late).toMatchObject({ kind: 'afi', status: 'candidate', title: '1 of 2 facilities missed the "Bed report" deadline' });
    expect(late.analysis).toContain('Hilltop Medical Center: answered');
    expect(late.analysis).toContain('1 h after the deadline');
    expect(view.observations.some((o) => o.ruleKey === 'status.on-time')).toBe(false);
    expect(view.sections.find((s) => s.key === 'summary')?.heads[0]?.text ?? '').toContain('1 facility status request was sent; 1 of 2 facility answers came by the deadline.');
  });

  it('shows the figures in the DOCX and the PDF', async () => {
    const f = await bedReport();
    await f.t.call('aar.draft', { incidentId: f.incidentId });
    const docx = docxParts(decode((await f.t.call('aar.exportDocx', { incidentId: f.incidentId })).base64));
    const rows = tables(docx.get('word/document.xml')!).flat();
    expect(rows).toContainEqual(expect.arrayContaining(['Bed report', '2', '1', '50%', '120']));
    const pages = (await pdfPagesText(decode((await f.t.call('aar.exportPdf', { incidentId: f.incidentId })).base64))).join(' ');
    expect(pages).toContain('Facility status requests answered on time');
    expect(pages).toMatch(/Bed report/);
  });

  it('adds nothing for an incident that asked no facility status', async () => {
    const f = await aarFixture();
    f.at(2 * HOUR);
    const { tables: record } = await f.t.call('aar.record', { incidentId: f.incidentId });
    expect(record.filter((t) => t.source === 'status')).toEqual([]);
  });
});
