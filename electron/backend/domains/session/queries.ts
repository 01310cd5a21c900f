import type { Position, Session } from '../../../../shared/contract';
import type { Db } from '../../db/open';

interface PositionRow {
  id: string;
  code: string;
  title: string;
  section: string;
  custom: number;
}

const toPosition = (r: PositionRow): Position => ({ ...r, custom: r.custom === 1 });

export function listPositions(db: Db): Position[] {
  return (
    db
      .prepare('SELECT id, code, title, section, custom FROM positions WHERE deleted = 0 ORDER BY custom, section, title')
      .all() as PositionRow[]
  ).map(toPosition);
}

export function getPosition(db: Db, id: string): Position | null {
  const r = db.prepare('SELECT id, code, title, section, custom FROM positions WHERE id = ? AND deleted = 0').get(id) as
    | PositionRow
    | undefined;
  return r ? toPosition(r) : null;
}

export function positionByCode(db: Db, code: string): Position | null {
  const r = db
    .prepare('SELECT id, code, title, section, custom FROM positions WHERE code = ? AND deleted = 0')
    .get(code) as PositionRow | undefined;
  return r ? toPosition(r) : null;
}

export function currentSession(db: Db, workstationId: string): Session | null {
  const r = db
    .prepare(
      'SELECT operator_name, position_id, signed_in_at FROM local_session WHERE workstation_id = ?',
    )
    .get(workstationId) as { operator_name: string; position_id: string; signed_in_at: number } | undefined;
  if (!r) return null;
  const position = getPosition(db, r.position_id);
  if (!position) return null;
  return { operatorName: r.operator_name, position, workstationId, signedInAt: r.signed_in_at };
}

export function setSession(db: Db, workstationId: string, operatorName: string, positionId: string, at: number): void {
  db.prepare(
    `INSERT INTO local_session (workstation_id, operator_name, position_id, signed_in_at) VALUES (?,?,?,?)
     ON CONFLICT(workstation_id) DO UPDATE SET operator_name = excluded.operator_name,
       position_id = excluded.position_id, signed_in_at = excluded.signed_in_at`,
  ).run(workstationId, operatorName, positionId, at);
}

export function clearSession(db: Db, workstationId: string): boolean {
  return db.prepare('DELETE FROM local_session WHERE workstation_id = ?').run(workstationId).changes > 0;
}
