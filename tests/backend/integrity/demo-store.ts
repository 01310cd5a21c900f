import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { linkHash } from '../../../electron/backend/db/chain';
import { insertSignedHead, makeSignedHead, newestSignedHead, type HeadSigner } from '../../../electron/backend/integrity/heads';
import { verifyStore, type VerifyOptions } from '../../../electron/backend/integrity/verify';
import { CANONICAL_FORMS } from '../../../shared/domain/canonical-forms';
import { canonicalColumns } from '../../../shared/domain/canonical';
import { openBackend, tempDir } from '../helpers/backend';

/**
 * A demonstration store, made once per test file (in a folder the per-test clean-up leaves
 * alone; the caller removes it) and copied for each tamper.
 */
export async function makeDemoStore(): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-demo-'));
  const t = await openBackend({ dataDir, integrityCheckMs: 0 });
  await t.call('demo.load', { workstationName: 'DEMO-EOC-1' });
  const { positions } = await t.call('position.list', {});
  await t.call('session.signIn', { operatorName: 'Dana Duty', positionId: positions.find((p) => p.code === 'HCCDO')!.id });
  await t.backend.close();
  return path.join(t.dataDir, 'eoc.sqlite');
}

export function copyOf(file: string): Database.Database {
  const copy = path.join(tempDir('eoc-tamper-'), 'eoc.sqlite');
  fs.copyFileSync(file, copy);
  return new Database(copy);
}

export const verify = (db: Database.Database, opts: VerifyOptions = {}) => verifyStore(db, opts);

/**
 * Runs `fn` as an attacker holding the file would: with the guards of `tables` dropped,
 * then put back exactly as they were, so only what `fn` did remains to be found.
 */
export function asAttacker(db: Database.Database, tables: readonly string[], fn: () => void): void {
  // The chain's guards sit on its compact table behind the fact_chain view (migration 11),
  // the log's on log_rows behind the log_entries view (migration 16); the views' own
  // triggers only pass writes on to them, and stay.
  const behind: Record<string, string> = { fact_chain: 'chain_links', log_entries: 'log_rows' };
  const named = tables.flatMap((t) => (behind[t] ? [t, behind[t]] : [t]));
  const triggers = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (${named.map(() => '?').join(',')}) AND name NOT LIKE '%_timeline'
         AND tbl_name NOT IN (SELECT name FROM sqlite_master WHERE type = 'view')`,
    )
    .all(...named) as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
  fn();
  for (const t of triggers) db.exec(t.sql);
}

export const localWorkstation = (db: Database.Database) =>
  (db.prepare("SELECT value FROM meta WHERE key = 'workstation_id'").get() as { value: string }).value;

export interface Link {
  seq: number;
  table_name: string;
  row_id: string;
  prev_hash: string;
  hash: string;
  canon_version: number;
}

export function links(db: Database.Database, ws: string): Link[] {
  return db.prepare('SELECT seq, table_name, row_id, prev_hash, hash, canon_version FROM fact_chain WHERE workstation_id = ? ORDER BY seq').all(ws) as Link[];
}

/** A link in the middle of the chain of the given table (not the first or the last link). */
export function middleLink(db: Database.Database, ws: string, table: string): Link {
  const all = links(db, ws);
  const of = all.filter((l) => l.table_name === table && l.seq > 1 && l.seq < all.length);
  return of[Math.floor(of.length / 2)]!;
}

/** Recomputes the hashes of every link from `fromSeq` on, as one who knows the algorithm would. */
export function rehashFrom(db: Database.Database, ws: string, fromSeq: number): void {
  const all = links(db, ws);
  let prev = all.find((l) => l.seq === fromSeq - 1)?.hash ?? '0'.repeat(64);
  const upd = db.prepare('UPDATE fact_chain SET prev_hash = ?, hash = ? WHERE workstation_id = ? AND seq = ?');
  for (const l of all.filter((x) => x.seq >= fromSeq)) {
    const cols = canonicalColumns(CANONICAL_FORMS, l.table_name, l.canon_version);
    const row = db.prepare(`SELECT ${cols.join(',')} FROM ${l.table_name} WHERE id = ?`).get(l.row_id) as Record<string, unknown>;
    const hash = linkHash(prev, l.table_name, l.canon_version, row);
    upd.run(prev, hash, ws, l.seq);
    prev = hash;
  }
}

/** Signs the current head with `signer` (an attacker's own key) and stores it. */
export function resign(db: Database.Database, ws: string, signer: HeadSigner): void {
  const last = links(db, ws).at(-1)!;
  insertSignedHead(db, makeSignedHead(signer, ws, { seq: last.seq, hash: last.hash }, Date.now(), 'commit'));
}

export { newestSignedHead };
