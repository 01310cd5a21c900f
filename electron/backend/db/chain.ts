import { createHash } from 'node:crypto';
import {
  canonicalColumns,
  canonicalFact,
  chainPayload,
  GENESIS_HASH,
  type CanonicalForms,
} from '../../../shared/domain/canonical';
import { CANONICAL_FORMS } from '../../../shared/domain/canonical-forms';
import type { Db } from './open';

export interface ChainHead {
  seq: number;
  hash: string;
}

export function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/**
 * The hash of one chain link: the previous link's hash, the table, and the row over exactly
 * the columns of canonical form `version` of that table. The writer, the verifier and
 * sync's receiver all compute it here.
 */
export function linkHash(
  prevHash: string,
  table: string,
  version: number,
  row: Readonly<Record<string, unknown>>,
  forms: CanonicalForms = CANONICAL_FORMS,
): string {
  return sha256(chainPayload(prevHash, table, canonicalFact(row, canonicalColumns(forms, table, version)), version));
}

const SAFE_IDENT = /^[a-z_][a-z0-9_]*$/;

/** `SELECT <the columns of form version> FROM table WHERE id = ?`: what a link's hash covers. */
export function canonicalSelect(table: string, version: number, forms: CanonicalForms = CANONICAL_FORMS): string {
  const cols = canonicalColumns(forms, table, version);
  for (const c of [table, ...cols]) if (!SAFE_IDENT.test(c)) throw new Error(`Unsafe SQL identifier ${c}`);
  return `SELECT ${cols.join(', ')} FROM ${table} WHERE id = ?`;
}

export function readHead(db: Db, workstationId: string): ChainHead {
  const row = db
    .prepare('SELECT seq, hash FROM fact_chain WHERE workstation_id = ? ORDER BY seq DESC LIMIT 1')
    .get(workstationId) as { seq: number; hash: string } | undefined;
  return row ?? { seq: 0, hash: GENESIS_HASH };
}

export interface ChainProblem {
  workstationId: string;
  seq: number | null;
  table: string;
  rowId: string | null;
  problem: string;
}

export interface VerifyResult {
  ok: boolean;
  checkedLinks: number;
  workstations: number;
  problems: ChainProblem[];
}

/**
 * Walks every workstation's chain from its first link, recomputing each hash from the
 * stored row, and names the rows that do not match: an edited row, a deleted row, a
 * removed or reordered link, and a record of fact that never entered the chain.
 */
export function verifyChains(
  db: Db,
  factTables: Iterable<string>,
  maxProblems = 100,
  forms: CanonicalForms = CANONICAL_FORMS,
): VerifyResult {
  const problems: ChainProblem[] = [];
  const push = (p: ChainProblem) => {
    if (problems.length < maxProblems) problems.push(p);
  };
  const tables = [...factTables];
  for (const t of tables) if (!SAFE_IDENT.test(t)) throw new Error(`Unsafe table name ${t}`);
  const known = new Set(tables);
  const rowStmts = new Map<string, ReturnType<Db['prepare']>>();
  const rowStmt = (table: string, version: number) => {
    if (!known.has(table) || !forms[table]?.[version - 1]) return undefined;
    const key = `${table}@${version}`;
    let s = rowStmts.get(key);
    if (!s) rowStmts.set(key, (s = db.prepare(canonicalSelect(table, version, forms))));
    return s;
  };
  const workstations = (db.prepare('SELECT DISTINCT workstation_id AS w FROM fact_chain').all() as { w: string }[]).map(
    (r) => r.w,
  );
  let checked = 0;
  const links = db.prepare(
    'SELECT seq, table_name, row_id, prev_hash, hash, canon_version FROM fact_chain WHERE workstation_id = ? ORDER BY seq',
  );
  for (const w of workstations) {
    let prev = GENESIS_HASH;
    let expectedSeq = 1;
    for (const l of links.iterate(w) as Iterable<{
      seq: number;
      table_name: string;
      row_id: string;
      prev_hash: string;
      hash: string;
      canon_version: number;
    }>) {
      checked++;
      const at = { workstationId: w, seq: l.seq, table: l.table_name, rowId: l.row_id };
      if (l.seq !== expectedSeq) push({ ...at, problem: `chain link ${expectedSeq} is missing` });
      expectedSeq = l.seq + 1;
      if (l.prev_hash !== prev) push({ ...at, problem: 'the link before this one was changed or removed' });
      const stmt = rowStmt(l.table_name, l.canon_version);
      const row = stmt?.get(l.row_id) as Record<string, unknown> | undefined;
      if (!stmt) push({ ...at, problem: `unknown table ${l.table_name} or canonical form version ${l.canon_version}` });
      else if (!row) push({ ...at, problem: 'the row was deleted' });
      else if (linkHash(l.prev_hash, l.table_name, l.canon_version, row, forms) !== l.hash)
        push({ ...at, problem: 'the row was altered' });
      prev = l.hash;
    }
  }
  for (const t of tables) {
    const orphans = db
      .prepare(
        `SELECT x.id, x.workstation_id AS w FROM ${t} x LEFT JOIN fact_chain c ON c.table_name = ? AND c.row_id = x.id WHERE c.row_id IS NULL LIMIT ?`,
      )
      .all(t, maxProblems) as { id: string; w: string }[];
    for (const o of orphans)
      push({ workstationId: o.w, seq: null, table: t, rowId: o.id, problem: 'the row is not in the chain (inserted outside the console)' });
  }
  return { ok: problems.length === 0, checkedLinks: checked, workstations: workstations.length, problems };
}
