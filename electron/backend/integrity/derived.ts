import type { Db } from '../db/open';
import { keyedChain, linkOfRow } from '../db/row-key';
import { isOpen, type RequestStatus } from '../../../shared/domain/request-state';
import { stockFrom } from '../domains/inventory/stock';
import { recordNoun, type ProblemList } from './problem';

const has = (db: Db, table: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;

/**
 * Values the writer keeps from records of fact, recomputed from those records and
 * compared: a request's status is the to_status of its newest step (in the order the
 * state machine saw them: recorded time, then chain order), and an item's allocated stock
 * is what its movements leave allocated. A difference means the value was edited outside
 * the console (or the facts were).
 */
export function checkDerived(db: Db, problems: ProblemList): void {
  if (has(db, 'requests') && has(db, 'request_events')) {
    // A request's own steps by their index, each checked to be chained by its link's index.
    // Written as a join through the fact_chain view, the planner walked every chained step
    // of every request for each request: 48 s for 2,700 requests, and growing as its square.
    const link = linkOfRow(keyedChain(db), 'c', "'request_events'", 'e.id');
    const rows = db
      .prepare(
        `SELECT r.id, r.number, r.status, r.is_open,
                (SELECT e.to_status FROM request_events e
                  WHERE e.request_id = r.id
                    AND EXISTS (SELECT 1 FROM ${link.from} WHERE ${link.on})
                  ORDER BY e.occurred_at DESC, e.recorded_at DESC, e.id DESC LIMIT 1) AS derived
           FROM requests r WHERE r.deleted = 0`,
      )
      .all() as { id: string; number: string; status: string; is_open: number; derived: string | null }[];
    for (const r of rows) {
      if (r.derived === null) continue; // a request with no recorded step yet has nothing to compare
      if (r.status !== r.derived) {
        problems.push({
          kind: 'derived',
          workstationId: null,
          seq: null,
          table: 'requests',
          rowId: r.id,
          problem: `Request ${r.number} shows status "${r.status}", but its newest recorded step leads to "${r.derived}": the status was edited outside the console`,
        });
      } else if (r.is_open !== (isOpen(r.derived as RequestStatus) ? 1 : 0)) {
        problems.push({
          kind: 'derived',
          workstationId: null,
          seq: null,
          table: 'requests',
          rowId: r.id,
          problem: `Request ${r.number} is marked ${r.is_open ? 'open' : 'closed'}, but its status "${r.derived}" says otherwise: edited outside the console`,
        });
      }
    }
  }
  if (has(db, 'inventory_stock')) checkStock(db, problems);
  else if (has(db, 'inventory') && has(db, 'allocations')) checkOldStock(db, problems);
}

/**
 * Stock held and allocated (kept in inventory_stock since sync) against the holding's last
 * count and its movements, by the rule the write path applies after every apply.
 */
function checkStock(db: Db, problems: ProblemList): void {
  const rows = db
    .prepare(
      `SELECT i.id, i.name, i.counted_quantity, i.consumed_at_count, s.held, s.allocated
         FROM inventory i LEFT JOIN inventory_stock s ON s.inventory_id = i.id`,
    )
    .all() as { id: string; name: string; counted_quantity: number; consumed_at_count: number; held: number | null; allocated: number | null }[];
  for (const r of rows) {
    const d = stockFrom(db, r.id, r);
    const push = (problem: string) =>
      problems.push({ kind: 'derived', workstationId: null, seq: null, table: 'inventory', rowId: r.id, problem });
    if (r.allocated === null || r.held === null) push(`${r.name} has no stock figures: they were removed outside the console`);
    else if (r.allocated !== d.allocated)
      push(`${r.name} shows ${r.allocated} allocated, but its recorded stock movements leave ${d.allocated} allocated: edited outside the console`);
    else if (r.held !== d.held)
      push(`${r.name} shows ${r.held} held, but its last count and the uses recorded since leave ${d.held} held: edited outside the console`);
  }
}

/** A store from before sync kept allocated stock on the holding itself. */
function checkOldStock(db: Db, problems: ProblemList): void {
  const rows = db
    .prepare(
      `SELECT i.id, i.name, i.allocated_quantity AS allocated,
              coalesce((SELECT sum(CASE a.movement WHEN 'allocate' THEN a.quantity ELSE -a.quantity END)
                          FROM allocations a WHERE a.inventory_id = i.id), 0) AS derived
         FROM inventory i`,
    )
    .all() as { id: string; name: string; allocated: number; derived: number }[];
  for (const r of rows) {
    if (r.allocated !== r.derived) {
      problems.push({
        kind: 'derived',
        workstationId: null,
        seq: null,
        table: 'inventory',
        rowId: r.id,
        problem: `${r.name} shows ${r.allocated} allocated, but its recorded stock movements leave ${r.derived} allocated: edited outside the console`,
      });
    }
  }
}

/**
 * The outbox against the records it describes: every field of a mutable record equals the
 * newest change recorded for it (last writer wins per field). A field edited outside the
 * console, or a change row forged or removed, breaks this. `sinceHlc` limits the check to
 * fields changed after the last check.
 */
export function checkOutbox(db: Db, problems: ProblemList, sinceHlc = ''): { newestHlc: string } {
  const newest = (db.prepare('SELECT max(hlc) AS h FROM changes').get() as { h: string | null }).h ?? sinceHlc;
  const tables = (db.prepare('SELECT DISTINCT table_name AS t FROM changes WHERE hlc > ?').all(sinceHlc) as { t: string }[]).map((r) => r.t);
  for (const table of tables) {
    if (!/^[a-z_][a-z0-9_]*$/.test(table) || !has(db, table)) {
      problems.push({ kind: 'outbox', workstationId: null, seq: null, table, rowId: null, problem: `The changes outbox names a table ${table} that this store does not have` });
      continue;
    }
    const cols = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
    const latest = db
      .prepare(
        `SELECT c.row_id, c.column_name, c.value FROM changes c
          WHERE c.table_name = @t
            AND c.row_id IN (SELECT row_id FROM changes WHERE table_name = @t AND hlc > @since)
            AND c.hlc = (SELECT max(hlc) FROM changes c2 WHERE c2.table_name = @t AND c2.row_id = c.row_id AND c2.column_name = c.column_name)`,
      )
      .all({ t: table, since: sinceHlc }) as { row_id: string; column_name: string; value: string | null }[];
    const byRow = new Map<string, { column: string; value: string | null }[]>();
    for (const c of latest) {
      if (!byRow.has(c.row_id)) byRow.set(c.row_id, []);
      byRow.get(c.row_id)!.push({ column: c.column_name, value: c.value });
    }
    const rowStmt = db.prepare(`SELECT * FROM ${table} WHERE id = ?`);
    for (const [rowId, fields] of byRow) {
      const row = rowStmt.get(rowId) as Record<string, unknown> | undefined;
      if (!row) {
        problems.push({ kind: 'outbox', workstationId: null, seq: null, table, rowId, problem: `${recordNoun(table)} ${rowId} has recorded changes but is gone: deleted outside the console (the console only tombstones)` });
        continue;
      }
      for (const f of fields) {
        if (!cols.has(f.column)) continue;
        const actual = JSON.stringify(row[f.column] ?? null);
        if (actual !== (f.value ?? 'null')) {
          problems.push({
            kind: 'outbox',
            workstationId: null,
            seq: null,
            table,
            rowId,
            problem: `${recordNoun(table)} ${rowId}: its ${f.column.replace(/_/g, ' ')} is ${actual.slice(0, 80)}, but its newest recorded change says ${String(f.value).slice(0, 80)}: edited outside the console`,
          });
          break;
        }
      }
    }
  }
  return { newestHlc: newest };
}
