import type { BoardRow, MethodParsedInput } from '../../../../shared/contract';
import { flagsOf, overdueReason, STEP_LIMIT_MS, UNDELIVERED_STATUSES, WAITING_STATUSES } from '../../../../shared/domain/request-aging';
import {
  NEXT_ACTION,
  nextActionOf,
  type Priority,
  PRIORITY_LABELS,
  REQUEST_STATUSES,
  type RequestStatus,
  ROLE_LABELS,
  STATUS_LABELS,
  SUBMITTED_OPEN_STATUSES,
  TERMINAL_STATUSES,
} from '../../../../shared/domain/request-state';
import type { Db } from '../../db/open';

export type BoardQuery = MethodParsedInput<'request.board'>;

const inList = (prefix: string, values: readonly string[], p: Record<string, unknown>) =>
  values
    .map((v, i) => {
      p[`${prefix}${i}`] = v;
      return `@${prefix}${i}`;
    })
    .join(', ');

/**
 * The same overdue rules as shared/domain/request-aging.ts, in SQL so the board can filter
 * and count by them without loading every open request.
 */
function overdueSql(p: Record<string, unknown>): string {
  p.limUrgent = STEP_LIMIT_MS.urgent;
  p.limRoutine = STEP_LIMIT_MS.routine;
  p.limLow = STEP_LIMIT_MS.low;
  return `(CASE
    WHEN r.status = 'en_route' AND r.eta IS NOT NULL AND r.eta < @now THEN 1
    WHEN r.status IN (${inList('und', UNDELIVERED_STATUSES, p)}) AND r.requested_arrival IS NOT NULL AND r.requested_arrival < @now THEN 1
    WHEN r.status IN (${inList('wai', WAITING_STATUSES, p)})
      AND @now - r.status_since > (CASE r.priority WHEN 'urgent' THEN @limUrgent WHEN 'routine' THEN @limRoutine ELSE @limLow END) THEN 1
    ELSE 0 END)`;
}

const STATUS_ORDER = `(CASE r.status ${REQUEST_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END)`;

/** Sorts, with the direction that reads naturally by default (most urgent, oldest first). */
const SORTS: Record<BoardQuery['sort'], { sql: (dir: 'ASC' | 'DESC') => string; natural: 'asc' | 'desc' }> = {
  priority: { sql: (d) => `r.priority_rank ${d}, r.aged_from ASC`, natural: 'asc' },
  // Age "descending" means oldest first: the earliest start.
  age: { sql: (d) => `r.aged_from ${d === 'DESC' ? 'ASC' : 'DESC'}`, natural: 'desc' },
  timeInStatus: { sql: (d) => `r.status_since ${d === 'DESC' ? 'ASC' : 'DESC'}`, natural: 'desc' },
  status: { sql: (d) => `${STATUS_ORDER} ${d}, r.priority_rank ASC, r.aged_from ASC`, natural: 'asc' },
  organisation: { sql: (d) => `o.name COLLATE NOCASE ${d}, r.priority_rank ASC`, natural: 'asc' },
  number: { sql: (d) => `r.number ${d}`, natural: 'desc' },
  requestedArrival: { sql: (d) => `r.requested_arrival IS NULL, r.requested_arrival ${d}`, natural: 'asc' },
};

/** Words of the search box as an FTS5 query: each word a quoted prefix, all required. */
export function ftsQuery(search: string): string | null {
  const words = search.match(/[\p{L}\p{N}]+/gu);
  if (!words?.length) return null;
  return words.slice(0, 12).map((w) => `"${w}"*`).join(' AND ');
}

interface BoardSqlRow {
  id: string;
  number: string;
  incident_id: string;
  incident_name: string | null;
  status: RequestStatus;
  priority: Priority;
  summary: string;
  requesting_organisation_id: string;
  org_name: string;
  requested_by_name: string;
  created_at: number;
  submitted_at: number | null;
  aged_from: number;
  status_since: number;
  requested_arrival: number | null;
  eta: number | null;
  quantity_requested: number;
  quantity_filled: number;
  demo: number;
}

