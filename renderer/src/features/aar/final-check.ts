import type { AarReportView } from '../../../../shared/contract';
import { unreconciled } from '../../../../shared/domain/aar-outline';

/**
 * A final report is the version the coalition issued: its text, objectives, ratings and
 * observations are not edited until it is set back to Draft (the backend refuses them too).
 * Its corrective actions are still tracked.
 */
export const isLocked = (view: AarReportView) => view.report.status === 'final';

/** Sections holding versions saved at the same time that nobody has reconciled: the backend refuses Final while any does. */
export const unreconciledSections = (view: AarReportView) => unreconciled(view.sections);

/**
 * What a planner making the report final should know is still open: asked about, not
 * refused (HSEEP leaves it to the planner whether a report can go final with a section
 * unwritten or while the incident runs on).
 */
export function finalWarnings(view: AarReportView): string[] {
  const out: string[] = [];
  const unwritten = view.sections.filter((s) => !s.heads.some((h) => h.text.trim()));
  if (unwritten.length) out.push(`Not written yet: ${unwritten.map((s) => s.title).join(', ')}.`);
  const undecided = view.observations.filter((o) => o.status === 'candidate').length;
  if (undecided) out.push(`${undecided === 1 ? 'One proposal' : `${undecided} proposals`} from the record not decided (not printed until accepted).`);
  if (view.report.incidentStatus === 'open') {
    out.push(`The ${view.report.exercise ? 'exercise' : 'incident'} is still open: the report keeps the figures drawn from its record as they stand now; what is recorded later is not in them.`);
  }
  return out;
}

/**
 * A refusal of Final names the sections it was about; once all of them read as one text it
 * no longer applies and is not left on screen (the words follow what is corrected).
 */
export function refusalStands(error: { error: { details?: unknown } } | null, view: AarReportView): boolean {
  const named = (error?.error.details as { sections?: string[] } | undefined)?.sections;
  if (!error || !named) return !!error;
  const split = new Set<string>(unreconciledSections(view).map((s) => s.key));
  return named.some((k) => split.has(k));
}
