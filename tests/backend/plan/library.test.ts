import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReadyBackend } from '../helpers/backend';
import { b64, makeDocx, makePdf } from './fixtures';

const base = { kind: 'conops' as const, owner: 'Coalition Planning Committee', versionLabel: 'v1', effectiveOn: '2026-01-15' };

describe('plans library', () => {
  it('keeps an uploaded PDF in the data folder and finds it by a word in its text, with the section and page', async () => {
    const t = await openReadyBackend();
    const pdf = await makePdf([
      { heading: '1. Purpose', lines: ['This plan describes how the coalition coordinates health care.'] },
      { heading: '4. Activation levels', lines: ['Partial activation begins when two hospitals declare surge.', 'The duty officer notifies the regional coordinator.'] },
    ]);
    const { plan, version } = await t.call('plan.upload', { ...base, title: 'Coalition Response Plan', fileName: 'response-plan.pdf', base64: b64(pdf), reviewOn: '2027-01-15' });
    expect(version.extraction).toBe('ok');
    expect(plan.current.id).toBe(version.id);
    expect(fs.readFileSync(path.join(t.dataDir, 'plans', `${version.sha256}.pdf`))).toEqual(Buffer.from(pdf));

    const { hits } = await t.call('plan.search', { query: 'surge' });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ planTitle: 'Coalition Response Plan', heading: '4. Activation levels', page: 2, current: true });
    expect(hits[0]!.snippet).toContain('[[surge]]');
    // Prefix search: an operator types the start of a word.
    expect((await t.call('plan.search', { query: 'coordinat' })).hits.length).toBeGreaterThan(0);

    const opened = await t.call('plan.section', { versionId: version.id, ordinal: hits[0]!.ordinal });
    expect(opened.section.body).toContain('two hospitals declare surge');
    const file = await t.call('plan.file', { versionId: version.id });
    expect(Buffer.from(file.base64, 'base64')).toEqual(Buffer.from(pdf));
  });

  it('indexes a Word document by its own headings, and a text file by its numbered headings', async () => {
    const t = await openReadyBackend();
    const docx = makeDocx({
      paragraphs: [
        { text: 'Shelter annex', heading: true },
        { text: 'Schools open as shelters when the warming centers are full.' },
        { text: 'Medical needs', heading: true },
        { text: 'Oxygen concentrators need generator power.' },
      ],
    });
    const d = await t.call('plan.upload', { ...base, kind: 'annex', title: 'Shelter annex', fileName: 'shelter.docx', base64: b64(docx) });
    expect(d.version.extraction).toBe('ok');
    const s = await t.call('plan.sections', { versionId: d.version.id });
    expect(s.sections.map((x) => x.heading)).toEqual(['Shelter annex', 'Medical needs']);
    expect((await t.call('plan.search', { query: 'oxygen' })).hits[0]).toMatchObject({ heading: 'Medical needs' });

    const txt = '1. Purpose\nCall-down of members.\n\n2. Roles\nThe liaison officer calls the dialysis centers.\n';
    const x = await t.call('plan.upload', { ...base, kind: 'sop', title: 'Call-down SOP', fileName: 'calldown.txt', base64: b64(txt) });
    expect((await t.call('plan.sections', { versionId: x.version.id })).sections.map((z) => z.heading)).toEqual(['1. Purpose', '2. Roles']);
    expect((await t.call('plan.search', { query: 'dialysis' })).hits[0]).toMatchObject({ planTitle: 'Call-down SOP', heading: '2. Roles' });
  });

  it('a new version supersedes the one in force and never overwrites it; search shows the version in force', async () => {
    const t = await openReadyBackend();
    const v1 = await t.call('plan.upload', { ...base, title: 'MACP', kind: 'macp', fileName: 'macp.txt', base64: b64('1. Scope\nThe old radio net is MedNet 2.\n') });
    const v2 = await t.call('plan.upload', { ...base, planId: v1.plan.id, title: 'MACP', kind: 'macp', versionLabel: 'v2', fileName: 'macp.txt', base64: b64('1. Scope\nThe radio net is MedNet 4.\n') });
    expect(v2.version.supersedesId).toBe(v1.version.id);
    const got = await t.call('plan.get', { id: v1.plan.id });
    expect(got.plan.current.id).toBe(v2.version.id);
    expect(got.versions.map((v) => [v.versionLabel, v.supersededById])).toEqual([
      ['v2', null],
      ['v1', v2.version.id],
    ]);
    // Both files are kept, each under its own hash.
    expect(Buffer.from((await t.call('plan.file', { versionId: v1.version.id })).base64, 'base64').toString()).toContain('MedNet 2');
    expect((await t.call('plan.search', { query: 'MedNet' })).hits.map((h) => h.versionLabel)).toEqual(['v2']);
    expect((await t.call('plan.search', { query: 'MedNet', includeSuperseded: true })).hits).toHaveLength(2);
    // A version is a record of fact: the store refuses to alter it.
    const { default: Database } = await import('better-sqlite3');
    await t.backend.close();
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'));
    expect(() => db.prepare("UPDATE plan_versions SET version_label = 'v9'").run()).toThrow(/append-only/);
    db.close();
  });

  it('flags a plan whose review date has passed or is near', async () => {
    const t = await openReadyBackend();
    await t.call('plan.upload', { ...base, title: 'Old SOP', kind: 'sop', fileName: 'a.txt', base64: b64('text'), reviewOn: '2001-01-01' });
    await t.call('plan.upload', { ...base, title: 'New SOP', kind: 'sop', fileName: 'b.txt', base64: b64('text'), reviewOn: '2999-01-01' });
    const { plans, reviewDue } = await t.call('plan.list', {});
    expect(reviewDue).toBe(1);
    expect(plans.find((p) => p.title === 'Old SOP')!.review).toMatchObject({ standing: 'overdue' });
    expect(plans.find((p) => p.title === 'Old SOP')!.review.label).toMatch(/^REVIEW OVERDUE by \d+ days \(2001-01-01\)$/);
    expect(plans.find((p) => p.title === 'New SOP')!.review.standing).toBe('current');
  });

  it('treats search words as words: FTS syntax typed in the box is never an error', async () => {
    const t = await openReadyBackend();
    await t.call('plan.upload', { ...base, title: 'Plan', fileName: 'p.txt', base64: b64('1. Heat\nCooling centers open at 95 F.\n') });
    for (const q of ['"cooling', 'cooling AND', 'NEAR(', 'heat:*', '-(x']) {
      const r = await t.raw('plan.search', { query: q });
      expect(r.ok, q).toBe(true);
    }
    expect((await t.call('plan.search', { query: '"cooling centers' })).hits).toHaveLength(1);
  });
});

