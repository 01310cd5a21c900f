import type { SituationSnapshot } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { openPeriodRow, type IncidentRow } from '../incident/queries';
import { countKind, refOf } from '../timeline/queries';

const HOUR_MS = 3_600_000;

/**
 * Open resource requests, when the requests module (issue 4) is installed: its table
 * may not exist yet, so it is looked for rather than assumed. Terminal statuses are
 * not open.
 */
function openRequests(db: Db, incidentId: string): number | null {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'requests'").get();
  if (!table) return null;
  const cols = new Set((db.prepare("SELECT name FROM pragma_table_info('requests')").all() as { name: string }[]).map((c) => c.name));
  if (!cols.has('incident_id') || !cols.has('status')) return null;
  const r = db
    .prepare(
      `SELECT count(*) AS n FROM requests WHERE incident_id = ?
       AND status NOT IN ('closed', 'cancelled', 'canceled', 'denied', 'draft')${cols.has('deleted') ? ' AND deleted = 0' : ''}`,
    )
    .get(incidentId) as { n: number };
  return r.n;
}

/** What the situation was when a decision was recorded, kept with it for the record. */
export function takeSnapshot(db: Db, incident: IncidentRow, now: number): SituationSnapshot {
  const inc = refOf(db, incident.id);
  const count = (kind: string, from?: number) => (inc === null ? 0 : countKind(db, inc, kind, from));
  const period = openPeriodRow(db, incident.id);
  const significant = db
    .prepare('SELECT count(*) AS n FROM significant_reviews WHERE incident_id = ? AND approved = 1')
    .get(incident.id) as { n: number };
  const pending = db
    .prepare(
      `SELECT count(*) AS n FROM significant_proposals s WHERE s.incident_id = ?
       AND NOT EXISTS (SELECT 1 FROM significant_reviews r WHERE r.proposal_id = s.id)`,
    )
    .get(incident.id) as { n: number };
  const inForce = db
    .prepare(
      `SELECT count(*) AS n FROM decisions d WHERE d.incident_id = ?
       AND NOT EXISTS (SELECT 1 FROM decisions s WHERE s.supersedes_id = d.id)`,
    )
    .get(incident.id) as { n: number };
  return {
    capturedAt: now,
    activationLevel: incident.level_name ?? 'Unknown level',
    currentPeriod: period ? { id: period.id, number: period.number, startsAt: period.starts_at, endsAt: period.ends_at } : null,
    openRequests: openRequests(db, incident.id),
    logEntries: count('entry'),
    logEntriesLastHour: count('entry', now - HOUR_MS),
    significantEvents: significant.n,
    pendingProposals: pending.n,
    messages: count('message'),
    decisionsInForce: inForce.n,
  };
}
