import { MAX_RECORD_TIME } from '../../../../shared/domain/incident-rules';
import type { Db } from '../../db/open';
import { rowIdSql } from '../../db/row-key';
import { KIND_INDEX_WHERE } from '../../db/migrations/014-keys';
import { keyOf, timeKey, type TimelinePosition } from './cursor';
import { matchExpression } from './fts';

/** The small integer an incident or position id is interned to in the timeline. */
export function refOf(db: Db, id: string): number | null {
  const r = db.prepare('SELECT n FROM timeline_refs WHERE ref = ?').get(id) as { n: number } | undefined;
  return r?.n ?? null;
}

export interface KeyQuery {
  inc: number;
  kinds?: readonly string[];
  pos?: number;
  operatorName?: string;
  category?: string;
  /** Inclusive start and exclusive end, in ms. */
  from?: number;
  to?: number;
  /** Quoted FTS5 phrases (see fts.ts); none means no text filter. */
  words?: readonly string[];
  order: 'newest' | 'oldest';
  after?: TimelinePosition;
  limit: number;
}

export interface TimelineRow {
  occurredAt: number;
  n: number;
  kind: string;
  recordId: string;
}

/**
 * The index a filtered page walks. The planner, without statistics, prefers the
 * incident index with its key range even when a filter would skip most of it; the
 * choice is made here instead, most selective filter first (a position's records are
 * few among an incident's, a category or operator's more). The kind index holds only
 * records that are not log entries (migration 14): log entries alone are most of an
 * incident's records, found by walking the incident's index and skipping the others.
 */
function indexFor(q: KeyQuery): string {
  if (q.pos !== undefined) return 'timeline_position';
  if (q.kinds?.length === 1 && q.kinds[0] !== 'entry') return 'timeline_kind';
  if (q.category !== undefined) return 'timeline_category';
  if (q.operatorName !== undefined) return 'timeline_operator';
  return 'timeline_incident';
}

/** The record's text id, from the key the timeline keeps (migration 14). */
const RECORD_ID = rowIdSql('t.record_id');

/**
 * One page of timeline rows. Every filter is an equality on an index that begins with
 * the incident and ends with the key, or a key range, so a page is one index walk in
 * time order that stops after `limit` rows: no OFFSET, no sort. With text, the
 * full-text index is walked in key order instead (its rowid is the key) and the
 * incident, kind and position narrow the match inside it.
 */
export function timelineSql(q: KeyQuery): { sql: string; params: Record<string, unknown> } {
  let lo = timeKey(q.from ?? 0);
  let hi = timeKey(q.to ?? MAX_RECORD_TIME + 1);
  if (q.after) {
    const k = keyOf(q.after);
    if (q.order === 'newest') hi = hi < k ? hi : k;
    else lo = lo > k + 1n ? lo : k + 1n;
  }
  const dir = q.order === 'newest' ? 'DESC' : 'ASC';
  const params: Record<string, unknown> = { inc: q.inc, lo, hi, limit: q.limit };
  const where: string[] = [];
  // Operator and category are interned like incident and position (migration 13): one
  // lookup, then an equality on the small number the index holds. A name never seen is NULL
  // and matches nothing.
  if (q.operatorName !== undefined) {
    where.push('t.op = (SELECT n FROM timeline_refs WHERE ref = @op)');
    params.op = q.operatorName;
  }
  if (q.category !== undefined) {
    where.push('t.cat = (SELECT n FROM timeline_refs WHERE ref = @cat)');
    params.cat = q.category;
  }
  let sql: string;
  if (q.words?.length) {
    // The full-text rowid is the timeline key: CROSS JOIN keeps the full-text index as
    // the outer loop, walked in key order, each match joined by its key. The scope tokens
    // narrow the match inside the index; the timeline row has the final word on the
    // incident, kinds and position (a record's own text could hold a scope-like token).
    params.match = matchExpression(q.words, { inc: q.inc, kinds: q.kinds, pos: q.pos });
    if (q.kinds?.length) {
      where.push('+t.kind IN (SELECT value FROM json_each(@kinds))');
      params.kinds = JSON.stringify(q.kinds);
    }
    if (q.pos !== undefined) {
      where.push('+t.pos = @pos');
      params.pos = q.pos;
    }
    sql = `SELECT t.key >> 20 AS occurredAt, t.key & 1048575 AS n, t.kind, ${RECORD_ID} AS recordId
      FROM timeline_fts f CROSS JOIN timeline t ON t.key = f.rowid
      WHERE timeline_fts MATCH @match AND f.rowid >= @lo AND f.rowid < @hi AND +t.inc = @inc
      ${where.map((w) => `AND ${w}`).join(' ')}
      ORDER BY f.rowid ${dir} LIMIT @limit`;
  } else {
    if (q.kinds?.length === 1) {
      where.push('t.kind = @kind');
      params.kind = q.kinds[0];
      // The kind index's own condition, so the planner may walk it (it holds no log entry).
      if (q.kinds[0] !== 'entry') where.push(`t.${KIND_INDEX_WHERE}`);
    } else if (q.kinds?.length) {
      // Several kinds: walk the incident's index in key order and skip the others,
      // rather than merge several index ranges and sort them.
      where.push('+t.kind IN (SELECT value FROM json_each(@kinds))');
      params.kinds = JSON.stringify(q.kinds);
    }
    if (q.pos !== undefined) {
      where.push('t.pos = @pos');
      params.pos = q.pos;
    }
    sql = `SELECT t.key >> 20 AS occurredAt, t.key & 1048575 AS n, t.kind, ${RECORD_ID} AS recordId
      FROM timeline t INDEXED BY ${indexFor(q)}
      WHERE t.inc = @inc AND t.key >= @lo AND t.key < @hi ${where.map((w) => `AND ${w}`).join(' ')}
      ORDER BY t.key ${dir} LIMIT @limit`;
  }
  return { sql, params };
}

