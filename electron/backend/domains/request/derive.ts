import { typeLabel } from '../../../../shared/domain/nims';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { fillsOf, linesOf, requestRow } from './queries';

/**
 * Keeps the request row's board fields in step with its lines and fills: total quantities,
 * the earliest requested arrival, the one-line summary and the text the board searches.
 * Called in the same transaction as every change to lines or fills.
 */
export function refreshDerived(tx: WriteTx, db: Db, requestId: string): void {
  const r = requestRow(db, requestId)!;
  const lines = linesOf(db, requestId);
  const fills = fillsOf(db, requestId).filter((f) => !f.withdrawn);
  const org = db.prepare('SELECT name FROM organisations WHERE id = ?').get(r.requesting_organisation_id) as { name: string } | undefined;
  const arrivals = lines.map((l) => l.requested_arrival).filter((t): t is number => t !== null);
  const first = lines[0];
  const summary = first
    ? `${first.quantity} ${first.kind}${first.type ? ` (${typeLabel(first.type)})` : ''}${lines.length > 1 ? ` + ${lines.length - 1} more line${lines.length > 2 ? 's' : ''}` : ''}`
    : 'No lines';
  const search = [r.number, org?.name, r.requested_by_name, r.requested_by_position, r.delivery_location, r.substitutes, ...lines.flatMap((l) => [l.kind, l.type, l.description])]
    .filter(Boolean)
    .join(' ');
  tx.put('requests', requestId, {
    quantity_requested: lines.reduce((n, l) => n + l.quantity, 0),
    quantity_filled: Math.min(
      lines.reduce((n, l) => n + l.quantity, 0),
      fills.reduce((n, f) => n + f.quantity, 0),
    ),
    requested_arrival: arrivals.length ? Math.min(...arrivals) : null,
    summary,
    search_text: search,
  });
}

/**
 * An organisation was renamed: its requests' board text still holds the old name, so a
 * search for the new one would miss them. Rewritten in the rename's own transaction.
 */
export function refreshRequestsOfOrganisation(tx: WriteTx, db: Db, organisationId: string): number {
  const ids = db.prepare('SELECT id FROM requests WHERE requesting_organisation_id = ? AND deleted = 0').pluck().all(organisationId) as string[];
  for (const id of ids) refreshDerived(tx, db, id);
  return ids.length;
}
