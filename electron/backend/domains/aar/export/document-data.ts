import type { AarReportView, Framework, RecordTable } from '../../../../../shared/contract';
import { ACTION_STATUS_LABELS, ELEMENT_LABELS } from '../../../../../shared/domain/aar-outline';

/** Everything a document of the report is built from, gathered once for DOCX, PDF and CSV. */
export interface AarDocumentData {
  view: AarReportView;
  framework: Framework | null;
  record: RecordTable[];
  coalitionName: string;
  /** Whether the incident timeline appendix is printed (a real incident, not a planned exercise). */
  timelineAppendix: boolean;
  generatedAt: number;
  generatedBy: string;
  fmt(ms: number): string;
  fmtDay(ms: number): string;
}

/** DRAFT until final, EXERCISE for an exercise, DEMO DATA for the demonstration coalition, plus the handling marking. */
export function markingOf(d: Pick<AarDocumentData, 'view'>): string {
  const r = d.view.report;
  return [r.status === 'draft' ? 'DRAFT' : null, r.exercise ? 'EXERCISE' : null, d.view.demo ? 'DEMO DATA' : null, r.marking || null].filter(Boolean).join(' · ');
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
