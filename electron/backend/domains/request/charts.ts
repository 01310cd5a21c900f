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

  // Fill rate by source, approved requests, cancelled excluded. Each line counts once: its
  // units (vans, ambulances, respirators) are never added to another line's.
  const counted = reqs.filter((r) => approved.has(r.id) && r.status !== 'cancelled').map((r) => r.id);
  const ids = JSON.stringify(counted);
  const lines = db
    .prepare('SELECT id, kind, unit, quantity FROM request_lines WHERE deleted = 0 AND request_id IN (SELECT value FROM json_each(?))')
    .all(ids) as { id: string; kind: string; unit: string | null; quantity: number }[];
  const fills = db
    .prepare(
      `SELECT f.line_id AS lineId, f.source, sum(f.quantity) AS quantity, count(*) AS fills FROM request_fills f
       WHERE f.kind = 'fill' AND f.request_id IN (SELECT value FROM json_each(?))
         AND NOT EXISTS (SELECT 1 FROM request_fills w WHERE w.withdraws_fill_id = f.id)
       GROUP BY f.line_id, f.source`,
    )
    .all(ids) as { lineId: string; source: FillSource; quantity: number; fills: number }[];
  const lineQty = new Map(lines.map((l) => [l.id, l.quantity]));
  const worth = new Map<string, { lines: number; fills: number }>();
  const filledOf = new Map<string, number>();
  for (const f of fills) {
    const q = lineQty.get(f.lineId);
    if (!q) continue;
    const w = worth.get(f.source) ?? { lines: 0, fills: 0 };
    w.lines += Math.min(1, f.quantity / q);
    w.fills += f.fills;
    worth.set(f.source, w);
    filledOf.set(f.lineId, (filledOf.get(f.lineId) ?? 0) + f.quantity);
  }
  const n = lines.length;
  const fillRateBySource: Charts['fillRateBySource'] = FILL_SOURCES.map((source) => {
    const w = worth.get(source) ?? { lines: 0, fills: 0 };
    return { source, label: FILL_SOURCE_LABELS[source], lines: w.lines, fills: w.fills, share: n ? w.lines / n : 0 };
  });
  const unfilled = lines.reduce((s, l) => s + Math.max(0, 1 - (filledOf.get(l.id) ?? 0) / l.quantity), 0);
  fillRateBySource.push({ source: 'unfilled', label: 'Not yet sourced', lines: unfilled, fills: 0, share: n ? unfilled / n : 0 });

  const kinds = new Map<string, Charts['byKind'][number]>();
  for (const l of lines) {
    const key = `${l.kind}\u0000${l.unit ?? ''}`;
    const k = kinds.get(key) ?? { kind: l.kind, unit: l.unit, requested: 0, filled: 0 };
    k.requested += l.quantity;
    k.filled += Math.min(l.quantity, filledOf.get(l.id) ?? 0);
    kinds.set(key, k);
  }
  const byKind = [...kinds.values()].sort((a, b) => a.kind.localeCompare(b.kind));

  return { from, to: now, statusOverTime, timeToFill, fillRateBySource, linesRequested: n, byKind };
}
