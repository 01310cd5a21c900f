import type { Service } from '../../../../shared/contract';
import { SERVICE_TYPE_LABELS, type ServiceType } from '../../../../shared/domain/service';
import type { Db } from '../../db/open';
import { placeOf, type PlaceRow } from '../directory/queries';

interface ServiceRow extends PlaceRow {
  id: string;
  name: string;
  type: ServiceType;
  hours: string | null;
  capacity: number | null;
  accessibility: string | null;
  languages: string;
  phone: string | null;
  notes: string | null;
  demo: number;
}

const toService = (r: ServiceRow): Service => ({
  id: r.id,
  name: r.name,
  type: r.type,
  typeLabel: SERVICE_TYPE_LABELS[r.type],
  hours: r.hours,
  capacity: r.capacity,
  accessibility: r.accessibility,
  languages: JSON.parse(r.languages) as string[],
  phone: r.phone,
  ...placeOf(r),
  notes: r.notes,
  demo: r.demo === 1,
});

export function getService(db: Db, id: string): Service | null {
  const r = db.prepare('SELECT * FROM services WHERE id = ? AND deleted = 0').get(id) as ServiceRow | undefined;
  return r ? toService(r) : null;
}

/** By type, then name; a search matches name, town, type, languages or accessibility. */
export function listServices(db: Db, type?: ServiceType, search?: string | null): Service[] {
  const rows = db
    .prepare(
      `SELECT * FROM services WHERE deleted = 0 AND (@type IS NULL OR type = @type)
       AND (@q IS NULL OR (name || ' ' || town || ' ' || type || ' ' || languages || ' ' || coalesce(accessibility, '')) LIKE '%' || @q || '%' ESCAPE '\\')
       ORDER BY type, name COLLATE NOCASE`,
    )
    .all({ type: type ?? null, q: search ? search.replace(/[\\%_]/g, (c) => `\\${c}`) : null }) as ServiceRow[];
  return rows.map(toService);
}
