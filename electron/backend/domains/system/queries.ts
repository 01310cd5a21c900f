import type { Db } from '../../db/open';

export function listWorkstations(db: Db): { id: string; name: string | null }[] {
  return db.prepare('SELECT id, name FROM workstations WHERE deleted = 0 ORDER BY name').all() as { id: string; name: string | null }[];
}

/** A workstation as people know it: its name, else the start of its id. */
export function workstationLabel(db: Db, id: string): string {
  const row = db.prepare('SELECT name FROM workstations WHERE id = ?').get(id) as { name: string | null } | undefined;
  return row?.name ?? `workstation ${id.slice(0, 8)}`;
}

interface AuditRow {
  id: string;
  action: string;
  detail: string;
  operator_name: string | null;
  position_title: string | null;
  workstation_id: string;
  recorded_at: number;
}

/**
 * An entry's detail, or nothing from one that is not a JSON object: an entry damaged on disk,
 * or received from a hostile workstation, is listed (and named by the integrity check), and
 * does not take the whole list down with it.
 */
function detailOf(text: string): Record<string, unknown> {
  try {
    const d: unknown = JSON.parse(text);
    return typeof d === 'object' && d !== null && !Array.isArray(d) ? (d as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function recentAudit(db: Db, limit: number) {
  const rows = db
    .prepare(
      // A report made final keeps the figures it read from the record in its entry (aar/issued.ts):
      // kept in the record, not sent to a list that shows one line per entry.
      `SELECT id, action, CASE WHEN action = 'aar.finalised' AND json_valid(detail) THEN json_remove(detail, '$.record') ELSE detail END AS detail,
              operator_name, position_title, workstation_id, recorded_at
       FROM audit_entries ORDER BY recorded_at DESC, id DESC LIMIT ?`,
    )
    .all(limit) as AuditRow[];
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    detail: detailOf(r.detail),
    operatorName: r.operator_name,
    positionTitle: r.position_title,
    workstationId: r.workstation_id,
    recordedAt: r.recorded_at,
  }));
}
