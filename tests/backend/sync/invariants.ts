import type { Db } from '../../../electron/backend/db/open';

/**
 * Inventory conservation, recomputed from the records alone: per holding, allocated is what
 * its allocations still have out (each return or use counted up to what its allocation had
 * left, in the order they happened), held is the last count less what was used up after
 * it, and available is the rest. Returns the first holding that disagrees, or null.
 */
export function conservationProblem(db: Db): string | null {
  const items = db
    .prepare(
      'SELECT i.id, i.counted_quantity, i.consumed_at_count, s.held, s.allocated FROM inventory i LEFT JOIN inventory_stock s ON s.inventory_id = i.id',
    )
    .all() as {
    id: string;
    counted_quantity: number;
    consumed_at_count: number;
    held: number | null;
    allocated: number | null;
  }[];
  for (const it of items) {
    if (it.held === null || it.allocated === null) return `holding ${it.id} has no derived stock`;
    const allocs = db
      .prepare("SELECT id, quantity FROM allocations WHERE inventory_id = ? AND movement = 'allocate'")
      .all(it.id) as { id: string; quantity: number }[];
    let out = 0;
    let consumed = 0;
    for (const a of allocs) {
      let left = a.quantity;
      const settles = db
        .prepare(
          'SELECT movement, quantity FROM allocations WHERE settles_id = ? ORDER BY occurred_at, recorded_at, id',
        )
        .all(a.id) as { movement: string; quantity: number }[];
      for (const s of settles) {
        const q = Math.min(s.quantity, left);
        left -= q;
        if (s.movement === 'consume') consumed += q;
      }
      out += left;
    }
    if (it.allocated !== out) return `holding ${it.id}: allocated ${it.allocated}, its movements leave ${out} out`;
    if (it.allocated < 0) return `holding ${it.id}: allocated below zero`;
    const held = it.counted_quantity - (consumed - it.consumed_at_count);
    if (it.held !== held) return `holding ${it.id}: held ${it.held}, count and uses give ${held}`;
  }
  return null;
}

/**
 * Request consistency: each request's status is the destination of its last step (steps in
 * the order they happened), it is open exactly when that status is open, and what is filled
 * is what its fills, less withdrawals, put against it (at most what it asks for).
 */
export function requestProblem(db: Db): string | null {
  const rows = db
    .prepare('SELECT id, number, status, is_open, quantity_requested, quantity_filled FROM requests')
    .all() as {
    id: string;
    number: string;
    status: string;
    is_open: number;
    quantity_requested: number;
    quantity_filled: number;
  }[];
  const closed = new Set(['denied', 'closed', 'cancelled']);
  for (const r of rows) {
    const last = db
      .prepare(
        'SELECT to_status FROM request_events WHERE request_id = ? ORDER BY occurred_at DESC, recorded_at DESC, id DESC LIMIT 1',
      )
      .pluck()
      .get(r.id) as string | undefined;
    if ((last ?? 'draft') !== r.status) return `${r.number}: status ${r.status}, last step says ${last}`;
    if ((r.is_open === 1) === closed.has(r.status))
      return `${r.number}: open flag ${r.is_open} with status ${r.status}`;
    const requested = db
      .prepare('SELECT coalesce(sum(quantity), 0) FROM request_lines WHERE request_id = ? AND deleted = 0')
      .pluck()
      .get(r.id) as number;
    if (requested !== r.quantity_requested) return `${r.number}: asks ${r.quantity_requested}, lines ${requested}`;
    const filled = db
      .prepare(
        "SELECT coalesce(sum(quantity), 0) FROM request_fills f WHERE request_id = ? AND kind = 'fill' AND NOT EXISTS (SELECT 1 FROM request_fills w WHERE w.withdraws_fill_id = f.id)",
      )
      .pluck()
      .get(r.id) as number;
    if (Math.min(filled, requested) !== r.quantity_filled)
      return `${r.number}: filled ${r.quantity_filled}, fills ${filled}`;
  }
  return null;
}