describe('search at scale', () => {
  it('ranks by relevance up to 300 matching sections; beyond that shows the newest and says the search is broad', async () => {
    const t = await openReadyBackend();
    const text = (n: number, from: number) => Array.from({ length: n }, (_, i) => `# Part ${from + i}\nThe duty officer reviews activation.\n`).join('\n');
    await t.call('plan.upload', { ...base, title: 'Small', fileName: 's.txt', base64: b64(text(10, 1)) });
    expect(await t.call('plan.search', { query: 'activation' })).toMatchObject({ matched: 10, ranked: true });
    await t.call('plan.upload', { ...base, title: 'Big', fileName: 'b.txt', base64: b64(text(300, 1)) });
    const broad = await t.call('plan.search', { query: 'activation', limit: 5 });
    expect(broad).toMatchObject({ matched: 301, ranked: false });
    expect(broad.hits.map((h) => h.planTitle)).toEqual(['Big', 'Big', 'Big', 'Big', 'Big']);
    expect(broad.hits[0]!.heading).toBe('Part 300');
  });
});

describe('hostile and clumsy documents', () => {
  const count = async (t: Awaited<ReturnType<typeof openReadyBackend>>) => (await t.call('plan.list', {})).plans.length;

  it('keeps a PDF that fails to parse, says its text is not searchable, and loses nothing', async () => {
    const t = await openReadyBackend();
    const broken = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\n'), Buffer.alloc(2000, 0x41), Buffer.from('\n%%EOF')]);
    const r = await t.call('plan.upload', { ...base, title: 'Broken', fileName: 'broken.pdf', base64: b64(broken) });
    expect(r.version.extraction).toBe('unreadable');
    expect(r.version.extractionNote).toMatch(/not searchable because it could not be read.*The file is kept as uploaded/);
    expect(Buffer.from((await t.call('plan.file', { versionId: r.version.id })).base64, 'base64')).toEqual(broken);
    // The host still answers.
    expect((await t.call('plan.list', {})).plans).toHaveLength(1);
  });

  it('says a file named .pdf that is not a PDF is unreadable', async () => {
    const t = await openReadyBackend();
    const r = await t.call('plan.upload', { ...base, title: 'Fake', fileName: 'fake.pdf', base64: b64('just some words') });
    expect(r.version).toMatchObject({ extraction: 'unreadable' });
    expect(r.version.extractionNote).toMatch(/is not a PDF/);
  });

  it('refuses a 100 MB file in words and changes nothing', async () => {
    const t = await openReadyBackend();
    const r = await t.raw('plan.upload', { ...base, title: 'Huge', fileName: 'huge.pdf', base64: Buffer.alloc(100 * 1024 * 1024, 1).toString('base64') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/too large: the plans library takes documents up to 10\.0 MB/);
    expect(await count(t)).toBe(0);
    expect(fs.existsSync(path.join(t.dataDir, 'plans'))).toBe(false);
  });

  it('refuses a file of another kind in words', async () => {
    const t = await openReadyBackend();
    const r = await t.raw('plan.upload', { ...base, title: 'Sheet', fileName: 'budget.xlsx', base64: b64('PK') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/takes PDF, Word \(\.docx\) and text/);
    expect(await count(t)).toBe(0);
  });

  it('reads the text of a DOCX with external references without following them', async () => {
    const t = await openReadyBackend();
    const secret = path.join(t.dataDir, 'secret.txt');
    fs.writeFileSync(secret, 'TOPSECRETWORD');
    const docx = makeDocx({
      paragraphs: [{ text: 'Linked annex', heading: true }, { text: 'See the linked picture below.' }],
      extraRels: `<Relationship Id="rIdExt" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file://${secret}" TargetMode="External"/><Relationship Id="rIdWeb" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://203.0.113.9/beacon.png" TargetMode="External"/>`,
      extraBody:
        '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="x"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:link="rIdExt"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>',
    });
    const r = await t.call('plan.upload', { ...base, title: 'Linked', fileName: 'linked.docx', base64: b64(docx) });
    expect(r.version.extraction).toBe('ok');
    expect((await t.call('plan.search', { query: 'linked picture' })).hits).toHaveLength(1);
    expect((await t.call('plan.search', { query: 'TOPSECRETWORD' })).hits).toHaveLength(0);
  });

  it('stops unpacking a DOCX zip bomb at its limit and keeps the file, marked unreadable', async () => {
    const t = await openReadyBackend();
    const bomb = makeDocx({ paragraphs: [{ text: 'Bomb' }], hugePart: 70 * 1024 * 1024 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = await t.call('plan.upload', { ...base, title: 'Bomb', fileName: 'bomb.docx', base64: b64(bomb) });
    expect(r.version.extraction).toBe('unreadable');
    expect(r.version.extractionNote).toMatch(/unpacks to more than 64 MB/);
    expect(r.version.sections).toBe(0);
  });

  it('says a scan with no text is kept but not searchable', async () => {
    const t = await openReadyBackend();
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    doc.addPage();
    const r = await t.call('plan.upload', { ...base, title: 'Scan', fileName: 'scan.pdf', base64: b64(await doc.save()) });
    expect(r.version.extraction).toBe('no_text');
    expect(r.version.extractionNote).toMatch(/probably a scan/);
  });
});

describe('long or slow PDFs', () => {
  it('indexes up to the page limit or the reading-time budget, and says only the first pages are searchable', async () => {
    const { extractSections } = await import('../../../electron/backend/domains/plan/extract');
    const pdf = await makePdf([1, 2, 3].map((n) => ({ heading: `${n}. Part`, lines: [`Text of page ${n}.`] })));
    const byPages = await extractSections('pdf', pdf, { maxPages: 2 });
    expect(byPages).toMatchObject({ status: 'ok', note: 'Only the first 2 of 3 pages are searchable.' });
    expect(byPages.sections.map((s) => s.page)).toEqual([1, 2]);
    const byTime = await extractSections('pdf', pdf, { budgetMs: 0 });
    expect(byTime).toMatchObject({ status: 'unreadable', note: expect.stringMatching(/reading it took too long/) });
  });
});
