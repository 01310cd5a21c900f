import type { RecordTable } from '../../../../../shared/contract';
import { incidentEeiFigures, type IncidentEeiFigures } from '../../status/request-metrics';
import { duration, plural, type CandidateDraft, type DraftContext, type RecordSource } from './types';

const J1 = 'HPP-PHEP measure J.1: percent of partners reporting requested essential elements of information within the requested timeframe.';
const pct = (share: number | null) => (share === null ? '-' : `${Math.round(share * 100)}%`);
type Req = IncidentEeiFigures['requests'][number];

/** "2 of 5 facilities missed the deadline of Bed report, 14:00": one per request someone missed. */
function lateCandidate(ctx: DraftContext, r: Req): CandidateDraft {
  const f = r.figures;
  return {
    ruleKey: `status.late:${r.id}`,
    kind: 'afi',
    topic: 'information',
    title: `${f.asked - f.onTime} of ${plural(f.asked, 'facility', 'facilities')} missed the "${r.title}" deadline`,
    reference: J1,
    analysis: [
      `Requested ${ctx.fmt(r.requestedAt)}, due ${ctx.fmt(r.deadline)}; ${f.onTime} of ${f.asked} answered on time (${pct(f.onTimeShare)}).`,
      ...r.late.map((l) => (l.answeredAt === null ? `${l.name}: no answer.` : `${l.name}: answered ${ctx.fmt(l.answeredAt)}, ${duration(l.answeredAt - r.deadline)} after the deadline.`)),
    ].join('\n'),
    evidence: [],
  };
}

/**
 * Facility status (EEI) figures, read through the status domain when the incident has
 * them: each status request's on-time share (J.1) and minutes to the last report
 * (PM17/PM19), by partner type, and the facilities whose status was stale at the end of
 * the span reviewed. An incident that asked for no status and has no stale values adds nothing.
 */
export const statusSource: RecordSource = {
  name: 'status',
  read(ctx: DraftContext) {
    const eei = incidentEeiFigures(ctx.db, ctx.incident.id, ctx.until);
    if (!eei.requests.length && !eei.facilitiesStale && !eei.facilitiesOverdue) return { tables: [], candidates: [] };
    const answered: RecordTable = {
      key: 'status-requests',
      source: 'status',
      title: 'Facility status requests answered on time',
      intro:
        `${eei.overall.onTime} of ${plural(eei.overall.asked, 'facility request', 'facility requests')} answered by the deadline (${pct(eei.overall.onTimeShare)}, HPP J.1). ` +
        'Min. to last: minutes from the request to the last report (PM17/PM19), shown once every facility asked has answered.',
      columns: ['Request', 'Requested', 'Deadline', 'Asked', 'On time', 'Share', 'Min. to last', 'Unanswered', 'By partner type'],
      rows: eei.requests.map((r) => ({
        cells: [
          r.title,
          ctx.fmt(r.requestedAt),
          ctx.fmt(r.deadline),
          String(r.figures.asked),
          String(r.figures.onTime),
          pct(r.figures.onTimeShare),
          r.figures.minutesToLast === null ? '-' : String(r.figures.minutesToLast),
          String(r.figures.outstanding),
          r.byDiscipline.map((d) => `${d.label} ${d.onTime}/${d.asked}`).join('; '),
        ],
        evidence: [],
      })),
    };
    const stale: RecordTable = {
      key: 'status-stale',
      source: 'status',
      title: 'Facilities with stale status reports',
      intro: `At ${ctx.fmt(ctx.until)}: values past their reporting interval (stale) or past twice it (overdue), at the activation level then in force.`,
      columns: ['Stale', 'Overdue'],
      rows: [{ cells: [String(eei.facilitiesStale), String(eei.facilitiesOverdue)], evidence: [] }],
    };
    const candidates = eei.requests.filter((r) => r.figures.onTime < r.figures.asked).map((r) => lateCandidate(ctx, r));
    const allOnTime = eei.requests.filter((r) => r.figures.asked > 0 && r.figures.onTime === r.figures.asked);
    if (eei.requests.length && allOnTime.length === eei.requests.length) {
      candidates.push({
        ruleKey: 'status.on-time',
        kind: 'strength',
        topic: 'information',
        title: `Every facility answered ${plural(allOnTime.length, 'status request')} by the deadline`,
        reference: J1,
        analysis: allOnTime.map((r) => `${r.title}: ${r.figures.asked} of ${r.figures.asked} on time${r.figures.minutesToLast === null ? '' : `, last report ${r.figures.minutesToLast} min after the request`}.`).join('\n'),
        evidence: [],
      });
    }
    return { tables: [answered, stale], candidates };
  },
};
