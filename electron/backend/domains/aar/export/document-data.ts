import type { AarReportView, Framework, RecordTable } from '../../../../../shared/contract';
import { ACTION_STATUS_LABELS, ELEMENT_LABELS, type AarSectionKey } from '../../../../../shared/domain/aar-outline';

/** Everything a document of the report is built from, gathered once for DOCX, PDF and CSV. */
export interface AarDocumentData {
  view: AarReportView;
  framework: Framework | null;
  record: RecordTable[];
  /** When the report was made final, for figures kept then (record.ts); null for figures read at generatedAt. */
  recordFrozenAt: number | null;
  coalitionName: string;
  /** Whether the incident timeline appendix is printed (a real incident, not a planned exercise). */
  timelineAppendix: boolean;
  generatedAt: number;
  generatedBy: string;
  fmt(ms: number): string;
  fmtDay(ms: number): string;
}

/** Where the figures from the record come from, in a sentence for the documents. */
export function recordSourceLine(d: Pick<AarDocumentData, 'recordFrozenAt' | 'generatedAt' | 'generatedBy' | 'fmt'>): string {
  return d.recordFrozenAt === null
    ? `Read from the console's record on ${d.fmt(d.generatedAt)} by ${d.generatedBy}.`
    : `As the console's record stood when the report was made final, ${d.fmt(d.recordFrozenAt)}: what was recorded later is not in these figures.`;
}

/**
 * DRAFT until final (and CHANGED SINCE MADE FINAL on a final report that says something else
 * now, so a page is never taken for the version issued), EXERCISE for an exercise, DEMO DATA
 * for the demonstration coalition, plus the handling marking.
 */
export function markingOf(d: Pick<AarDocumentData, 'view'>): string {
  const r = d.view.report;
  return [r.status === 'draft' ? 'DRAFT' : r.finalSince?.changed ? 'CHANGED SINCE MADE FINAL' : null, r.exercise ? 'EXERCISE' : null, d.view.demo ? 'DEMO DATA' : null, r.marking || null].filter(Boolean).join(' · ');
}

/**
 * A section's text for print. Versions saved at the same time and not yet reconciled are all
 * printed, each with who wrote it and when, under a line saying so: printing the newest alone
 * would pass one planner's text off as the report's while the other is silently left out.
 * (Making a report final is refused while a section holds them; should two saves of a final
 * report meet later, by sync, they are printed the same way.)
 */
export function sectionText(d: Pick<AarDocumentData, 'view' | 'fmt'>, key: AarSectionKey): string {
  const heads = d.view.sections.find((s) => s.key === key)?.heads ?? [];
  if (heads.length <= 1) return heads[0]?.text ?? '';
  return [
    `NOT RECONCILED: ${heads.length} versions of this section were saved at the same time. ${heads.length === 2 ? 'Both are' : 'All are'} printed until a planner keeps one or writes one text from them.`,
    ...heads.map((h, i) => `Version ${i + 1}, by ${h.operatorName ?? 'unknown'}${h.positionTitle ? ` (${h.positionTitle})` : ''}, ${d.fmt(h.at)}:\n${h.text}`),
  ].join('\n\n');
}

/** The improvement plan matrix (Appendix A) as rows, shared by the DOCX, the PDF and the CSV. */
export const IP_COLUMNS = [
  'Capability',
  'Issue/Area for improvement',
  'Corrective action',
  'Capability element',
  'Primary responsible organization',
  'Organization POC',
  'Start date',
  'Completion date',
  'Status',
] as const;

export function ipRows(d: Pick<AarDocumentData, 'view'>): string[][] {
  return d.view.actions.map((a) => [
    a.capabilityLabel ?? '',
    a.observationTitle,
    a.action,
    ELEMENT_LABELS[a.element],
    a.responsibleOrgName ?? '',
    a.poc,
    a.startOn ?? '',
    a.dueOn ?? '',
    [ACTION_STATUS_LABELS[a.status], a.overdue ? 'OVERDUE' : null, a.recurring ? 'Recurring' : null].filter(Boolean).join('\n'),
  ]);
}
