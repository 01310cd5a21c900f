import type { Db } from '../../db/open';

/** One event of the significant events board, as the after-action timeline prints it. */
export interface BoardEventForReview {
  entryId: string;
  occurredAt: number;
  text: string;
  positionTitle: string;
  operatorName: string | null;
}

/**
 * The approved board of an incident in the order the events happened, in one indexed
 * query: the after-action timeline needs only these columns, not each entry's full state.
 */
export function boardForReview(db: Db, incidentId: string): BoardEventForReview[] {
  return db
    .prepare(
      `SELECT DISTINCT e.id AS entryId, e.occurred_at AS occurredAt, e.text, coalesce(p.title, 'Unknown position') AS positionTitle, e.operator_name AS operatorName
       FROM significant_reviews r JOIN log_entries e ON e.id = r.entry_id LEFT JOIN positions p ON p.id = e.position_id
       WHERE r.incident_id = ? AND r.approved = 1
       ORDER BY e.occurred_at, e.id`,
    )
    .all(incidentId) as BoardEventForReview[];
}

/** Proposals nobody has reviewed yet, oldest first. */
export function unreviewedForReview(db: Db, incidentId: string): BoardEventForReview[] {
  return db
    .prepare(
      `SELECT e.id AS entryId, e.occurred_at AS occurredAt, e.text, coalesce(p.title, 'Unknown position') AS positionTitle, e.operator_name AS operatorName
       FROM significant_proposals s JOIN log_entries e ON e.id = s.entry_id LEFT JOIN positions p ON p.id = e.position_id
       WHERE s.incident_id = ? AND NOT EXISTS (SELECT 1 FROM significant_reviews r WHERE r.proposal_id = s.id)
       ORDER BY e.occurred_at, e.id`,
    )
    .all(incidentId) as BoardEventForReview[];
}
