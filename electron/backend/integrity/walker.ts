import type { Statement } from 'better-sqlite3';
import { GENESIS_HASH, type CanonicalForms } from '../../../shared/domain/canonical';
import { canonicalSelect, linkHash } from '../db/chain';
import type { Db } from '../db/open';
import { describeRow, type ProblemList } from './problem';

interface LinkRow {
  seq: number;
  table_name: string;
  row_id: string;
  prev_hash: string;
  hash: string;
  canon_version: number;
}

interface Seen {
  seq: number;
  table: string;
  rowId: string;
  /** The stored row hashes to the link's own hash (given the link's own prev_hash). */
  consistent: boolean;
  blamed: boolean;
}

/**
 * Walks one workstation's chain in seq order, resumably (the background check walks a
 * million links in slices so requests are answered between them), and names the record
 * at fault:
 * - a record whose contents do not match its link: that record;
 * - a record changed with its own link's hash recomputed: the record itself, found
 *   because the next link still holds the original hash while being consistent with
 *   its own row (the next, innocent record is not blamed);
 * - a record deleted with its link: the gap, between which neighbours;
 * - a record deleted without its link: that record.
 */
export class ChainWalker {
  private expectedSeq: number;
  private prevHash: string;
  private prev: Seen | null = null;
  /**
   * A link that did not chain to the one before it, though both are consistent: either the
   * one before was edited and its hash recomputed (then the next link chains fine), or this
   * link is out of place, moved or swapped (then the next link does not chain to it either).
   * The next link decides which.
   */
  private pending: { at: Seen; before: Seen } | null = null;
  private readonly links;
  private readonly rowStmts = new Map<string, Statement<unknown[]> | null>();
  /** The rows of the slice being walked, by table@version:id. */
  private readonly rows = new Map<string, Record<string, unknown>>();
  checked = 0;

  constructor(
    private readonly db: Db,
    readonly workstationId: string,
    private readonly tables: ReadonlySet<string>,
    private readonly forms: CanonicalForms,
    private readonly problems: ProblemList,
    start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
    versioned = true,
  ) {
    this.expectedSeq = start.seq + 1;
    this.prevHash = start.hash;
    this.links = db.prepare(
      `SELECT seq, table_name, row_id, prev_hash, hash, ${versioned ? 'canon_version' : '1 AS canon_version'}
         FROM fact_chain WHERE workstation_id = ? AND seq >= ? ORDER BY seq LIMIT ?`,
    );
  }

  /** The last link walked: where the next walk (or the next check) starts. */
  get position(): { seq: number; hash: string } {
    return { seq: this.expectedSeq - 1, hash: this.prevHash };
  }

  /**
   * The rows of one table (under one canonical form) that a stretch of links points at, in
   * one query: a slice of the walk reads its rows a table at a time, not a lookup per link.
   */
  private rowStmt(table: string, version: number) {
    const key = `${table}@${version}`;
    if (!this.rowStmts.has(key)) {
      const ok = this.tables.has(table) && this.forms[table]?.[version - 1] !== undefined;
      const sql = ok
        ? `${canonicalSelect(table, version, this.forms).replace(/ WHERE id = \?$/, '')}
            WHERE id IN (SELECT row_id FROM fact_chain WHERE workstation_id = ? AND seq BETWEEN ? AND ? AND table_name = ?)`
        : null;
      this.rowStmts.set(key, sql ? this.db.prepare<unknown[]>(sql) : null);
    }
    return this.rowStmts.get(key)!;
  }

  /** Walks up to `limit` links; returns true when the end of the chain is reached. */
  walk(limit: number): boolean {
    const batch = this.links.all(this.workstationId, this.expectedSeq, limit) as LinkRow[];
    this.rows.clear();
    if (batch.length) {
      const from = batch[0]!.seq;
      const to = batch.at(-1)!.seq;
      const groups = new Set(batch.map((l) => `${l.table_name}@${l.canon_version}`));
      for (const g of groups) {
        const [table, version] = [g.slice(0, g.lastIndexOf('@')), Number(g.slice(g.lastIndexOf('@') + 1))];
        const stmt = this.rowStmt(table, version);
        if (!stmt) continue;
        for (const row of stmt.all(this.workstationId, from, to, table) as Record<string, unknown>[]) this.rows.set(`${g}:${String(row.id)}`, row);
      }
    }
    for (const l of batch) this.visit(l);
    const done = batch.length < limit;
    if (done && this.pending) this.blameRecomputed(this.pending.before, this.pending.at.seq);
    if (done) this.pending = null;
    return done;
  }

