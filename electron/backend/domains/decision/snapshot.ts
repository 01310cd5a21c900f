import type { SituationSnapshot } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { periodRows, type IncidentRow } from '../incident/queries';
import { countKind, refOf } from '../timeline/queries';

const HOUR_MS = 3_600_000;

/** Statuses in which a request is not (or no longer) waiting on anyone. */
const NOT_OPEN = "('closed', 'cancelled', 'denied', 'draft')";

/** Open resource requests at `at`: each request's status after its last event up to then. */
function openRequestsAt(db: Db, incidentId: string, at: number): number {
  const r = db
    .prepare(
      `SELECT count(*) AS n FROM requests q
       WHERE q.incident_id = ? AND q.deleted = 0
         AND (SELECT e.to_status FROM request_events e WHERE e.request_id = q.id AND e.occurred_at <= ?
              ORDER BY e.occurred_at DESC, e.recorded_at DESC LIMIT 1) NOT IN ${NOT_OPEN}`,
    )
    .get(incidentId, at) as { n: number };
  return r.n;
}

/**
 * What the situation was at `at`, the time the decision was made (which the operator may
 * type hours after the fact): everything is counted as of then, not as of the recording.
 * The activation level is the incident's current one: its changes are not kept as history.
 */
export function takeSnapshot(db: Db, incident: IncidentRow, at: number): SituationSnapshot {
  const inc = refOf(db, incident.id);
  const count = (kind: string, from?: number) => (inc === null ? 0 : countKind(db, inc, kind, from, at));
  const period = periodRows(db, incident.id).find((p) => p.starts_at <= at && (at < p.ends_at || (p.status === 'open' && p.closed_at === null)));
  const significant = db
    .prepare('SELECT count(*) AS n FROM significant_reviews WHERE incident_id = ? AND approved = 1 AND occurred_at <= ?')
    .get(incident.id, at) as { n: number };
  const pending = db
    .prepare(
      `SELECT count(*) AS n FROM significant_proposals s WHERE s.incident_id = ? AND s.occurred_at <= ?
       AND NOT EXISTS (SELECT 1 FROM significant_reviews r WHERE r.proposal_id = s.id AND r.occurred_at <= ?)`,
    )
    .get(incident.id, at, at) as { n: number };
  const inForce = db
    .prepare(
      `SELECT count(*) AS n FROM decisions d WHERE d.incident_id = ? AND d.occurred_at <= ?
       AND NOT EXISTS (SELECT 1 FROM decisions s WHERE s.supersedes_id = d.id AND s.occurred_at <= ?)`,
    )
    .get(incident.id, at, at) as { n: number };
  return {
    capturedAt: at,
    activationLevel: incident.level_name ?? 'Unknown level',
    currentPeriod: period ? { id: period.id, number: period.number, startsAt: period.starts_at, endsAt: period.ends_at } : null,
    openRequests: openRequestsAt(db, incident.id, at),
    logEntries: count('entry'),
    logEntriesLastHour: count('entry', at - HOUR_MS),
    significantEvents: significant.n,
    pendingProposals: pending.n,
    messages: count('message'),
    decisionsInForce: inForce.n,
  };
}
