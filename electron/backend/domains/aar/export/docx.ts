import { AlignmentType, Document, HeadingLevel, Packer, PageOrientation, Paragraph, SectionType, TableOfContents, TextRun, type FileChild } from 'docx';
import { OBSERVATION_KIND_LABELS, RATINGS, RATING_LABELS, type AarSectionKey } from '../../../../../shared/domain/aar-outline';
import type { Observation } from '../../../../../shared/contract';
import { BulkTables } from './docx-bulk-table';
import { IP_COLUMNS, ipRows, markingOf, recordSourceLine, sectionText, type AarDocumentData } from './document-data';
import { bullet, heading, keyValueTable, labelled, LANDSCAPE_TEXT_WIDTH, PAGE, pageFurniture, para, PORTRAIT_TEXT_WIDTH, runs, STYLES, table } from './docx-parts';

const text = (d: AarDocumentData, key: AarSectionKey) => sectionText(d, key);

/**
 * Rows of each figures table printed in the appendix: a planner's document summarises; the
 * full lists stay in the console and in the decision log and request history exports.
 */
const FIGURE_ROWS = 200;

function cover(d: AarDocumentData, marking: string): FileChild[] {
  const r = d.view.report;
  const dates = `${d.fmtDay(r.startedAt)}${r.endedAt ? ` to ${d.fmtDay(r.endedAt)}` : ' (ongoing)'}`;
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 2400 }, children: [new TextRun({ text: d.coalitionName, size: 28, color: '595959' })] }),
    new Paragraph({ heading: 'Title', alignment: AlignmentType.CENTER, children: [new TextRun(r.title)] }),
    new Paragraph({ style: 'CoverLine', children: [new TextRun('After-Action Report / Improvement Plan')] }),
    new Paragraph({ style: 'CoverLine', children: [new TextRun(`${r.exercise ? 'Exercise' : 'Incident'}: ${r.incidentName}`)] }),
    new Paragraph({ style: 'CoverLine', children: [new TextRun(dates)] }),
    new Paragraph({ style: 'CoverLine', children: [new TextRun(r.status === 'draft' ? `Draft of ${d.fmtDay(d.generatedAt)}` : `Final of ${d.fmtDay(r.finalSince?.at ?? d.generatedAt)}`)] }),
    ...(marking ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 600 }, children: [new TextRun({ text: marking, bold: true, size: 36, color: 'C00000' })] })] : []),
    new Paragraph({ text: 'Administrative handling instructions', heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
    para(text(d, 'handling')),
    ...(r.marking ? [labelled('Protective marking', r.marking)] : []),
    labelled('Point of contact', text(d, 'poc')),
    // The contents title is not a heading style, so the table does not list itself.
    new Paragraph({ style: 'ContentsTitle', children: [new TextRun('Contents')] }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
  ];
}

function overview(d: AarDocumentData): FileChild[] {
  const r = d.view.report;
  const caps = new Set(d.view.objectives.flatMap((o) => o.ratings.map((x) => x.capabilityLabel)));
  return [
    new Paragraph({ text: r.exercise ? 'Exercise overview' : 'Incident overview', heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
    keyValueTable(
      [
        [r.exercise ? 'Exercise name' : 'Incident name', r.incidentName],
        [r.exercise ? 'Exercise dates' : 'Incident dates', `${d.fmt(r.startedAt)}${r.endedAt ? ` to ${d.fmt(r.endedAt)}` : ' (ongoing)'}`],
        ['Scope', text(d, 'scope')],
        ['Mission area(s)', r.missionAreas.join(', ')],
        [`Capabilities (${d.framework?.shortName ?? 'framework'})`, [...caps].join('\n')],
        ['Objectives', d.view.objectives.map((o) => `${o.ordinal}. ${o.text}`).join('\n')],
        ['Threat or hazard', text(d, 'threat')],
        ['Scenario', text(d, 'scenario')],
        ['Sponsor', text(d, 'sponsor')],
        ['Participating organizations', [...new Set(d.view.participants.flatMap((p) => (p.organisation ? [p.organisation] : [])))].join('\n')],
        ['Point of contact', text(d, 'poc')],
      ],
      PORTRAIT_TEXT_WIDTH,
    ),
  ];
}

function observationBlock(o: Observation): FileChild[] {
  return [
    heading(`${OBSERVATION_KIND_LABELS[o.kind]}: ${o.title}`, 4),
    ...(o.capabilityLabel ? [labelled('Capability', o.capabilityLabel)] : []),
    labelled('Reference', o.reference),
    labelled('Analysis', o.analysis),
    ...(o.kind === 'afi' ? [labelled('Root cause', o.rootCause)] : []),
    ...(o.recurrences.length
      ? [labelled('Recurring', `also found at ${o.recurrences.map((x) => `${x.incidentName} (${new Date(x.startedAt).toISOString().slice(0, 10)}): "${x.title}"`).join('; ')}`)]
      : []),
  ];
}

function analysis(d: AarDocumentData): FileChild[] {
  const accepted = d.view.observations.filter((o) => o.status === 'accepted');
  const rows = d.view.objectives.flatMap((o) =>
    (o.ratings.length ? o.ratings : [null]).map((r) => [`${o.ordinal}. ${o.text}`, r?.capabilityLabel ?? 'No capability listed', ...RATINGS.map((x) => (r?.rating === x ? 'X' : ''))]),
  );
  const out: FileChild[] = [
    heading('Analysis of capabilities', 1),
    para(text(d, 'summary')),
    para('Table 1. Summary of capability performance', { bold: true }),
    table(['Objective', 'Capability', ...RATINGS], rows, [6, 4, 0.7, 0.7, 0.7, 0.7], PORTRAIT_TEXT_WIDTH),
    para('Ratings: P, performed without challenges; S, performed with some challenges; M, performed with major challenges; U, unable to be performed.'),
  ];
  for (const o of d.view.objectives) {
    out.push(heading(`Objective ${o.ordinal}: ${o.text}`, 2));
    for (const r of o.ratings) out.push(bullet(`${r.capabilityLabel}: ${r.rating ? `${r.rating} (${RATING_LABELS[r.rating]})` : 'not yet rated'}`));
    const mine = accepted.filter((x) => x.objectiveId === o.id);
    out.push(heading('Strengths', 3));
    const strengths = mine.filter((x) => x.kind === 'strength');
    out.push(...(strengths.length ? strengths.flatMap(observationBlock) : [para('None recorded.')]));
    out.push(heading('Areas for improvement', 3));
    const afis = mine.filter((x) => x.kind === 'afi');
    out.push(...(afis.length ? afis.flatMap(observationBlock) : [para('None recorded.')]));
  }
  const loose = accepted.filter((x) => !x.objectiveId || !d.view.objectives.some((o) => o.id === x.objectiveId));
  if (loose.length) {
    out.push(heading('Observations not tied to one objective', 2));
    out.push(...loose.flatMap(observationBlock));
  }
  out.push(heading('Conclusion', 1), para(text(d, 'conclusion') || 'To be written.'));
  return out;
}

function appendices(d: AarDocumentData, bulk: BulkTables): FileChild[] {
  const out: FileChild[] = [
    heading('Appendix B: Participants', 1),
    table(
      ['Participant', 'Role', 'Attended'],
      d.view.participants.map((p) => [p.name, p.role, p.attended === null ? 'Not recorded' : p.attended ? 'Yes' : 'No']),
      [4, 5, 1.5],
      PORTRAIT_TEXT_WIDTH,
    ),
  ];
  let letter = 'C';
  const timeline = d.record.find((t) => t.key === 'timeline');
  if (d.timelineAppendix && timeline) {
    out.push(heading(`Appendix ${letter}: Incident timeline`, 1), para(timeline.intro));
    out.push(timeline.rows.length ? bulk.placeholder(timeline.columns, timeline.rows.map((r) => r.cells), [2, 6, 2.5], PORTRAIT_TEXT_WIDTH) : para('No significant events were approved onto the board.'));
    letter = 'D';
  }
  out.push(heading(`Appendix ${letter}: Figures from the record`, 1), para(recordSourceLine(d)));
  for (const t of d.record.filter((x) => x.key !== 'timeline')) {
    const shown = t.rows.slice(0, FIGURE_ROWS);
    out.push(heading(t.title, 2), para(t.intro));
    out.push(shown.length ? bulk.placeholder(t.columns, shown.map((r) => r.cells), t.columns.map(() => 1), PORTRAIT_TEXT_WIDTH) : para('None recorded.'));
    if (t.rows.length > shown.length) {
      out.push(para(`The first ${shown.length} of ${t.rows.length} rows. Every row is in the console (After action, From the record) and in its domain's own export (decision log, request history).`));
    }
  }
  return out;
}

/**
 * The HSEEP after-action report as a Word document: cover and handling instructions, a
 * table of contents built from real heading styles, the overview table, Table 1 and the
 * analysis per objective, the conclusion; Appendix A (the improvement plan matrix) on
 * landscape pages; participants, the incident timeline and the record's figures. DRAFT,
 * EXERCISE and DEMO DATA mark every page's header and footer, with page numbers.
 */
export async function buildDocx(d: AarDocumentData): Promise<Uint8Array> {
  const marking = markingOf(d);
  const bulk = new BulkTables();
  const furniture = pageFurniture(marking, d.view.report.title);
  const portrait = { page: { size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } };
  // docx swaps width and height itself for a landscape section: give the portrait size.
  const landscape = { page: { ...portrait.page, size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE } } };
  const doc = new Document({
    creator: 'Coalition EOC Console',
    title: `${marking ? `${marking} - ` : ''}${d.view.report.title}`,
    description: 'HSEEP after-action report and improvement plan',
    keywords: marking,
    styles: STYLES,
    features: { updateFields: true },
    sections: [
      { properties: portrait, ...furniture, children: [...cover(d, marking), ...overview(d), ...analysis(d)] },
      {
        properties: { ...landscape, type: SectionType.NEXT_PAGE },
        ...furniture,
        children: [
          heading('Appendix A: Improvement plan', 1),
          new Paragraph({ children: runs(`This improvement plan was developed for ${d.view.report.incidentName}. Status as of ${d.view.today}.`) }),
          table(IP_COLUMNS, ipRows(d), [2, 2.4, 3.2, 1.5, 2, 1.5, 1.2, 1.3, 1.6], LANDSCAPE_TEXT_WIDTH, 'No corrective actions yet.'),
        ],
      },
      { properties: { ...portrait, type: SectionType.NEXT_PAGE }, ...furniture, children: appendices(d, bulk) },
    ],
  });
  return bulk.fill(new Uint8Array(await Packer.toBuffer(doc)));
}

