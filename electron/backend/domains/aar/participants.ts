import type { AarReportView } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { exerciseOfIncident } from '../exercise/queries';
import { listPeriods } from '../incident/queries';
import { requestsForReview } from '../request/review';

/**
 * Appendix B. For an exercise, its roster with attendance; for a real incident, who the
 * record shows took part: the staff of each period (with their home agency) and every
 * organisation that asked for resources. A final report keeps them with its figures (issued.ts).
 */
export function participantsOf(db: Db, incidentId: string): AarReportView['participants'] {
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
