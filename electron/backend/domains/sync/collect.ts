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
  /** About how many bytes of JSON a batch holds at most (PAGE_BYTES unless said). */
  readonly maxBytes?: number;
}

/**
 * A page of catch-up is bounded by its size, not its rows: a change is a few hundred bytes
 * and a record of fact can be kilobytes, and what a page costs (a frame on the LAN, a row
 * in the hub, one transaction on the receiver) follows its bytes. Big enough that a page's
 * fixed costs (a signature each way, a vector read, a commit) vanish beside its rows, small
 * enough that applying one holds the receiver's event loop for a fraction of a second.
 * Every path pages the same way: LAN, hub and bundles all collect through here.
 */
export const PAGE_BYTES = 4 * 1024 * 1024;
/** Rows per page at most, whatever their size: a bound for pages of tiny rows. */
export const PAGE_ROWS = 20_000;

/** About the bytes a row adds to a batch's JSON: its values, plus its keys and punctuation. */
function sizeOf(row: Record<string, unknown>, keys: number): number {
  let n = keys * 18;
  for (const k in row) {
    const v = row[k];
    n += typeof v === 'string' ? v.length : 16;
  }
  return n;
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
  const limit = o.limit ?? PAGE_ROWS;
  let budget = limit;
  let bytes = o.maxBytes ?? PAGE_BYTES;
  const mine = readVector(db);
  const changeParts: BatchPart[] = [];
  const factParts: BatchPart[] = [];
  let more = false;
  for (const [origin, m] of Object.entries(mine)) {
    const t = markOf(o.theirs, origin);
    if (m.hlc > t.hlc) {
      if (budget <= 0 || bytes <= 0) more = true;
      else {
        const { rows, size } = changesAfter(db, origin, t.hlc, budget, bytes);
        budget -= rows.length;
        bytes -= size;
        const upTo = rows[rows.length - 1]!.hlc;
        if (upTo < m.hlc) more = true;
        changeParts.push({ origin, changes: { after: t.hlc, upTo, rows } });
      }
    }
  }
  for (const [origin, m] of Object.entries(mine)) {
    const t = markOf(o.theirs, origin);
    if (m.seq > t.seq) {
      if (budget <= 0 || bytes <= 0) more = true;
      else {
        const { rows, size } = factsAfter(db, origin, t.seq, budget, bytes);
        budget -= rows.length;
        bytes -= size;
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

/**
 * An origin's changes after `hlc`, oldest first, up to about `limit` rows or `maxBytes`,
 * never splitting one write (one clock): one range read of the (workstation_id, hlc)
 * index, stopped once the page is full and the clock moves on.
 */
export function changesAfter(
  db: Db,
  origin: string,
  hlc: string,
  limit: number,
  maxBytes = Infinity,
): { rows: ChangeRow[]; size: number } {
  const rows: ChangeRow[] = [];
  let size = 0;
  const read = db.prepare(
    `SELECT ${CHANGE_COLUMNS} FROM changes WHERE workstation_id = ? AND hlc > ? ORDER BY hlc, id`,
  );
  for (const r of read.iterate(origin, hlc) as IterableIterator<ChangeRow>) {
    if ((rows.length >= limit || size >= maxBytes) && r.hlc !== rows[rows.length - 1]!.hlc) break;
    rows.push(r);
    size += sizeOf(r as unknown as Record<string, unknown>, 11);
  }
  return { rows, size };
}

/** An origin's records of fact after `seq`, with their links, up to `limit` rows or about `maxBytes`. */
export function factsAfter(
  db: Db,
  origin: string,
  seq: number,
  limit: number,
  maxBytes = Infinity,
): { rows: { link: ChainLink; row: Row }[]; size: number } {
  const links = db
    .prepare(
      'SELECT workstation_id, seq, table_name, row_id, prev_hash, hash, canon_version FROM fact_chain WHERE workstation_id = ? AND seq > ? ORDER BY seq',
    )
    .iterate(origin, seq) as IterableIterator<ChainLink>;
  const rows: { link: ChainLink; row: Row }[] = [];
  let size = 0;
  for (const link of links) {
    const row = db.prepare(`SELECT * FROM ${ident(link.table_name)} WHERE id = ?`).get(link.row_id) as Row;
    rows.push({ link, row });
    size += sizeOf(row, Object.keys(row).length) + 330;
    if (rows.length >= limit || size >= maxBytes) break;
  }
  return { rows, size };
}
