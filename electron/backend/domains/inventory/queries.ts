import { INVENTORY_STATUS_LABELS, type InventoryItem, type InventoryStatus, type Movement } from '../../../../shared/contract';
import { normalizeKind } from '../../../../shared/domain/nims';
import type { Db } from '../../db/open';

interface ItemRow {
  id: string;
  category: string;
  resource_class: string;
  kind: string;
  type: string | null;
  name: string;
  unit: string;
  location: string;
  owner_organisation_id: string;
  owner_name: string;
  status: InventoryStatus;
  held_quantity: number;
  allocated_quantity: number;
  last_counted_at: number | null;
  notes: string | null;
  consumable: number;
  demo: number;
}

const SELECT = `SELECT i.id, i.category, i.resource_class, i.kind, i.type, i.name, i.unit, i.location, i.owner_organisation_id,
  o.name AS owner_name, i.status, s.held AS held_quantity, s.allocated AS allocated_quantity, i.last_counted_at, i.notes, i.consumable, i.demo
  FROM inventory i JOIN organisations o ON o.id = i.owner_organisation_id JOIN inventory_stock s ON s.inventory_id = i.id`;

const toItem = (r: ItemRow): InventoryItem => ({
  id: r.id,
  category: r.category,
  resourceClass: r.resource_class,
  kind: r.kind,
  type: r.type,
  name: r.name,
  unit: r.unit,
  location: r.location,
  ownerOrganisationId: r.owner_organisation_id,
  ownerName: r.owner_name,
  status: r.status,
  statusLabel: INVENTORY_STATUS_LABELS[r.status],
  heldQuantity: r.held_quantity,
  allocatedQuantity: r.allocated_quantity,
  availableQuantity: r.held_quantity - r.allocated_quantity,
  lastCountedAt: r.last_counted_at,
  notes: r.notes,
  consumable: r.consumable === 1,
  demo: r.demo === 1,
});

export interface InventoryFilter {
  search?: string | null | undefined;
  category?: string | undefined;
  kind?: string | null | undefined;
  ownerOrganisationId?: string | undefined;
  status?: InventoryStatus | undefined;
  availableOnly: boolean;
  limit: number;
  offset: number;
}

export function listInventory(db: Db, f: InventoryFilter): { items: InventoryItem[]; total: number } {
  const where = ['i.deleted = 0'];
  const p: Record<string, unknown> = { limit: f.limit, offset: f.offset };
  if (f.search) {
    where.push("(i.name LIKE @q ESCAPE '\\' OR i.kind LIKE @q ESCAPE '\\' OR i.location LIKE @q ESCAPE '\\' OR o.name LIKE @q ESCAPE '\\')");
    p.q = `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (f.category) {
    where.push('i.category = @category');
    p.category = f.category;
  }
  if (f.kind) {
    where.push('i.kind_key = @kindKey');
    p.kindKey = normalizeKind(f.kind);
  }
  if (f.ownerOrganisationId) {
    where.push('i.owner_organisation_id = @owner');
    p.owner = f.ownerOrganisationId;
  }
  if (f.status) {
    where.push('i.status = @status');
    p.status = f.status;
  }
  if (f.availableOnly) where.push("s.held > s.allocated AND i.status <> 'not_available'");
  const w = where.join(' AND ');
  const items = (db.prepare(`${SELECT} WHERE ${w} ORDER BY i.kind COLLATE NOCASE, o.name COLLATE NOCASE, i.name LIMIT @limit OFFSET @offset`).all(p) as ItemRow[]).map(toItem);
  const { n } = db
    .prepare(`SELECT count(*) AS n FROM inventory i JOIN organisations o ON o.id = i.owner_organisation_id JOIN inventory_stock s ON s.inventory_id = i.id WHERE ${w}`)
    .get(p) as { n: number };
  return { items, total: n };
}

export function getItem(db: Db, id: string): InventoryItem | null {
  const r = db.prepare(`${SELECT} WHERE i.id = ? AND i.deleted = 0`).get(id) as ItemRow | undefined;
  return r ? toItem(r) : null;
}

/** Holdings of a kind, most available first: what the resource unit checks a line against. */
export function itemsOfKind(db: Db, kind: string): InventoryItem[] {
  return (
    db
      .prepare(`${SELECT} WHERE i.kind_key = ? AND i.deleted = 0 ORDER BY (s.held - s.allocated) DESC, i.name`)
      .all(normalizeKind(kind)) as ItemRow[]
  ).map(toItem);
}

export function movementsOf(db: Db, inventoryId: string): Movement[] {
  return db
    .prepare(
      `SELECT a.id, a.movement, a.quantity, a.request_id AS requestId, r.number AS requestNumber, l.line_no AS lineNo,
         a.occurred_at AS occurredAt, a.recorded_at AS recordedAt, a.operator_name AS operatorName, a.position_title AS positionTitle
       FROM allocations a JOIN requests r ON r.id = a.request_id JOIN request_lines l ON l.id = a.line_id
       WHERE a.inventory_id = ? ORDER BY a.recorded_at DESC, a.id DESC`,
    )
    .all(inventoryId) as Movement[];
}

export function kindTotals(db: Db): { kind: string; kindKey: string; category: string; resourceClass: string; unit: string; held: number; available: number; consumable: number }[] {
  return db
    .prepare(
      `SELECT min(kind) AS kind, kind_key AS kindKey, min(category) AS category, min(resource_class) AS resourceClass, min(unit) AS unit,
         sum(s.held) AS held, sum(CASE WHEN status <> 'not_available' THEN s.held - s.allocated ELSE 0 END) AS available,
         max(consumable) AS consumable
       FROM inventory i JOIN inventory_stock s ON s.inventory_id = i.id WHERE deleted = 0 GROUP BY kind_key`,
    )
    .all() as never;
}
