import type { AarReportView, Observation } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { isDemo } from '../demo/queries';
import { coalitionToday } from '../directory/queries';
import { toActions } from './actions';
import { capabilityLabels } from './catalogue';
import { acceptedAfis, actionRows, evidenceOf, listObjectives, observationRows, reportOfIncident } from './queries';
import { keptParticipants } from './issued';
import { participantsOf } from './participants';
import { recurrences } from './recurrence';
import { sectionsOf } from './sections';

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
    // A final report's, as kept when it was made final: staff and requesters added later are not in its Appendix B.
    participants: (report.finalSince?.figuresKept && keptParticipants(db, report.id)) || participantsOf(db, incidentId),
    demo: isDemo(db),
    today,
  };
}
