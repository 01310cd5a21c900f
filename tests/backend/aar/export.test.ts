import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../../electron/backend/cli/run';
import { pdfPagesText } from '../export/pdf-text';
import { docxParts, paragraphs, tables } from './docx-text';
import { aarFixture, HOUR } from './fixtures';

async function reportWithPlan(exercise = false) {
  const f = await aarFixture({ exercise });
  await f.request({ priority: 'urgent', submitAt: 1 * HOUR, receiveAt: 8 * HOUR });
  f.at(9 * HOUR);
  await f.asPlanner();
  await f.t.call('incident.openPeriod', { incidentId: f.incidentId, startsAt: f.t0, endsAt: f.t0 + 12 * HOUR, objectives: ['Keep every dialysis patient on treatment'] });
  const { reportId } = await f.t.call('aar.draft', { incidentId: f.incidentId });
  const view = (await f.t.call('aar.get', { incidentId: f.incidentId })).view!;
  const slow = view.observations.find((o) => o.ruleKey === 'requests.urgent-slow')!;
  await f.t.call('aar.reviewCandidate', { id: slow.id, decision: 'accept' });
  await f.t.call('aar.saveObservation', { reportId, kind: 'afi', objectiveId: view.objectives[0]!.id, capabilityId: slow.capabilityId, title: slow.title, rootCause: 'No standing order with the state' });
  const { id: actionId } = await f.t.call('aar.saveAction', {
    observationId: slow.id,
    element: 'planning',
    action: 'Pre-arrange a standing cot order with MDPH',
    responsibleOrgId: f.hospital,
    poc: 'Pat Planner',
    startOn: '2026-01-05',
    dueOn: '2026-03-31',
  });
  await f.t.call('aar.rate', { objectiveId: view.objectives[0]!.id, capabilityId: slow.capabilityId!, rating: 'M' });
  await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Cots arrived late; a standing order fixes it.', baseIds: [] });
  return { f, reportId, actionId };
}

const decode = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

describe('exporting the after-action report', () => {
  it('writes a Word document with real headings, a table of contents, page numbers, DRAFT marking and the improvement plan on a landscape page', async () => {
    const { f } = await reportWithPlan();
    const file = await f.t.call('aar.exportDocx', { incidentId: f.incidentId });
    expect(file.fileName).toMatch(/^AAR-IP_Spring-ice-storm_\d{8}-\d{4}Z\.docx$/);
    const parts = docxParts(decode(file.base64));
    const body = parts.get('word/document.xml')!;
    expect(body).toContain('<w:pStyle w:val="Heading1"/>');
    expect(body).toContain('<w:pStyle w:val="Heading2"/>');
    expect(body).toMatch(/<w:docPartGallery w:val="Table of Contents"\/>/);
    expect(body).toContain(`TOC \\h \\o &quot;1-2&quot;`);
    expect(body).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
    const text = paragraphs(body);
    for (const h of ['Administrative handling instructions', 'Incident overview', 'Analysis of capabilities', 'Conclusion', 'Appendix A: Improvement plan', 'Appendix B: Participants', 'Appendix C: Incident timeline']) {
      expect(text).toContain(h);
    }
    expect(text).toContain('Cots arrived late; a standing order fixes it.');
    const ip = tables(body).find((t) => t[0]![0] === 'Capability' && t[0]![1] === 'Issue/Area for improvement')!;
    expect(ip[1]).toEqual([
      '5 Resources',
      '1 urgent request took longer than 4 hours to fill',
      'Pre-arrange a standing cot order with MDPH',
      'Planning',
      'Riverbend General Hospital',
      'Pat Planner',
      '2026-01-05',
      '2026-03-31',
      expect.stringMatching(/^Open\s*OVERDUE$/),
    ]);
    const table1 = tables(body).find((t) => t[0]![0] === 'Objective')!;
    expect(table1[1]).toEqual(['1. Keep every dialysis patient on treatment', '5 Resources', '', '', 'X', '']);
    const headers = [...parts.entries()].filter(([n]) => /word\/header\d*\.xml/.test(n)).map(([, x]) => paragraphs(x).join(' '));
    const footers = [...parts.entries()].filter(([n]) => /word\/footer\d*\.xml/.test(n)).map(([, x]) => x);
    expect(headers.length).toBeGreaterThan(0);
    for (const h of headers) expect(h).toContain('DRAFT');
    for (const x of footers) {
      expect(x).toMatch(/PAGE/);
      expect(paragraphs(x).join(' ')).toContain('DRAFT');
    }
    // The record's figures are written straight as table XML: in place, none left behind.
    expect(body).not.toContain('AAR-BULK-TABLE');
    expect(tables(body).find((t) => t[0]![0] === 'Priority')![1]).toEqual(['Urgent', '1', '1', '7 h', '7 h', '7 h', '0']);
    const styles = parts.get('word/styles.xml')!;
    expect(styles).toContain('w:styleId="Heading1"');
  });

  it('marks an exercise EXERCISE on every page and drops DRAFT once the report is final', async () => {
    const { f, reportId } = await reportWithPlan(true);
    await f.t.call('aar.update', { reportId, status: 'final', marking: 'For Official Use Only' });
    const file = await f.t.call('aar.exportDocx', { incidentId: f.incidentId });
    expect(file.fileName.startsWith('EXERCISE_')).toBe(true);
    const parts = docxParts(decode(file.base64));
    const headers = [...parts.entries()].filter(([n]) => /word\/header\d*\.xml/.test(n)).map(([, x]) => paragraphs(x).join(' '));
    for (const h of headers) {
      expect(h).toContain('EXERCISE · For Official Use Only');
      expect(h).not.toContain('DRAFT');
    }
    const pdf = await f.t.call('aar.exportPdf', { incidentId: f.incidentId });
    const pages = await pdfPagesText(decode(pdf.base64));
    for (const p of pages) expect(p).toContain('EXERCISE EXERCISE EXERCISE');
    expect(pages.join(' ')).toMatch(/Pre-arrange a\s+standing\s+cot order\s+with MDPH/);
  });

  it('writes the improvement plan as CSV and audits every export with its hash', async () => {
    const { f, actionId } = await reportWithPlan();
    const file = await f.t.call('aar.exportIpCsv', { incidentId: f.incidentId });
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('# DRAFT');
    expect(lines[1]).toContain('Capability,Issue/Area for improvement,Corrective action,Capability element');
    expect(lines[2]).toContain('Pre-arrange a standing cot order with MDPH');
    expect(lines[2]).toContain(actionId);
    const { entries } = await f.t.call('audit.recent', { limit: 5 });
    expect(entries.find((e) => e.action === 'export.generated')).toMatchObject({ detail: expect.objectContaining({ sha256: file.sha256, form: 'Improvement plan CSV' }) });
  });

  it('refuses to export an incident with no report yet, in words', async () => {
    const f = await aarFixture();
    expect(await f.t.raw('aar.exportDocx', { incidentId: f.incidentId })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '"Spring ice storm" has no after-action report yet: draft it first' },
    });
  });
});

