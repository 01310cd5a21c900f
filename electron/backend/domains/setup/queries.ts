import type { Coalition } from '../../../../shared/contract';
import type { Db } from '../../db/open';

export function getCoalition(db: Db): Coalition | null {
  const row = db
    .prepare('SELECT id, name, region, time_zone AS timeZone FROM coalition WHERE deleted = 0 LIMIT 1')
    .get() as Coalition | undefined;
  return row ?? null;
}

export function getWorkstation(db: Db, id: string): { id: string; name: string | null } {
  const row = db.prepare('SELECT id, name FROM workstations WHERE id = ?').get(id) as
    | { id: string; name: string | null }
    | undefined;
  return row ?? { id, name: null };
}

export function isConfigured(db: Db, workstationId: string): boolean {
  return getCoalition(db) !== null && getWorkstation(db, workstationId).name !== null;
}
