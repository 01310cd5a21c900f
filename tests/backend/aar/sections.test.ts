import { describe, expect, it } from 'vitest';
import { pdfPagesText } from '../export/pdf-text';
import { docxParts, paragraphs } from './docx-text';
import { aarFixture } from './fixtures';

async function drafted() {
  const f = await aarFixture();
  await f.asPlanner('Pat Planner');
  const { reportId } = await f.t.call('aar.draft', { incidentId: f.incidentId });
  const head = async () => (await f.t.call('aar.get', { incidentId: f.incidentId })).view!.sections.find((s) => s.key === 'conclusion')!;
  return { f, reportId, head };
}

describe('report sections kept as revisions', () => {
  it('keeps every revision with who wrote it and when; the newest replaces the one it was written from', async () => {
    const { f, reportId, head } = await drafted();
    expect((await head()).heads).toEqual([]);
    const a = await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Power restoration drove the response.', baseIds: [] });
    expect(a).toMatchObject({ concurrent: false, heads: 1 });
    await f.asPlanner('Sam Second');
    const b = await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Power restoration and fuel drove the response.', baseIds: [a.revisionId] });
    expect(b).toMatchObject({ concurrent: false, heads: 1 });
    const now = await head();
    expect(now.heads.map((h) => [h.text, h.operatorName])).toEqual([['Power restoration and fuel drove the response.', 'Sam Second']]);
    expect(now.revisions).toBe(2);
    const { revisions } = await f.t.call('aar.sectionHistory', { reportId, section: 'conclusion' });
    expect(revisions.map((r) => [r.operatorName, r.text, r.baseIds])).toEqual([
      ['Sam Second', 'Power restoration and fuel drove the response.', [a.revisionId]],
      ['Pat Planner', 'Power restoration drove the response.', []],
    ]);
  });

  it('keeps and shows both of two concurrent edits of one section; a save from both reconciles them', async () => {
    const { f, reportId, head } = await drafted();
    const base = await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'First draft.', baseIds: [] });
    // Two planners open the same text; each saves without having seen the other's save.
    const one = await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Pat’s version.', baseIds: [base.revisionId] });
    await f.asPlanner('Sam Second');
    const two = await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Sam’s version.', baseIds: [base.revisionId] });
    expect(one.concurrent).toBe(false);
    expect(two).toMatchObject({ concurrent: true, heads: 2 });
    const both = await head();
    expect(both.heads.map((h) => h.text).sort()).toEqual(['Pat’s version.', 'Sam’s version.']);
    const merged = await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Both versions, merged.', baseIds: both.heads.map((h) => h.id) });
    expect(merged).toMatchObject({ concurrent: false, heads: 1 });
    expect((await head()).heads.map((h) => h.text)).toEqual(['Both versions, merged.']);
    expect((await head()).revisions).toBe(4);
  });

  it('two versions saved at the same time with the same words are one text: no conflict, and the next save replaces both', async () => {
    const { f, reportId, head } = await drafted();
    const base = await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'First draft.', baseIds: [] });
    await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Agreed text.', baseIds: [base.revisionId] });
    await f.asPlanner('Sam Second');
    const twin = await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Agreed text.', baseIds: [base.revisionId] });
    expect(twin).toMatchObject({ concurrent: false, heads: 1 });
    expect((await head()).heads.map((h) => h.text)).toEqual(['Agreed text.']);
    const next = await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Agreed text, edited.', baseIds: [(await head()).heads[0]!.id] });
    expect(next).toMatchObject({ concurrent: false, heads: 1 });
    expect((await head()).heads.map((h) => h.text)).toEqual(['Agreed text, edited.']);
  });

  it('adds nothing when the same text is saved again, and never lets a revision replace another section’s text', async () => {
    const { f, reportId, head } = await drafted();
    const scope = (await f.t.call('aar.get', { incidentId: f.incidentId })).view!.sections.find((s) => s.key === 'scope')!.heads[0]!;
    const same = await f.t.call('aar.saveSection', { reportId, section: 'scope', text: scope.text, baseIds: [scope.id] });
    expect(same.revisionId).toBe(scope.id);
    await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Written over the scope?', baseIds: [scope.id] });
    expect((await f.t.call('aar.get', { incidentId: f.incidentId })).view!.sections.find((s) => s.key === 'scope')!.heads[0]!.id).toBe(scope.id);
    expect((await head()).heads[0]!.baseIds).toEqual([]);
  });

  it('refuses revisions that could not be undone: a section row cannot be altered or deleted', async () => {
    const { f, reportId } = await drafted();
    await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Kept.', baseIds: [] });
    const Database = (await import('better-sqlite3')).default;
    await f.t.backend.close();
    const db = new Database(`${f.t.dataDir}/eoc.sqlite`);
    expect(() => db.prepare("UPDATE aar_section_revisions SET text = 'changed'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM aar_section_revisions').run()).toThrow(/append-only/);
    db.close();
  });

  it('refuses to make a report final while a section holds versions nobody has reconciled, naming the section; reconciled, it is made final', async () => {
    const { f, reportId, head } = await drafted();
    const base = await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'First draft.', baseIds: [] });
    await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Pat’s version.', baseIds: [base.revisionId] });
    await f.asPlanner('Sam Second');
    await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Sam’s version.', baseIds: [base.revisionId] });
    expect(await f.t.raw('aar.update', { reportId, status: 'final' })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message:
          'Not made final: “Conclusion” (2 versions) holds versions saved at the same time that nobody has reconciled yet. On the Report tab, keep one version of that section or write one text from both, then make the report final.',
        details: { sections: ['conclusion'] },
      },
    });
    const report = async () => (await f.t.call('aar.get', { incidentId: f.incidentId })).view!.report;
    expect((await report()).status).toBe('draft');
    // Other settings still change while it is a draft.
    expect(await f.t.call('aar.update', { reportId, marking: 'For Official Use Only' })).toMatchObject({ status: 'draft', marking: 'For Official Use Only' });
    await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Sam’s version.', baseIds: (await head()).heads.map((h) => h.id) });
    expect(await f.t.call('aar.update', { reportId, status: 'final' })).toMatchObject({ status: 'final' });
  });

  it('prints every unreconciled version of a section in the draft’s PDF and Word files, saying so, never one of them alone', async () => {
    const { f, reportId } = await drafted();
    const base = await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'First draft.', baseIds: [] });
    await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Fuel ran short at two hospitals.', baseIds: [base.revisionId] });
    await f.asPlanner('Sam Second');
    await f.t.call('aar.saveSection', { reportId, section: 'conclusion', text: 'Dialysis transport held up.', baseIds: [base.revisionId] });
    const pdf = (await pdfPagesText(new Uint8Array(Buffer.from((await f.t.call('aar.exportPdf', { incidentId: f.incidentId })).base64, 'base64')))).join(' ').replace(/\s+/g, ' ');
    const docx = paragraphs(docxParts(new Uint8Array(Buffer.from((await f.t.call('aar.exportDocx', { incidentId: f.incidentId })).base64, 'base64'))).get('word/document.xml')!).join(' ');
    for (const text of [pdf, docx]) {
      expect(text).toContain('NOT RECONCILED: 2 versions of this section were saved at the same time. Both are printed until a planner keeps one or writes one text from them.');
      expect(text).toMatch(/Version 1, by Sam Second \(Planning Section Chief\), [^,]*?:\s*Dialysis transport held up\./);
      expect(text).toMatch(/Version 2, by Pat Planner \(Planning Section Chief\), [^,]*?:\s*Fuel ran short at two hospitals\./);
    }
  });

  it('refuses an unknown section or text that is too long, in words', async () => {
    const { f, reportId } = await drafted();
    expect(await f.t.raw('aar.saveSection', { reportId, section: 'appendix', text: 'x', baseIds: [] })).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('Unknown report section') } });
    expect(await f.t.raw('aar.saveSection', { reportId, section: 'conclusion', text: 'x'.repeat(40001), baseIds: [] })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Section text must be at most 40000 characters') },
    });
  });
});
