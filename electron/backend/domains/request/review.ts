import type { Priority, RequestStatus } from '../../../../shared/domain/request-state';
import type { FillSource } from '../../../../shared/domain/sourcing';
import type { Db } from '../../db/open';

/** One request of an incident as an after-action review sees it: when asked for, when filled. */
export interface ReviewedRequest {
  id: string;
  number: string;
  priority: Priority;
  status: RequestStatus;
  summary: string;
  organisation: string;
  submittedAt: number | null;
  /** First receipt: the request was filled (time to fill ends here). */
  receivedAt: number | null;
  /** When it was cancelled or denied, if it was. */
  endedAt: number | null;
}

/**
 * Every submitted request of an incident with its first submission and receipt, read from
 * the request events (the record) in one pass over the incident's requests.
 */
export function requestsForReview(db: Db, incidentId: string): ReviewedRequest[] {
  return db
    .prepare(
      `SELECT r.id, r.number, r.priority, r.status, r.summary, coalesce(o.name, 'Unknown organisation') AS organisation,
         min(CASE WHEN e.action = 'submit' THEN e.occurred_at END) AS submittedAt,
         min(CASE WHEN e.action = 'receive' THEN e.occurred_at END) AS receivedAt,
         min(CASE WHEN e.to_status IN ('cancelled', 'denied') THEN e.occurred_at END) AS endedAt
       FROM requests r LEFT JOIN organisations o ON o.id = r.requesting_organisation_id
       LEFT JOIN request_events e ON e.request_id = r.id
       WHERE r.incident_id = ? AND r.deleted = 0 AND r.status != 'draft'
       GROUP BY r.id
       ORDER BY length(r.number), r.number`,
    )
    .all(incidentId) as ReviewedRequest[];
}

/** Quantity and fills per source (withdrawn fills excluded), and which requests each source served. */
export function fillSourcesForReview(db: Db, incidentId: string): { source: FillSource; fills: number; quantity: number; requestIds: string[] }[] {
  const rows = db
    .prepare(
      `SELECT f.source, count(*) AS fills, sum(f.quantity) AS quantity, json_group_array(DISTINCT f.request_id) AS ids
       FROM request_fills f JOIN requests r ON r.id = f.request_id
       WHERE r.incident_id = ? AND r.deleted = 0 AND f.kind = 'fill'
         AND NOT EXISTS (SELECT 1 FROM request_fills w WHERE w.withdraws_fill_id = f.id)
       GROUP BY f.source ORDER BY quantity DESC`,
    )
    .all(incidentId) as { source: FillSource; fills: number; quantity: number; ids: string }[];
  return rows.map((r) => ({ source: r.source, fills: r.fills, quantity: r.quantity, requestIds: JSON.parse(r.ids) as string[] }));
}
