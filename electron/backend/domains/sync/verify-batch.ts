import { GENESIS_HASH, type CanonicalForms } from '../../../../shared/domain/canonical';
import type { Applier } from '../../db/apply';
import { linkHash } from '../../db/chain';
import { JSON_COLUMNS, jsonFault } from '../../db/json-columns';
import { BOOKKEEPING_COLUMNS, isLocalTable } from '../../db/derived';
import { FACT_TABLES } from '../../db/migrations';
import type { Batch } from './batch';

/** Why a batch is refused outright: named so an operator can tell the peer what is wrong. */
export interface BatchFault {
  origin: string;
  table: string | null;
  rowId: string | null;
  seq: number | null;
  problem: string;
}

/**
 * Checks everything a batch says about itself before any of it is applied: each origin's
 * facts follow one another link by link, each row hashes to its link, each change belongs
 * to the origin and range its part claims and names a synced field of this schema. A batch
 * that fails is refused whole (nothing of it is written), so a tampered row cannot slip in
 * beside honest ones.
 */
export function verifyBatch(b: Batch, applier: Applier, forms: CanonicalForms): BatchFault | null {
  for (const p of b.parts) {
    if (p.changes) {
      const { after, upTo, rows } = p.changes;
      let prior: { hlc: string; id: string } | null = null;
      for (const c of rows) {
        const at = { origin: p.origin, table: c.table_name, rowId: c.row_id, seq: null };
        // Oldest first, as every sender reads them (clock, then id): so no change comes twice.
        if (prior && (c.hlc < prior.hlc || (c.hlc === prior.hlc && c.id <= prior.id)))
          return { ...at, problem: 'the part\'s changes are out of order or repeated' };
        prior = c;
        if (c.workstation_id !== p.origin || !c.hlc.endsWith(`-${p.origin}`))
          return { ...at, problem: 'a change is not from the workstation its part names' };
        if (c.hlc <= after || c.hlc > upTo)
          return { ...at, problem: 'a change lies outside the range its part claims' };
        if (FACT_TABLES.has(c.table_name) || isLocalTable(c.table_name))
          return { ...at, problem: `${c.table_name} is not a table that changes move into` };
        const cols = applier.columnsOf(c.table_name);
        if (!cols.has('updated_hlc'))
          return { ...at, problem: `${c.table_name} is not a synced table of this version` };
        if (!cols.has(c.column_name) || BOOKKEEPING_COLUMNS.has(c.column_name))
          return { ...at, problem: `${c.table_name}.${c.column_name} is not a synced field` };
        if (c.value !== null) {
          let v: unknown;
          try {
            v = JSON.parse(c.value);
          } catch {
            return { ...at, problem: 'a change holds a value that is not JSON' };
          }
          if (v !== null && typeof v !== 'string' && typeof v !== 'number')
            return { ...at, problem: 'a change holds a value of no column type' };
          const bad = jsonFault(c.table_name, c.column_name, v);
          if (bad) return { ...at, problem: `a change's ${bad}` };
        }
      }
    }
    if (p.facts) {
      let seq = p.facts.after;
      let prev: string | null = p.facts.after === 0 ? GENESIS_HASH : null;
      for (const f of p.facts.rows) {
        const l = f.link;
        const at = { origin: p.origin, table: l.table_name, rowId: l.row_id, seq: l.seq };
        if (l.workstation_id !== p.origin || f.row.workstation_id !== p.origin)
          return { ...at, problem: 'a record is not from the workstation its part names' };
        if (l.seq !== seq + 1) return { ...at, problem: `link ${seq + 1} is missing from the part` };
        if (prev !== null && l.prev_hash !== prev)
          return { ...at, problem: 'its previous-link hash does not match the link before it' };
        if (!FACT_TABLES.has(l.table_name))
          return { ...at, problem: `${l.table_name} is not a table of records of fact` };
        if (f.row.id !== l.row_id) return { ...at, problem: 'the row is not the one its link names' };
        const cols = applier.columnsOf(l.table_name);
        const unknown = Object.keys(f.row).find((k) => !cols.has(k));
        if (unknown) return { ...at, problem: `${l.table_name} has no column ${unknown} in this version` };
        if (!forms[l.table_name]?.[l.canon_version - 1])
          return { ...at, problem: `${l.table_name} has no canonical form ${l.canon_version} in this version` };
        let hash: string;
        try {
          hash = linkHash(l.prev_hash, l.table_name, l.canon_version, f.row, forms);
        } catch (e) {
          return { ...at, problem: `the row has no canonical form (${(e as Error).message})` };
        }
        if (hash !== l.hash)
          return { ...at, problem: 'the row does not match its hash: it was altered after it was recorded' };
        // Hashed as its origin wrote it, and still not what its readers can read: refused here,
        // rather than stopping the insert (held forever) or every screen that shows it.
        for (const col of Object.keys(JSON_COLUMNS[l.table_name] ?? {})) {
          const bad = jsonFault(l.table_name, col, f.row[col]);
          if (bad) return { ...at, problem: `the record's ${bad}` };
        }
        seq = l.seq;
        prev = l.hash;
      }
    }
  }
  return null;
}
