import { OBSERVATION_KIND_LABELS, RATINGS, RATING_LABELS, type AarSectionKey } from '../../../../../shared/domain/aar-outline';
import { DEMO_MARK, FormWriter } from '../../export/pdf/form';
import { IP_COLUMNS, ipRows, markingOf, recordSourceLine, sectionText, type AarDocumentData } from './document-data';

/**
 * Events printed in the PDF's timeline appendix: the form writer lays out and measures every
 * word (milliseconds a row), and a print of thousands of events helps no one; the Word
 * document and the timeline CSV carry the whole board.
 */
const PDF_TIMELINE_ROWS = 300;

/** Column widths of the facility status tables: headers are one line, so narrow columns get short words. */
const EEI_WIDTHS: Readonly<Record<string, number>> = { Request: 2, Requested: 1.5, Deadline: 1.5, Asked: 0.8, Share: 0.8, 'Min. to last': 1.3, Unanswered: 1.3, 'By partner type': 2 };

/**
 * The report for print, on the console's form writer: the same parts as the Word document
 * in the same order, every page marked (EXERCISE banner; DRAFT and DEMO DATA in the footer;
 * demonstration data also at the top of every page, as the ICS 213 RR and the situation report
 * have it at the top: a page read from its top is never taken for a real report).
 */
export async function buildPdf(d: AarDocumentData): Promise<{ bytes: Uint8Array; pagesText: string[][] }> {
  const r = d.view.report;
  const marking = markingOf(d);
  const text = (k: AarSectionKey) => sectionText(d, k);
  const f = await FormWriter.create({
    title: 'AFTER-ACTION REPORT / IMPROVEMENT PLAN',
    formName: 'AAR/IP',
    exercise: r.exercise,
    marks: d.view.demo ? [DEMO_MARK] : [],
    footer: `${marking ? `${marking} - ` : ''}${r.incidentName} - generated ${d.fmt(d.generatedAt)} by ${d.generatedBy}`,
    docTitle: r.title,
    author: d.generatedBy,
    createdAt: new Date(d.generatedAt),
  });
  f.row([
    { label: r.exercise ? 'Exercise name' : 'Incident name', value: r.incidentName, width: 2 },
    { label: 'Dates', value: `${d.fmt(r.startedAt)}${r.endedAt ? ` to ${d.fmt(r.endedAt)}` : ' (ongoing)'}`, width: 1.5 },
    { label: 'Status', value: r.status === 'draft' ? 'DRAFT' : `Final${r.finalSince ? `, ${d.fmt(r.finalSince.at)}` : ''}` },
  ]);
  f.row([{ label: 'Administrative handling instructions', value: `${text('handling')}${r.marking ? `\nProtective marking: ${r.marking}` : ''}` }]);
  f.heading(undefined, r.exercise ? 'Exercise overview' : 'Incident overview');
  f.row([{ label: 'Scope', value: text('scope') }]);
  f.row([
    { label: 'Mission area(s)', value: r.missionAreas.join(', ') },
    { label: 'Threat or hazard', value: text('threat'), width: 2 },
  ]);
  f.row([{ label: 'Scenario', value: text('scenario') }]);
  f.row([
    { label: 'Sponsor', value: text('sponsor') },
    { label: 'Point of contact', value: text('poc') },
  ]);
  f.row([{ label: 'Participating organizations', value: [...new Set(d.view.participants.flatMap((p) => (p.organisation ? [p.organisation] : [])))].join(', ') }]);
  f.heading(undefined, 'Analysis of capabilities');
  if (text('summary')) f.row([{ label: 'Summary of the event', value: text('summary') }]);
  f.table(
    [{ label: 'Objective', width: 5 }, { label: 'Capability', width: 4 }, ...RATINGS.map((x) => ({ label: x, width: 0.6 }))],
    d.view.objectives.flatMap((o) =>
      (o.ratings.length ? o.ratings : [null]).map((x) => [`${o.ordinal}. ${o.text}`, x?.capabilityLabel ?? 'No capability listed', ...RATINGS.map((v) => (x?.rating === v ? 'X' : ''))]),
    ),
    'No objectives.',
  );
  f.note(RATINGS.map((x) => `${x}: ${RATING_LABELS[x]}`).join('; '));
  for (const o of d.view.observations.filter((x) => x.status === 'accepted')) {
    const objective = d.view.objectives.find((x) => x.id === o.objectiveId);
    f.gap(4);
    f.row([
      { label: `${OBSERVATION_KIND_LABELS[o.kind]}${objective ? ` (objective ${objective.ordinal})` : ''}`, value: o.title, width: 2 },
      { label: 'Capability', value: o.capabilityLabel ?? '' },
    ]);
    f.row([{ label: 'Reference', value: o.reference }]);
    f.row([{ label: 'Analysis', value: o.analysis }]);
    if (o.kind === 'afi') f.row([{ label: 'Root cause', value: o.rootCause }]);
    if (o.recurrences.length) f.note(`Recurring: also found at ${o.recurrences.map((x) => x.incidentName).join('; ')}.`);
  }
  f.heading(undefined, 'Conclusion');
  f.row([{ label: 'Conclusion', value: text('conclusion') || 'To be written.' }]);
  f.heading(undefined, 'Appendix A: Improvement plan');
  // The dates and the status are as wide as their longest line: never broken.
  f.table(IP_COLUMNS.map((label, i) => ({ label, width: [2, 2.4, 3, 1.2, 1.8, 1.4, 1.1, 1.1, 1.2][i]!, fit: i >= 6 })), ipRows(d), 'No corrective actions yet.');
  f.heading(undefined, 'Appendix B: Participants');
  f.table(
    [{ label: 'Participant', width: 3 }, { label: 'Role', width: 4 }, { label: 'Attended', width: 1 }],
    d.view.participants.map((p) => [p.name, p.role, p.attended === null ? '' : p.attended ? 'Yes' : 'No']),
  );
  let letter = 'C';
  const timeline = d.record.find((t) => t.key === 'timeline');
  if (d.timelineAppendix && timeline) {
    f.heading(undefined, `Appendix ${letter}: Incident timeline`);
    f.note(recordSourceLine(d));
    const shown = timeline.rows.slice(0, PDF_TIMELINE_ROWS);
    f.table(timeline.columns.map((label, i) => ({ label, width: [2, 6, 2.5][i] ?? 1 })), shown.map((x) => x.cells));
    if (shown.length < timeline.rows.length) f.note(`The first ${shown.length} of ${timeline.rows.length} significant events; the Word document holds them all${d.recordFrozenAt === null ? ', as does the timeline CSV export' : ''}.`);
    letter = 'D';
  }
  // Facility status figures are few rows (one a status request) and are the evidence for the
  // J.1 and PM17/PM19 measures the coalition reports, so the print carries them too.
  const eei = d.record.filter((t) => t.source === 'status');
  if (eei.length) {
    f.heading(undefined, `Appendix ${letter}: Facility status figures`);
    f.note(recordSourceLine(d));
    for (const t of eei) {
      f.note(`${t.title}. ${t.intro}`);
      f.table(t.columns.map((label) => ({ label, width: EEI_WIDTHS[label] ?? 1 })), t.rows.map((x) => x.cells));
    }
  }
  return { bytes: await f.finish(), pagesText: f.pagesText };
}