/** WHERE clause and parameters shared by the rows, the total and the counts. */
export function boardWhere(q: BoardQuery, now: number, opts: { forCounts?: boolean } = {}) {
  const p: Record<string, unknown> = { now };
  const where = ['r.deleted = 0'];
  const match = !opts.forCounts && q.search ? ftsQuery(q.search) : null;
  // With words to find, the few matching requests are found first and sorted after; the
  // unary + keeps the planner from walking thousands of open rows by the board's index.
  const col = (c: string) => (match ? `+r.${c}` : `r.${c}`);
  if (q.scope === 'open') where.push(`${col('is_open')} = 1`);
  else if (q.scope === 'submitted') where.push(`${col('is_open')} = 1`, `r.status IN (${inList('sub', SUBMITTED_OPEN_STATUSES, p)})`);
  else if (q.scope === 'closed') where.push(`${col('is_open')} = 0`);
  if (q.incidentId) {
    where.push(`${col('incident_id')} = @incident`);
    p.incident = q.incidentId;
  }
  if (opts.forCounts) return { where: where.join(' AND '), p };
  if (q.statuses?.length) where.push(`r.status IN (${inList('st', q.statuses, p)})`);
  if (q.priorities?.length) where.push(`r.priority IN (${inList('pr', q.priorities, p)})`);
  if (q.requestingOrganisationId) {
    where.push('r.requesting_organisation_id = @org');
    p.org = q.requestingOrganisationId;
  }
  if (q.nextActionRole) {
    const statuses = REQUEST_STATUSES.filter((s) => NEXT_ACTION[s]?.role === q.nextActionRole);
    where.push(statuses.length ? `r.status IN (${inList('nr', statuses, p)})` : '0');
  }
  if (q.flag === 'urgent') where.push("r.priority = 'urgent'");
  if (q.flag === 'overdue') where.push(`${overdueSql(p)} = 1`);
  if (q.search && !match) where.push('0');
  if (match) {
    // Full-text first, then its keys: the planner must never scan the key map per match.
    where.push('r.id IN (SELECT k.request_id FROM requests_fts_keys k WHERE k.rowid IN (SELECT rowid FROM requests_fts WHERE requests_fts MATCH @match))');
    p.match = match;
  }
  return { where: where.join(' AND '), p };
}

export function boardSql(q: BoardQuery, now: number) {
  const { where, p } = boardWhere(q, now);
  const s = SORTS[q.sort];
  const dir = (q.direction ?? s.natural) === 'asc' ? 'ASC' : 'DESC';
  p.limit = q.limit;
  p.offset = q.offset;
  const sql = `SELECT r.id, r.number, r.incident_id, i.name AS incident_name, r.status, r.priority, r.summary, r.requesting_organisation_id,
      o.name AS org_name, r.requested_by_name, r.created_at, r.submitted_at, r.aged_from, r.status_since, r.requested_arrival, r.eta,
      r.quantity_requested, r.quantity_filled, r.demo
    FROM requests r JOIN organisations o ON o.id = r.requesting_organisation_id LEFT JOIN incidents i ON i.id = r.incident_id
    WHERE ${where} ORDER BY ${s.sql(dir)}, r.id LIMIT @limit OFFSET @offset`;
  return { sql, p, where };
}

export function board(db: Db, q: BoardQuery, now: number) {
  const { sql, p, where } = boardSql(q, now);
  const rows = (db.prepare(sql).all(p) as BoardSqlRow[]).map((r) => toBoardRow(r, now));
  const { limit: _l, offset: _o, ...countParams } = p;
  const { n } = db.prepare(`SELECT count(*) AS n FROM requests r WHERE ${where}`).get(countParams) as { n: number };
  const c = boardWhere(q, now, { forCounts: true });
  const overdue = overdueSql(c.p);
  const counts = db
    .prepare(`SELECT r.status AS status, count(*) AS n, sum(r.priority = 'urgent') AS urgent, sum(${overdue}) AS overdue FROM requests r WHERE ${c.where} GROUP BY r.status`)
    .all(c.p) as { status: string; n: number; urgent: number; overdue: number }[];
  const open = counts.filter((x) => !TERMINAL_STATUSES.includes(x.status as RequestStatus));
  return {
    rows,
    total: n,
    counts: {
      urgent: open.reduce((s, x) => s + x.urgent, 0),
      overdue: open.reduce((s, x) => s + x.overdue, 0),
      byStatus: Object.fromEntries(counts.map((x) => [x.status, x.n])),
    },
    now,
  };
}

function toBoardRow(r: BoardSqlRow, now: number): BoardRow {
  const aging = { status: r.status, priority: r.priority, statusSince: r.status_since, requestedArrival: r.requested_arrival, eta: r.eta };
  const open = !TERMINAL_STATUSES.includes(r.status);
  const next = nextActionOf(r.status, r.quantity_requested - r.quantity_filled);
  return {
    id: r.id,
    number: r.number,
    incidentId: r.incident_id,
    incidentName: r.incident_name,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    priority: r.priority,
    priorityLabel: PRIORITY_LABELS[r.priority],
    summary: r.summary,
    requestingOrganisationId: r.requesting_organisation_id,
    requestingOrganisationName: r.org_name,
    requestedByName: r.requested_by_name,
    createdAt: r.created_at,
    submittedAt: r.submitted_at,
    ageMs: Math.max(0, now - r.aged_from),
    statusSince: r.status_since,
    timeInStatusMs: Math.max(0, now - r.status_since),
    requestedArrival: r.requested_arrival,
    eta: r.eta,
    nextAction: next ? { role: next.role, roleLabel: ROLE_LABELS[next.role], label: next.label } : null,
    quantityRequested: r.quantity_requested,
    quantityFilled: r.quantity_filled,
    flags: open ? flagsOf(aging, now) : [],
    overdueReason: open ? overdueReason(aging, now) : null,
    demo: r.demo === 1,
  };
}