  private blameRecomputed(s: Seen, nextSeq: number): void {
    if (s.blamed) return;
    s.blamed = true;
    this.problems.push({
      workstationId: this.workstationId,
      seq: s.seq,
      table: s.table,
      rowId: s.rowId,
      kind: 'altered',
      problem: `${describeRow(s.table, s.rowId, s.seq)} was changed and its own link's hash recomputed to match; the next link (${nextSeq}) still holds the original hash`,
    });
  }

  private blameMisplaced(s: Seen): void {
    if (s.blamed) return;
    s.blamed = true;
    this.problems.push({
      workstationId: this.workstationId,
      seq: s.seq,
      table: s.table,
      rowId: s.rowId,
      kind: 'altered',
      problem: `${describeRow(s.table, s.rowId, s.seq)} is out of place: its link chains to neither the record before it nor the one after (moved or swapped)`,
    });
  }

  private visit(l: LinkRow): void {
    this.checked++;
    const w = this.workstationId;
    const at = { workstationId: w, seq: l.seq, table: l.table_name, rowId: l.row_id };
    const stmt = this.rowStmt(l.table_name, l.canon_version);
    let consistent = false;
    let blamed = false;
    if (!stmt) {
      this.problems.push({
        ...at,
        kind: 'unknown-form',
        problem: `${describeRow(l.table_name, l.row_id, l.seq)}: this version of the console does not know table ${l.table_name} or its canonical form version ${l.canon_version}`,
      });
      blamed = true;
      consistent = true; // cannot judge; do not blame its neighbours for it
    } else {
      const row = this.rows.get(`${l.table_name}@${l.canon_version}:${l.row_id}`);
      if (!row) {
        this.problems.push({ ...at, kind: 'deleted', problem: `${describeRow(l.table_name, l.row_id, l.seq)} was deleted; its chain link remains` });
        blamed = true;
      } else {
        consistent = linkHash(l.prev_hash, l.table_name, l.canon_version, row, this.forms) === l.hash;
      }
    }

    if (l.seq > this.expectedSeq) {
      const from = this.expectedSeq;
      const to = l.seq - 1;
      const before = this.prev ? describeRow(this.prev.table, this.prev.rowId, this.prev.seq) : 'the start of the chain';
      this.problems.push({
        workstationId: w,
        seq: from,
        table: l.table_name,
        rowId: null,
        kind: 'missing',
        range: { from, to },
        problem: `${from === to ? `Chain link ${from} is` : `Chain links ${from} to ${to} are`} missing: ${to - from + 1} record${from === to ? '' : 's'} deleted with ${from === to ? 'its link' : 'their links'}, between ${before} and ${describeRow(l.table_name, l.row_id, l.seq)}`,
      });
    }
    const mismatch = l.seq === this.expectedSeq && l.prev_hash !== this.prevHash;
    if (this.pending) {
      if (l.seq > this.expectedSeq) {
        // A gap follows: the missing links are named; which side was touched cannot be told.
      } else if (mismatch) this.blameMisplaced(this.pending.at);
      else this.blameRecomputed(this.pending.before, this.pending.at.seq);
      this.pending = null;
    }
    if (mismatch && !this.prev && !blamed) {
      this.problems.push({
        ...at,
        kind: 'altered',
        problem: `${describeRow(l.table_name, l.row_id, l.seq)}: its link does not follow the ${l.seq === 1 ? 'start of the chain' : 'last verified link'}`,
      });
      blamed = true;
    }
    if (stmt && !blamed && !consistent) {
      this.problems.push({
        ...at,
        kind: 'altered',
        problem: `${describeRow(l.table_name, l.row_id, l.seq)} was changed after it was written: it no longer matches its chain link`,
      });
      blamed = true;
    }
    const seen: Seen = { seq: l.seq, table: l.table_name, rowId: l.row_id, consistent, blamed };
    if (mismatch && this.prev && consistent && !blamed && this.prev.consistent) this.pending = { at: seen, before: this.prev };
    this.prev = seen;
    this.prevHash = l.hash;
    this.expectedSeq = l.seq + 1;
  }
}