describe('npm run cli -- export aar', () => {
  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('writes the DOCX and the PDF of a drafted report to the file named', async () => {
    const { f } = await reportWithPlan();
    await f.t.backend.close();
    const docx = path.join(f.t.dataDir, 'out.docx');
    const r = await cli('export', 'aar', '--data-dir', f.t.dataDir, '--incident', f.incidentId, '--format', 'docx', '--out', docx);
    expect(r, r.err).toMatchObject({ code: 0, out: expect.stringContaining(`Wrote ${docx}`) });
    expect(tables(docxParts(new Uint8Array(fs.readFileSync(docx))).get('word/document.xml')!).flat(2).join(' ')).toContain('Pre-arrange a standing cot order with MDPH');
    const pdf = path.join(f.t.dataDir, 'out.pdf');
    expect((await cli('export', 'aar', '--data-dir', f.t.dataDir, '--incident', f.incidentId, '--format', 'pdf', '--out', pdf)).code).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a wrong format, a missing folder and an unknown incident in words, exit 1, writing nothing', async () => {
    const f = await aarFixture();
    await f.t.backend.close();
    const out = path.join(f.t.dataDir, 'x.docx');
    expect(await cli('export', 'aar', '--data-dir', f.t.dataDir, '--incident', f.incidentId, '--format', 'odt', '--out', out)).toMatchObject({ code: 1, err: '--format must be docx, pdf or csv, not "odt"' });
    expect(await cli('export', 'aar', '--data-dir', f.t.dataDir, '--incident', f.incidentId, '--format', 'docx', '--out', '/no/such/folder/x.docx')).toMatchObject({
      code: 1,
      err: 'The folder /no/such/folder does not exist',
    });
    expect(await cli('export', 'aar', '--data-dir', f.t.dataDir, '--incident', 'nope', '--format', 'docx', '--out', out)).toMatchObject({ code: 1, err: expect.stringContaining('Incident must be a valid id') });
    expect(await cli('export', 'aar', '--data-dir', f.t.dataDir, '--incident', f.incidentId, '--format', 'docx', '--out', out)).toMatchObject({
      code: 1,
      err: '"Spring ice storm" has no after-action report yet: draft it first',
    });
    expect(fs.existsSync(out)).toBe(false);
  });
});
