import { move, recount, type Movement } from '../../../../shared/domain/inventory-rules';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { conflict, notFound } from '../../errors';

/**
 * The only code that changes how much of a holding is allocated. Each movement is a record
 * of fact in `allocations` and an update of the holding's counters, in the caller's
 * transaction, so the stock and the request event that moved it commit together or not at all.
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
  const r = db.prepare('SELECT name, unit, held_quantity, allocated_quantity, status FROM inventory WHERE id = ? AND deleted = 0').get(id) as StockRow | undefined;
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
  tx.put('inventory', m.inventoryId, { held_quantity: r.stock.held, allocated_quantity: r.stock.allocated });
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
  tx.put('inventory', id, { held_quantity: held, last_counted_at: countedAt });
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