export function timelineRows(db: Db, q: KeyQuery): TimelineRow[] {
  const { sql, params } = timelineSql(q);
  return db.prepare(sql).all(params) as TimelineRow[];
}

/** Distinct values of an indexed column for one incident, by hopping through the index. */
function distinct(db: Db, column: 'pos' | 'op' | 'cat', inc: number): number[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE v(x) AS (
         SELECT min(${column}) FROM timeline WHERE inc = @inc AND ${column} IS NOT NULL
         UNION ALL
         SELECT (SELECT min(${column}) FROM timeline WHERE inc = @inc AND ${column} > v.x) FROM v WHERE v.x IS NOT NULL
       ) SELECT x FROM v WHERE x IS NOT NULL`,
    )
    .all({ inc }) as { x: number }[];
  return rows.map((r) => r.x);
}

/** The names interned as `refs`, in name order (as the index gave them when it held the names). */
function names(db: Db, refs: number[]): string[] {
  if (!refs.length) return [];
  const list = db.prepare('SELECT ref FROM timeline_refs WHERE n IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(refs)) as string[];
  return list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function timelineFacets(db: Db, inc: number) {
  const posRefs = distinct(db, 'pos', inc);
  const positions = posRefs.length
    ? (db
        .prepare(
          `SELECT p.id, p.code, p.title FROM timeline_refs r JOIN positions p ON p.id = r.ref
           WHERE r.n IN (SELECT value FROM json_each(?)) ORDER BY p.section, p.title`,
        )
        .all(JSON.stringify(posRefs)) as { id: string; code: string; title: string }[])
    : [];
  return {
    positions,
    operators: names(db, distinct(db, 'op', inc)),
    categories: names(db, distinct(db, 'cat', inc)),
    total: (db.prepare('SELECT count(*) AS n FROM timeline WHERE inc = ?').get(inc) as { n: number }).n,
  };
}

/** Counts for the decision snapshot, each one index range. */
/** Records of one kind that happened in [fromMs, toMs] (inclusive; open ends when omitted). */
export function countKind(db: Db, inc: number, kind: string, fromMs?: number, toMs?: number): number {
  const range = { inc, lo: timeKey(fromMs ?? 0), hi: toMs === undefined ? 1n << 62n : timeKey(toMs + 1) };
  const inRange = 'inc = @inc AND key >= @lo AND key < @hi';
  const others = `SELECT count(*) FROM timeline INDEXED BY timeline_kind WHERE ${inRange} AND ${KIND_INDEX_WHERE}`;
  if (kind !== 'entry') return (db.prepare(`${others} AND kind = @kind`).pluck().get({ ...range, kind }) as number);
  // Log entries are not in the kind index (migration 14): the incident's records less the others.
  return db.prepare(`SELECT (SELECT count(*) FROM timeline INDEXED BY timeline_incident WHERE ${inRange}) - (${others})`).pluck().get(range) as number;
}
