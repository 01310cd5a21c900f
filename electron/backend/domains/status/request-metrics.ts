import type { Discipline } from '../../../../shared/domain/disciplines';
import { DISCIPLINE_LABELS } from '../../../../shared/domain/disciplines';
import { requestFigures, type RequestFigures } from '../../../../shared/domain/status-rules';
import type { Db } from '../../db/open';
import { getOrganisation } from '../directory/queries';
import { facilityStatuses } from './queries';
import { parseVals } from './values';

export interface StatusRequestRow {
  id: string;
  incident_id: string | null;
  title: string;
  message: string | null;
  type_ids: string;
  organisation_ids: string;
  selection: string;
  deadline: number;
  occurred_at: number;
  recorded_at: number;
  operator_name: string | null;
}

export function statusRequestRow(db: Db, id: string): StatusRequestRow | null {
  return (db.prepare('SELECT * FROM status_requests WHERE id = ?').get(id) as StatusRequestRow | undefined) ?? null;
}

export function statusRequestRows(db: Db, incidentId?: string): StatusRequestRow[] {
  return (
    incidentId
      ? db.prepare('SELECT * FROM status_requests WHERE incident_id = ? ORDER BY occurred_at DESC').all(incidentId)
      : db.prepare('SELECT * FROM status_requests ORDER BY occurred_at DESC').all()
  ) as StatusRequestRow[];
}

export interface Response {
  at: number;
  reportId: string;
}

/**
 * Each facility's response to a status request: its first report, by the time it was
 * given, made after the request went out that was entered against the request or carries
 * at least one of the fields asked for. A report typed in late keeps the time the facility
 * gave it, so a phoned-in answer is on time when the call was.
 */
export function responsesTo(db: Db, r: StatusRequestRow): Map<string, Response | null> {
  const asked = JSON.parse(r.organisation_ids) as string[];
  const fields = new Set(JSON.parse(r.type_ids) as string[]);
  const out = new Map<string, Response | null>(asked.map((id) => [id, null]));
  const rows = db
    .prepare(
      `SELECT id, organisation_id, occurred_at, status_request_id, vals FROM status_reports
       WHERE organisation_id IN (SELECT value FROM json_each(?)) AND occurred_at >= ? ORDER BY occurred_at, recorded_at`,
    )
    .all(r.organisation_ids, r.occurred_at) as { id: string; organisation_id: string; occurred_at: number; status_request_id: string | null; vals: string }[];
  for (const x of rows) {
    if (out.get(x.organisation_id)) continue;
    if (x.status_request_id === r.id || parseVals(x.vals).some((v) => fields.has(v.t))) out.set(x.organisation_id, { at: x.occurred_at, reportId: x.id });
  }
  return out;
}

export function figuresOf(r: StatusRequestRow, responses: ReadonlyMap<string, Response | null>): RequestFigures {
  return requestFigures({ requestedAt: r.occurred_at, deadline: r.deadline, responses: [...responses.values()].map((x) => x?.at ?? null) });
}

/** Share answered against time: the request's response curve. */
export function responseCurve(r: StatusRequestRow, responses: ReadonlyMap<string, Response | null>): { at: number; share: number }[] {
  const times = [...responses.values()].flatMap((x) => (x ? [x.at] : [])).sort((a, b) => a - b);
  const asked = responses.size || 1;
  return [{ at: r.occurred_at, share: 0 }, ...times.map((at, i) => ({ at, share: (i + 1) / asked }))];
}

export interface IncidentEeiFigures {
  requests: {
    id: string;
    title: string;
    requestedAt: number;
    deadline: number;
    figures: RequestFigures;
    /** HPP J.1 by partner type (standards reference §4: Hospitals, LTC, CHCs, public health...). */
    byDiscipline: { discipline: Discipline; label: string; asked: number; onTime: number }[];
    late: { organisationId: string; name: string; answeredAt: number | null }[];
  }[];
  /** Across every request of the incident: partners asked, answered on time, the J.1 share. */
  overall: { asked: number; onTime: number; onTimeShare: number | null };
  /** Facilities with values past their reporting interval now (STALE) or twice past (OVERDUE). */
  facilitiesStale: number;
  facilitiesOverdue: number;
}

/**
 * The EEI figures of an incident for the after-action report: each status request's HPP
 * J.1 share (overall and by partner type), PM17/PM19 minutes to the last report, who was
 * late, and the facilities whose status is stale now. Computed from the record on every
 * call; nothing is stored.
 */
export function incidentEeiFigures(db: Db, incidentId: string, now: number): IncidentEeiFigures {
  let asked = 0;
  let onTime = 0;
  const requests = statusRequestRows(db, incidentId)
    .reverse()
    .map((r) => {
      const responses = responsesTo(db, r);
      const figures = figuresOf(r, responses);
      asked += figures.asked;
      onTime += figures.onTime;
      const by = new Map<Discipline, { asked: number; onTime: number }>();
      const late: IncidentEeiFigures['requests'][number]['late'] = [];
      for (const [orgId, resp] of responses) {
        const org = getOrganisation(db, orgId);
        const d = org?.discipline ?? 'other';
        const e = by.get(d) ?? { asked: 0, onTime: 0 };
        e.asked++;
        if (resp && resp.at <= r.deadline) e.onTime++;
        else late.push({ organisationId: orgId, name: org?.name ?? '(removed organisation)', answeredAt: resp?.at ?? null });
        by.set(d, e);
      }
      return {
        id: r.id,
        title: r.title,
        requestedAt: r.occurred_at,
        deadline: r.deadline,
        figures,
        byDiscipline: [...by].map(([discipline, v]) => ({ discipline, label: DISCIPLINE_LABELS[discipline], ...v })),
        late,
      };
    });
  const { facilities } = facilityStatuses(db, now);
  return {
    requests,
    overall: { asked, onTime, onTimeShare: asked ? onTime / asked : null },
    facilitiesStale: facilities.filter((f) => f.stale > 0 && f.overdue === 0).length,
    facilitiesOverdue: facilities.filter((f) => f.overdue > 0).length,
  };
}
