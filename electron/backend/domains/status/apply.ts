import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import type { TypeDef } from './catalogue';
import { parseVals, type ReportValue } from './values';

/** Trend resolution: a region total is kept for the end of every 15 minutes. */
export const BUCKET_MS = 15 * 60_000;
export const bucketOf = (ms: number) => Math.floor(ms / BUCKET_MS) * BUCKET_MS;

export interface AppliedReport {
  id: string;
  organisation_id: string;
  occurred_at: number;
  vals: ReportValue[];
}

export interface CurrentRow {
  type_id: string;
  value_num: number | null;
  value_text: string | null;
  occurred_at: number;
}

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepare(db: Db) {
  const upserts = new Map<number, Statement>();
  return {
    current: db.prepare('SELECT type_id, value_num, value_text, occurred_at FROM status_current WHERE organisation_id = ?'),
    /** The upsert of `n` current values in one statement, prepared once per n. */
    upsertCurrent: (n: number) => {
      let st = upserts.get(n);
      if (!st) {
        st = db.prepare(
          `INSERT INTO status_current (organisation_id, type_id, value_num, value_text, occurred_at, report_id) VALUES ${Array(n).fill('(?, ?, ?, ?, ?, ?)').join(', ')}
           ON CONFLICT (organisation_id, type_id) DO UPDATE SET value_num = excluded.value_num, value_text = excluded.value_text,
             occurred_at = excluded.occurred_at, report_id = excluded.report_id`,
        );
        upserts.set(n, st);
      }
      return st;
    },
    bucketAtOrBefore: db.prepare('SELECT bucket, total, reporting FROM status_trend WHERE type_id = ? AND bucket <= ? ORDER BY bucket DESC LIMIT 1'),
    insertBucket: db.prepare('INSERT INTO status_trend (type_id, bucket, total, reporting) VALUES (?, ?, ?, ?)'),
    shiftBuckets: db.prepare('UPDATE status_trend SET total = total + ?, reporting = reporting + ? WHERE type_id = ? AND bucket >= ? AND bucket < ?'),
    // At the same time as the new report, those recorded before it came before it.
    before: db.prepare(
      'SELECT id, occurred_at, vals FROM status_reports WHERE organisation_id = ? AND occurred_at <= ? ORDER BY occurred_at DESC, recorded_at DESC',
    ),
    after: db.prepare(
      'SELECT id, occurred_at, vals FROM status_reports WHERE organisation_id = ? AND occurred_at > ? AND id <> ? ORDER BY occurred_at, recorded_at',
    ),
  };
}
const stmts = (db: Db) => {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepare(db)));
  return s;
};

/** The facility's current status rows (latest value per type), read in the caller's transaction. */
export function currentRows(db: Db, organisationId: string): CurrentRow[] {
  return stmts(db).current.all(organisationId) as CurrentRow[];
}

/**
 * The current rows a report's append read (to check its values) and hands to the
 * applyReport its own insert triggers, in the same transaction, with nothing written in
 * between: one read of the facility's status per report instead of two. Set only while
 * that insert runs (withCurrentRows), and used at most once.
 */
let handed: { db: Db; organisationId: string; rows: CurrentRow[] } | null = null;

/** Runs `fn`, the append of one report of this facility, with the current rows just read for it. */
export function withCurrentRows<T>(db: Db, organisationId: string, rows: CurrentRow[], fn: () => T): T {
  handed = { db, organisationId, rows };
  try {
    return fn();
  } finally {
    handed = null;
  }
}

/** The facility's value of one type from the first report the statement yields that has it. */
function firstWith(stmt: Statement, args: unknown[], typeId: string, skipId: string): { n: number | null; at: number } | null {
  for (const r of stmt.iterate(...args) as Iterable<{ id: string; occurred_at: number; vals: string }>) {
    if (r.id === skipId) continue;
    const v = parseVals(r.vals).find((x) => x.t === typeId);
    if (v) return { n: v.n, at: r.occurred_at };
  }
  return null;
}

