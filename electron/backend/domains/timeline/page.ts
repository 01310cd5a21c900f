import type { TimelineFilters } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { notFound } from '../../errors';
import { getPeriodRow } from '../incident/queries';
import { decodeCursor, encodeCursor } from './cursor';
import { searchWords } from './fts';
import { refOf, timelineRows, type KeyQuery, type TimelineRow } from './queries';

/**
 * Turns the contract's filters into an index query. Returns null when the filters can
 * match nothing (a position or incident with no records yet), so no query runs.
 */
export function keyQuery(
  db: Db,
  incidentId: string,
  filters: TimelineFilters,
  order: 'newest' | 'oldest',
  limit: number,
  cursor?: string,
): KeyQuery | null {
  const after = cursor ? decodeCursor(cursor) : undefined;
  const inc = refOf(db, incidentId);
  if (inc === null) return null;
  let pos: number | undefined;
  if (filters.positionId) {
    const n = refOf(db, filters.positionId);
    if (n === null) return null;
    pos = n;
  }
  let from = filters.from;
  let to = filters.to;
  if (filters.periodId) {
    const p = getPeriodRow(db, filters.periodId);
    if (!p || p.incident_id !== incidentId) throw notFound('That operational period of this incident');
    from = Math.max(from ?? 0, p.starts_at);
    to = Math.min(to ?? Number.MAX_SAFE_INTEGER, p.ends_at);
  }
  const words = filters.text ? searchWords(filters.text) : [];
  return {
    inc,
    kinds: filters.kinds?.length ? [...new Set(filters.kinds)] : undefined,
    pos,
    operatorName: filters.operatorName,
    category: filters.category,
    from,
    to,
    words: words.length ? words : undefined,
    order,
    after,
    limit,
  };
}

/** A page plus the cursor of the row after it, found by asking for one row more. */
export function pageOf(db: Db, q: KeyQuery | null): { rows: TimelineRow[]; nextCursor: string | null } {
  if (!q) return { rows: [], nextCursor: null };
  if (q.from !== undefined && q.to !== undefined && q.from >= q.to) return { rows: [], nextCursor: null };
  const rows = timelineRows(db, { ...q, limit: q.limit + 1 });
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const last = page.at(-1);
  return { rows: page, nextCursor: more && last ? encodeCursor({ occurredAt: last.occurredAt, n: last.n }) : null };
}
