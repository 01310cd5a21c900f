import { createHash } from 'node:crypto';
import { canonicalRow } from '../../../../shared/domain/canonical';
import { ident } from '../../db/apply';
import { isLocalTable } from '../../db/derived';
import { FACT_TABLES } from '../../db/migrations';
import type { Db } from '../../db/open';

/** Tables every workstation of a coalition must hold identically once they have synced. */
export function syncedTables(db: Db): { mutable: string[]; facts: string[] } {
  const tables = (
    // Views too: log_entries is a view over log_rows since migration 16.
    db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name").pluck().all() as string[]
  ).filter((t) => !isLocalTable(t));
  const hasHlc = (t: string) =>
    (db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(t, 'updated_hlc') as unknown) !== undefined;
  return {
    mutable: tables.filter((t) => !FACT_TABLES.has(t) && hasHlc(t)),
    facts: tables.filter((t) => FACT_TABLES.has(t)),
  };
}

/**
 * A hash over the canonical content of every synced table (mutable rows with their derived
 * columns, records of fact, the change log, the chain links) and of the values derived into
 * local tables (stock, the conflict queue). Two workstations that hold the same record give
 * the same hash, whatever order it reached them in.
 */
export function contentHash(db: Db): { hash: string; perTable: Record<string, string> } {
  const { mutable, facts } = syncedTables(db);
  const perTable: Record<string, string> = {};
  const all = createHash('sha256');
  const add = (name: string, sql: string) => {
    const h = createHash('sha256');
    for (const r of db.prepare(sql).iterate() as Iterable<Record<string, unknown>>)
      h.update(canonicalRow(r)).update('\n');
    perTable[name] = h.digest('hex');
    all.update(`${name}:${perTable[name]}\n`);
  };
  for (const t of [...mutable, ...facts]) add(t, `SELECT * FROM ${ident(t)} ORDER BY id`);
  add(
    'changes',
    'SELECT id, hlc, table_name, row_id, column_name, value, workstation_id, operator_name, position_title, recorded_at, base_hlc FROM changes ORDER BY id',
  );
  add('fact_chain', 'SELECT * FROM fact_chain ORDER BY workstation_id, seq');
  add('inventory_stock', 'SELECT * FROM inventory_stock ORDER BY inventory_id');
  add('sync_set_aside', 'SELECT * FROM sync_set_aside ORDER BY table_name, row_id');
  add(
    'sync_conflicts',
    'SELECT table_name, row_id, column_name, winner_id, loser_id FROM sync_conflicts ORDER BY table_name, row_id, column_name, loser_id',
  );
  return { hash: all.digest('hex'), perTable };
}
