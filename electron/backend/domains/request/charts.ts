import type { MethodOutput } from '../../../../shared/contract';
import { isOpen, OPEN_STATUSES, PRIORITIES, PRIORITY_LABELS, type Priority, type RequestStatus } from '../../../../shared/domain/request-state';
import { FILL_SOURCE_LABELS, FILL_SOURCES, type FillSource } from '../../../../shared/domain/sourcing';
import type { Db } from '../../db/open';

type Charts = MethodOutput<'request.charts'>;

function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * The three charts of an incident's resource requests, computed from the events (the
 * record), not from the current row: status over time is the events replayed.
 */
export function requestCharts(db: Db, incidentId: string, buckets: number, now: number): Charts {
  const events = db
    .prepare(
      `SELECT e.request_id AS id, e.action, e.to_status AS status, e.occurred_at AS at FROM request_events e
       JOIN requests r ON r.id = e.request_id WHERE r.incident_id = ? AND r.deleted = 0 ORDER BY e.occurred_at, e.recorded_at`,
    )
    .all(incidentId) as { id: string; action: string; status: RequestStatus; at: number }[];
  const from = events[0]?.at ?? null;

  // Open requests by status at the end of each bucket.
  const statusOverTime: Charts['statusOverTime'] = [];
  if (from !== null) {
    const span = Math.max(1, now - from);
    const current = new Map<string, RequestStatus>();
    let i = 0;
    for (let b = 1; b <= buckets; b++) {
      const at = Math.round(from + (span * b) / buckets);
      while (i < events.length && events[i]!.at <= at) {
        current.set(events[i]!.id, events[i]!.status);
        i++;
      }
      const counts: Record<string, number> = Object.fromEntries(OPEN_STATUSES.map((s) => [s, 0]));
      let open = 0;
      for (const s of current.values()) {
        if (!isOpen(s)) continue;
        counts[s] = (counts[s] ?? 0) + 1;
        open++;
      }
      statusOverTime.push({ at, counts, open });
    }
  }

  // Time to fill: from first submission to first receipt, by priority.
  const reqs = db
    .prepare('SELECT id, priority, status FROM requests WHERE incident_id = ? AND deleted = 0')
    .all(incidentId) as { id: string; priority: Priority; status: RequestStatus }[];
  const submitted = new Map<string, number>();
  const received = new Map<string, number>();
  const approved = new Set<string>();
  for (const e of events) {
    if (e.action === 'submit' && !submitted.has(e.id)) submitted.set(e.id, e.at);
    if (e.action === 'receive' && !received.has(e.id)) received.set(e.id, e.at);
    if (e.action === 'approve') approved.add(e.id);
  }
  const timeToFill = PRIORITIES.map((priority) => {
    const mine = reqs.filter((r) => r.priority === priority && submitted.has(r.id));
    const durations = mine
      .filter((r) => received.has(r.id))
      .map((r) => received.get(r.id)! - submitted.get(r.id)!)
      .sort((a, b) => a - b);
    return {
      priority,
      priorityLabel: PRIORITY_LABELS[priority],
      filled: durations.length,
      medianMs: percentile(durations, 50),
      p90Ms: percentile(durations, 90),
      stillOpen: mine.filter((r) => !received.has(r.id) && isOpen(r.status)).length,
    };
  });

  // Fill rate by source: share of the quantity requested on approved requests, cancelled excluded.
  const counted = reqs.filter((r) => approved.has(r.id) && r.status !== 'cancelled').map((r) => r.id);
  const ids = JSON.stringify(counted);
  const { requested } = db
    .prepare('SELECT coalesce(sum(quantity), 0) AS requested FROM request_lines WHERE deleted = 0 AND request_id IN (SELECT value FROM json_each(?))')
    .get(ids) as { requested: number };
  const bySource = db
    .prepare(
      `SELECT f.source, sum(f.quantity) AS quantity, count(*) AS fills FROM request_fills f
       WHERE f.kind = 'fill' AND f.request_id IN (SELECT value FROM json_each(?))
         AND NOT EXISTS (SELECT 1 FROM request_fills w WHERE w.withdraws_fill_id = f.id)
       GROUP BY f.source`,
    )
    .all(ids) as { source: FillSource; quantity: number; fills: number }[];
  const filled = bySource.reduce((n, s) => n + s.quantity, 0);
  const share = (q: number) => (requested > 0 ? q / requested : 0);
  const fillRateBySource: Charts['fillRateBySource'] = FILL_SOURCES.map((source) => {
    const s = bySource.find((x) => x.source === source);
    return { source, label: FILL_SOURCE_LABELS[source], quantity: s?.quantity ?? 0, fills: s?.fills ?? 0, share: share(s?.quantity ?? 0) };
  });
  const unfilled = Math.max(0, requested - filled);
  fillRateBySource.push({ source: 'unfilled', label: 'Not yet sourced', quantity: unfilled, fills: 0, share: share(unfilled) });

  return { from, to: now, statusOverTime, timeToFill, fillRateBySource, quantityRequested: requested };
}
