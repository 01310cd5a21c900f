import type { Touched } from '../../db/apply';
import { typeLabel } from '../../../../shared/domain/nims';
import type { Db } from '../../db/open';
import type { DeriveTx } from '../../db/writer';
import { isOpen, PRIORITY_RANK, type Priority, type RequestStatus } from '../../../../shared/domain/request-state';
import { fillsOf, linesOf, requestRow } from './queries';

interface StepRow {
  action: string;
  to_status: RequestStatus;
  occurred_at: number;
  detail: string;
}

/**
 * Everything on the request row that follows from its steps, lines and fills: the current
 * status (the last step's, steps ordered by when they happened, then when recorded, then
 * id, the same order on every workstation), when it entered it, when it was submitted and
 * ages from, the last ETA given, total quantities, the earliest requested arrival, the
 * one-line summary and the text the board searches. Never written by a handler and never
 * synced: recomputed after every apply that touches the request, its lines, its steps,
 * its fills or its requesting organisation.
 */
export function refreshDerived(tx: DeriveTx, db: Db, requestId: string): void {
  const r = requestRow(db, requestId);
  if (!r) return;
  const steps = db
    .prepare('SELECT action, to_status, occurred_at, detail FROM request_events WHERE request_id = ? ORDER BY occurred_at, recorded_at, id')
    .all(requestId) as StepRow[];
  let status: RequestStatus = 'draft';
  let since = r.created_at;
  let submitted: number | null = null;
  let eta: number | null = null;
  let first = true;
  for (const s of steps) {
    if (first || s.to_status !== status) since = s.occurred_at;
    first = false;
    status = s.to_status;
    if (s.action === 'submit' && submitted === null) submitted = s.occurred_at;
    if (s.action === 'mark_en_route') eta = Number((JSON.parse(s.detail) as { eta?: number }).eta ?? null) || null;
  }
  const lines = linesOf(db, requestId);
  const fills = fillsOf(db, requestId).filter((f) => !f.withdrawn);
  const org = db.prepare('SELECT name FROM organisations WHERE id = ?').get(r.requesting_organisation_id) as { name: string } | undefined;
  const arrivals = lines.map((l) => l.requested_arrival).filter((t): t is number => t !== null);
  const firstLine = lines[0];
  const summary = firstLine
    ? `${firstLine.quantity} ${firstLine.kind}${firstLine.type ? ` (${typeLabel(firstLine.type)})` : ''}${lines.length > 1 ? ` + ${lines.length - 1} more line${lines.length > 2 ? 's' : ''}` : ''}`
    : 'No lines';
  const search = [r.number, org?.name, r.requested_by_name, r.requested_by_position, r.delivery_location, r.substitutes, ...lines.flatMap((l) => [l.kind, l.type, l.description])]
    .filter(Boolean)
    .join(' ');
  const requested = lines.reduce((n, l) => n + l.quantity, 0);
  tx.derive('requests', requestId, {
    priority_rank: PRIORITY_RANK[r.priority as Priority] ?? 0,
    status,
    status_since: since,
    is_open: isOpen(status) ? 1 : 0,
    submitted_at: submitted,
    aged_from: submitted ?? steps[0]?.occurred_at ?? r.created_at,
    eta,
    quantity_requested: requested,
    quantity_filled: Math.min(
      requested,
      fills.reduce((n, f) => n + f.quantity, 0),
    ),
    requested_arrival: arrivals.length ? Math.min(...arrivals) : null,
    summary,
    search_text: search,
  });
}

/** The requests an apply touched, directly or through a line, a step, a fill or a renamed requestor. */
export function deriveRequests(tx: DeriveTx, touched: Touched): void {
  const ids = new Set<string>(touched.rows.get('requests') ?? []);
  const db = tx.db;
  for (const lineId of touched.rows.get('request_lines') ?? []) {
    const l = db.prepare('SELECT request_id FROM request_lines WHERE id = ?').get(lineId) as { request_id: string } | undefined;
    if (l) ids.add(l.request_id);
  }
  // The board searches the requesting organisation's name.
  for (const orgId of touched.rows.get('organisations') ?? []) {
    for (const id of db.prepare('SELECT id FROM requests WHERE requesting_organisation_id = ? AND deleted = 0').pluck().all(orgId) as string[]) ids.add(id);
  }
  for (const f of touched.facts) if (f.table === 'request_events' || f.table === 'request_fills') ids.add(String(f.row.request_id));
  for (const id of ids) refreshDerived(tx, db, id);
}
