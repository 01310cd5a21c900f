import { hash } from 'node:crypto';
import {
  canonicalColumns,
  canonicalValue,
  chainPayload,
  GENESIS_HASH,
  type CanonicalForms,
} from '../../../shared/domain/canonical';
import { CANONICAL_FORMS } from '../../../shared/domain/canonical-forms';
import type { Db } from './open';

// The verifier that walks these chains is electron/backend/integrity/verify.ts.

export interface ChainHead {
  seq: number;
  hash: string;
}

/** SHA-256 of the UTF-8 bytes of `s`, in hex: the one-shot form builds no Hash object (a few µs a link). */
export function sha256(s: string): string {
  return hash('sha256', s, 'hex');
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
  const parts: string[] = [];
  for (const [col, key] of layout(forms, table, version)) {
    if (!(col in row)) throw new Error(`The row has no column ${col}, which its canonical form covers`);
    parts.push(key + canonicalValue(col, row[col]));
  }
  // The same bytes as canonicalFact (keys sorted, each as JSON): only the sorting and the
  // quoting of the column names are done once per form instead of once per row.
  return sha256(chainPayload(prevHash, table, `{${parts.join(',')}}`, version));
}

const layouts = new WeakMap<CanonicalForms, Map<string, readonly (readonly [string, string])[]>>();

/** A form's columns in canonical order, each with its `"name":` prefix. */
function layout(forms: CanonicalForms, table: string, version: number): readonly (readonly [string, string])[] {
  let byForm = layouts.get(forms);
  if (!byForm) layouts.set(forms, (byForm = new Map()));
  const k = `${table}\u0000${version}`;
  let l = byForm.get(k);
  if (!l) {
    l = [...canonicalColumns(forms, table, version)].sort().map((c) => [c, `${JSON.stringify(c)}:`] as const);
    byForm.set(k, l);
  }
  return l;
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
