import { v7 as uuidv7 } from 'uuid';
import type { ChainLink, ChangeRow, Row } from '../../db/apply';
import { ident } from '../../db/apply';
import type { Db } from '../../db/open';
import { BATCH_FORMAT, type Batch, type BatchPart } from './batch';
import { newestSignedHeadIn } from '../../integrity/heads';
import { markOf, readVector, type Vector } from './vector';

export interface CollectOptions {
  /** What the receiver holds (its vector); an empty one asks for everything. */
  readonly theirs: Vector;
  readonly coalitionId: string;
  readonly sender: string;
  readonly schemaVersion: number;
  readonly now: number;
  /** Rows per batch (changes and facts together); a batch may run over to keep one write whole. */
  readonly limit?: number;
}

const CHANGE_COLUMNS =
  'id, hlc, table_name, row_id, column_name, value, workstation_id, operator_name, position_title, recorded_at, base_hlc';

/**
 * One page of what the receiver lacks: for each origin this workstation holds more of,
 * its changes after the receiver's clock for it and its facts after the receiver's number
 * for it, oldest first. Changes come before facts so that a step of a request arrives
 * after the request. The receiver's vector moves on as it applies a page, so asking
 * again with the new vector resumes where it stopped, whatever was lost in between.
 */
export function collectBatch(db: Db, o: CollectOptions): Batch {
  const limit = o.limit ?? 2000;
  let budget = limit;
  const mine = readVector(db);
  const changeParts: BatchPart[] = [];
  const factParts: BatchPart[] = [];
  let more = false;
  for (const [origin, m] of Object.entries(mine)) {
    const t = markOf(o.theirs, origin);
    if (m.hlc > t.hlc) {
      if (budget <= 0) more = true;
      else {
        const rows = changesAfter(db, origin, t.hlc, budget);
        budget -= rows.length;
        const upTo = rows[rows.length - 1]!.hlc;
        if (upTo < m.hlc) more = true;
        changeParts.push({ origin, changes: { after: t.hlc, upTo, rows } });
      }
    }
  }
  for (const [origin, m] of Object.entries(mine)) {
    const t = markOf(o.theirs, origin);
    if (m.seq > t.seq) {
      if (budget <= 0) more = true;
      else {
        const rows = factsAfter(db, origin, t.seq, budget);
        budget -= rows.length;
        const last = rows[rows.length - 1]!.link.seq;
        if (last < m.seq) more = true;
        const head = newestSignedHeadIn(db, origin, t.seq, last);
        factParts.push({ origin, facts: { after: t.seq, rows }, ...(head ? { heads: [head] } : {}) });
      }
    }
  }
  return {
    format: BATCH_FORMAT,
    id: uuidv7(),
    coalitionId: o.coalitionId,
    sender: o.sender,
    schemaVersion: o.schemaVersion,
    createdAt: o.now,
    parts: [...changeParts, ...factParts],
    more,
  };
}

/** An origin's changes after `hlc`, about `limit` of them, never splitting one write (one clock). */
export function changesAfter(db: Db, origin: string, hlc: string, limit: number): ChangeRow[] {
  const rows = db
    .prepare(`SELECT ${CHANGE_COLUMNS} FROM changes WHERE workstation_id = ? AND hlc > ? ORDER BY hlc, id LIMIT ?`)
    .all(origin, hlc, limit) as ChangeRow[];
  if (rows.length < limit) return rows;
  const last = rows[rows.length - 1]!.hlc;
  const whole = rows.filter((r) => r.hlc !== last);
  whole.push(
    ...(db
      .prepare(`SELECT ${CHANGE_COLUMNS} FROM changes WHERE workstation_id = ? AND hlc = ? ORDER BY id`)
      .all(origin, last) as ChangeRow[]),
  );
  return whole;
}

export function factsAfter(db: Db, origin: string, seq: number, limit: number): { link: ChainLink; row: Row }[] {
  const links = db
    .prepare(
      'SELECT workstation_id, seq, table_name, row_id, prev_hash, hash, canon_version FROM fact_chain WHERE workstation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    )
    .all(origin, seq, limit) as ChainLink[];
  const stmts = new Map<string, ReturnType<Db['prepare']>>();
  return links.map((link) => {
    let s = stmts.get(link.table_name);
    if (!s) stmts.set(link.table_name, (s = db.prepare(`SELECT * FROM ${ident(link.table_name)} WHERE id = ?`)));
    return { link, row: s.get(link.row_id) as Row };
  });
}
