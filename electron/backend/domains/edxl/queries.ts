import type { Db } from '../../db/open';

/** Requests of an incident already imported from EDXL-RM message `messageId`, by number. */
export function importedFrom(db: Db, incidentId: string, messageId: string): string[] {
  const rows = db
    .prepare(
      `SELECT r.number FROM request_events e JOIN requests r ON r.id = e.request_id
        WHERE e.action = 'import' AND json_extract(e.detail, '$.messageId') = ? AND r.incident_id = ?
        ORDER BY r.number`,
    )
    .all(messageId, incidentId) as { number: string }[];
  return rows.map((r) => r.number);
}