/**
 * Keeps the derived facility status in step with one new report, in the caller's
 * transaction: the current value per facility and type (latest by the time it was true),
 * and for summed types the region total at the end of each 15-minute bucket, the newest
 * bucket holding the total now (see regionTotals in board.ts).
 *
 * A value changes the buckets from its own time until the facility's next report of that
 * type (to now when it is the latest), by its difference from the value it replaces
 * there; so a late transcription of an older report fills in history without hiding the
 * newer one. Both the common case (the newest report) and the late one cost a few indexed
 * statements; `rebuildDerived` recomputes everything from the reports and must agree.
 */
export function applyReport(db: Db, r: AppliedReport, types: ReadonlyMap<string, TypeDef>): void {
  const s = stmts(db);
  const rows = handed && handed.db === db && handed.organisationId === r.organisation_id ? handed.rows : currentRows(db, r.organisation_id);
  handed = null;
  const current = new Map(rows.map((c) => [c.type_id, c]));
  // The current values this report replaces, written together after the loop (nothing in it reads them).
  const upsert: (string | number | null)[] = [];
  for (const v of r.vals) {
    const t = types.get(v.t);
    if (!t) continue;
    const cur = current.get(v.t);
    const latest = !cur || r.occurred_at >= cur.occurred_at;
    if (latest) upsert.push(r.organisation_id, v.t, v.n, v.s, r.occurred_at, r.id);
    if (t.aggregate !== 'sum') continue;

    // The value this one replaces at its time, and until when this one holds.
    let replaced: number | null;
    let until: number;
    if (latest) {
      replaced = cur ? cur.value_num : null;
      until = Number.MAX_SAFE_INTEGER;
    } else {
      replaced = firstWith(s.before, [r.organisation_id, r.occurred_at], v.t, r.id)?.n ?? null;
      until = firstWith(s.after, [r.organisation_id, r.occurred_at, r.id], v.t, r.id)?.at ?? cur!.occurred_at;
    }
    const delta = (v.n ?? 0) - (replaced ?? 0);
    const newlyReporting = replaced === null && v.n !== null ? 1 : 0;

    const from = bucketOf(r.occurred_at);
    const to = until === Number.MAX_SAFE_INTEGER ? until : bucketOf(until);
    if (from >= to || (delta === 0 && newlyReporting === 0)) continue;
    // Pin the carried-forward totals at both ends before shifting the span between them.
    if (to !== Number.MAX_SAFE_INTEGER) pinBucket(s, v.t, to);
    pinBucket(s, v.t, from);
    s.shiftBuckets.run(delta, newlyReporting, v.t, from, to);
  }
  if (upsert.length) s.upsertCurrent(upsert.length / 6).run(...upsert);
}

/** Makes the bucket a row of its own, holding the total carried into it, if it is not one yet. */
function pinBucket(s: ReturnType<typeof prepare>, typeId: string, bucket: number): void {
  const at = s.bucketAtOrBefore.get(typeId, bucket) as { bucket: number; total: number; reporting: number } | undefined;
  if (!at || at.bucket !== bucket) s.insertBucket.run(typeId, bucket, at?.total ?? 0, at?.reporting ?? 0);
}

/** Recomputes every derived status table from the reports, oldest first. */
export function rebuildDerived(db: Db, types: ReadonlyMap<string, TypeDef>): void {
  db.exec('DELETE FROM status_current; DELETE FROM status_trend;');
  // all(), not iterate(): the connection cannot write while a statement is still reading.
  const rows = db.prepare('SELECT id, organisation_id, occurred_at, vals FROM status_reports ORDER BY occurred_at, recorded_at, id').all() as {
    id: string;
    organisation_id: string;
    occurred_at: number;
    vals: string;
  }[];
  for (const r of rows) applyReport(db, { ...r, vals: parseVals(r.vals) }, types);
}
