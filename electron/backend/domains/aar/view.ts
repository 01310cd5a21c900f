import type { AarReportView, Observation } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { isDemo } from '../demo/queries';
import { coalitionToday } from '../directory/queries';
import { exerciseOfIncident } from '../exercise/queries';
import { listPeriods } from '../incident/queries';
import { requestsForReview } from '../request/review';
import { toActions } from './actions';
import { capabilityLabels } from './catalogue';
import { acceptedAfis, actionRows, evidenceOf, listObjectives, observationRows, reportOfIncident } from './queries';
import { recurrences } from './recurrence';
import { sectionsOf } from './sections';

/**
 * Appendix B. For an exercise, its roster with attendance; for a real incident, who the
 * record shows took part: the staff of each period (with their home agency) and every
 * organisation that asked for resources.
 */
function participants(db: Db, incidentId: string): AarReportView['participants'] {
  const exercise = exerciseOfIncident(db, incidentId);
  if (exercise) return exercise.participants.map((p) => ({ name: p.name, role: p.role, organisation: p.name, attended: p.attended }));
  const out = new Map<string, AarReportView['participants'][number]>();
  for (const p of listPeriods(db, incidentId)) {
    for (const s of p.staffing) {
      if (s.holderName && !out.has(s.holderName)) {
        out.set(s.holderName, { name: s.holderName, role: `${s.positionTitle}${s.homeAgency ? `, ${s.homeAgency}` : ''}`, organisation: s.homeAgency?.split(',')[0]?.trim() || null, attended: true });
      }
    }
  }
  for (const r of requestsForReview(db, incidentId)) {
    if (!out.has(r.organisation)) out.set(r.organisation, { name: r.organisation, role: 'Requesting member organisation', organisation: r.organisation, attended: true });
  }
  return [...out.values()];
}

export function reportView(db: Db, incidentId: string, now: number): AarReportView | null {
  const report = reportOfIncident(db, incidentId);
  if (!report) return null;
  const today = coalitionToday(db, now);
  const rows = observationRows(db, report.id);
  const names = capabilityLabels(db, rows.flatMap((o) => (o.capability_id ? [o.capability_id] : [])));
  const recurring = recurrences(acceptedAfis(db));
  const observations: Observation[] = rows.map((o) => ({
    id: o.id,
    reportId: o.report_id,
    kind: o.kind,
    status: o.status,
    ruleKey: o.rule_key,
    objectiveId: o.objective_id,
    capabilityId: o.capability_id,
    capabilityLabel: o.capability_id ? (names.get(o.capability_id) ?? 'Removed capability') : null,
    title: o.title,
    reference: o.reference,
    analysis: o.analysis,
    rootCause: o.root_cause,
    evidence: evidenceOf(o),
    recurrences: recurring.get(o.id) ?? [],
  }));
  return {
    report,
    sections: sectionsOf(db, report.id),
    objectives: listObjectives(db, report.id),
    observations,
    actions: toActions(db, actionRows(db, { reportId: report.id }), today),
    participants: participants(db, incidentId),
    demo: isDemo(db),
    today,
  };
}
