import { move, recount, type Movement } from '../../../../shared/domain/inventory-rules';
import type { Touched } from '../../db/apply';
import type { Db } from '../../db/open';
import type { DeriveTx, WriteTx } from '../../db/writer';
import { conflict, notFound } from '../../errors';

/**
 * The only code that changes how much of a holding is allocated. Each movement is a record
 * of fact in `allocations`, in the caller's transaction; what is held and allocated follows
 * from the movements and the last count (`deriveStock`), so the stock and the request event
 * that moved it commit together or not at all, here and on every workstation it reaches.
 */
export interface MovementRecord {
  inventoryId: string;
  movement: Movement;
  quantity: number;
  requestId: string;
  lineId: string;
  fillId: string;
  eventId: string;
  /** For return and consume: the allocation they settle. */
  settlesId: string | null;
  occurredAt: number;
}

interface StockRow {
  name: string;
  unit: string;
  held_quantity: number;
  allocated_quantity: number;
  status: string;
}

function stockOf(db: Db, id: string): StockRow {
  const r = db
    .prepare('SELECT i.name, i.unit, s.held AS held_quantity, s.allocated AS allocated_quantity, i.status FROM inventory i JOIN inventory_stock s ON s.inventory_id = i.id WHERE i.id = ? AND i.deleted = 0')
    .get(id) as StockRow | undefined;
  if (!r) throw notFound('That inventory item');
  return r;
}

export function moveStock(tx: WriteTx, db: Db, m: MovementRecord): string {
  const s = stockOf(db, m.inventoryId);
  if (m.movement === 'allocate' && s.status === 'not_available') {
    throw conflict(`${s.name} is marked not available; change its status before allocating from it`);
  }
  const r = move({ held: s.held_quantity, allocated: s.allocated_quantity }, m.movement, m.quantity, s.unit);
  if (!r.ok) throw conflict(`${s.name}: ${r.message}`);
  return tx.appendFact('allocations', {
    inventory_id: m.inventoryId,
    request_id: m.requestId,
    line_id: m.lineId,
    fill_id: m.fillId,
    event_id: m.eventId,
    movement: m.movement,
    settles_id: m.settlesId,
    quantity: m.quantity,
    occurred_at: m.occurredAt,
  });
}

export function recountStock(tx: WriteTx, db: Db, id: string, held: number, countedAt: number): void {
  const s = stockOf(db, id);
  const r = recount({ held: s.held_quantity, allocated: s.allocated_quantity }, held, s.unit);
  if (!r.ok) throw conflict(`${s.name}: ${r.message}`);
  tx.put('inventory', id, { ...countFields(db, id, held), last_counted_at: countedAt });
}

/**
 * A physical count, as synced: the quantity counted and how much had been used up when it
 * was counted. A use recorded on another workstation that this one had not seen is not in
 * the count, and is still subtracted from it (held = counted - used up since).
 */
export function countFields(db: Db, id: string | null, counted: number): { counted_quantity: number; consumed_at_count: number } {
  return { counted_quantity: counted, consumed_at_count: id ? movementTotals(db, id).consumed : 0 };
}

/**
 * Units allocated from a holding, and returned or used up from those allocations. Each
 * return or use counts only up to what its allocation still had out, settlements in the
 * order they happened: two workstations cancelling the same request offline both return
 * its units, and the units come back once, not twice.
 */
function movementTotals(db: Db, id: string): { allocated: number; returned: number; consumed: number } {
  return db
    .prepare(
      `SELECT
         coalesce((SELECT sum(quantity) FROM allocations WHERE inventory_id = @id AND movement = 'allocate'), 0) AS allocated,
         coalesce(sum(CASE WHEN movement = 'return' THEN effective END), 0) AS returned,
         coalesce(sum(CASE WHEN movement = 'consume' THEN effective END), 0) AS consumed
       FROM (
         SELECT x.movement, max(0, min(x.quantity, a.quantity - (sum(x.quantity) OVER w - x.quantity))) AS effective
         FROM allocations a JOIN allocations x ON x.settles_id = a.id
         WHERE a.inventory_id = @id AND a.movement = 'allocate'
         WINDOW w AS (PARTITION BY a.id ORDER BY x.occurred_at, x.recorded_at, x.id ROWS UNBOUNDED PRECEDING)
       )`,
    )
    .get({ id }) as { allocated: number; returned: number; consumed: number };
}

/**
 * Stock held and allocated, derived after every apply that touches a holding or moves its
 * stock: allocated = allocations - returns - uses; held = the last count - uses since it.
 * Two workstations allocating the same units offline can leave more allocated than held;
 * that is kept as it is (the available quantity goes below zero) so it can be seen and
 * settled, rather than refused after the fact.
 */
export function deriveStock(tx: DeriveTx, touched: Touched): void {
  const ids = new Set<string>(touched.rows.get('inventory') ?? []);
  for (const f of touched.facts) if (f.table === 'allocations') ids.add(String(f.row.inventory_id));
  if (!ids.size) return;
  const base = tx.db.prepare('SELECT counted_quantity, consumed_at_count FROM inventory WHERE id = ?');
  const upsert = tx.db.prepare(
    'INSERT INTO inventory_stock (inventory_id, held, allocated) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET held = excluded.held, allocated = excluded.allocated WHERE held <> excluded.held OR allocated <> excluded.allocated',
  );
  for (const id of ids) {
    const b = base.get(id) as { counted_quantity: number; consumed_at_count: number } | undefined;
    if (!b) continue;
    const s = stockFrom(tx.db, id, b);
    if (upsert.run(id, s.held, s.allocated).changes) tx.touched('inventory');
  }
}

/**
 * What a holding's stock follows from: its last count and its movements. The deriver keeps
 * `inventory_stock` to this, and the integrity check compares the two.
 */
export function stockFrom(
  db: Db,
  id: string,
  base: { counted_quantity: number; consumed_at_count: number },
): { held: number; allocated: number } {
  const m = movementTotals(db, id);
  return { held: base.counted_quantity - (m.consumed - base.consumed_at_count), allocated: m.allocated - m.returned - m.consumed };
}

export interface OutstandingAllocation {
  id: string;
  inventoryId: string;
  lineId: string;
  fillId: string;
  allocated: number;
  returned: number;
  consumed: number;
  outstanding: number;
}

/** Allocations of a request still out (allocated less what was returned or consumed). */
export function allocationsOf(db: Db, requestId: string): OutstandingAllocation[] {
  return db
    .prepare(
      `SELECT a.id, a.inventory_id AS inventoryId, a.line_id AS lineId, a.fill_id AS fillId, a.quantity AS allocated,
         coalesce((SELECT sum(s.quantity) FROM allocations s WHERE s.settles_id = a.id AND s.movement = 'return'), 0) AS returned,
         coalesce((SELECT sum(s.quantity) FROM allocations s WHERE s.settles_id = a.id AND s.movement = 'consume'), 0) AS consumed
       FROM allocations a WHERE a.request_id = ? AND a.movement = 'allocate' ORDER BY a.recorded_at, a.id`,
    )
    .all(requestId)
    .map((r) => {
      const x = r as Omit<OutstandingAllocation, 'outstanding'>;
      return { ...x, outstanding: x.allocated - x.returned - x.consumed };
    });
}
