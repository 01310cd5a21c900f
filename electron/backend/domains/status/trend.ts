import { BOARD_CONDITIONS, conditionsOf, HEADLINE_CODES } from '../../../../shared/domain/status-rules';
import type { Db } from '../../db/open';
import { invalid } from '../../errors';
import { BUCKET_MS, bucketOf } from './apply';
import { typeById } from './catalogue';
import { parseVals } from './values';

interface BucketRow {
  bucket: number;
  total: number;
  reporting: number;
}

/** The region total of a summed type at a time: its last bucket at or before it (0 before any report). */
export function totalAt(db: Db, typeId: string, at: number): number {
  const r = db.prepare('SELECT total FROM status_trend WHERE type_id = ? AND bucket <= ? ORDER BY bucket DESC LIMIT 1').get(typeId, bucketOf(at)) as
    | { total: number }
    | undefined;
  return r?.total ?? 0;
}

/** The end of the first bucket from `from` on (or the one carried into it) in which at least `reporting` facilities counted. */
export function firstBucketWith(db: Db, typeId: string, reporting: number, from: number): number | null {
  const carried = db.prepare('SELECT reporting FROM status_trend WHERE type_id = ? AND bucket <= ? ORDER BY bucket DESC LIMIT 1').get(typeId, from) as { reporting: number } | undefined;
  if (carried && carried.reporting >= reporting) return from;
  const r = db.prepare('SELECT min(bucket) AS b FROM status_trend WHERE type_id = ? AND bucket > ? AND reporting >= ?').get(typeId, from, reporting) as { b: number | null };
  return r.b;
}

/**
 * Region totals over time for summed types: the total carried into the range, then one
 * point at the end of each 15-minute bucket in which a report changed it. One indexed
 * range read per type, whatever the number of facilities.
 */
export function trendSeries(db: Db, typeIds: readonly string[], from: number, to: number) {
  const types = typeById(db);
  const carry = db.prepare('SELECT bucket, total, reporting FROM status_trend WHERE type_id = ? AND bucket < ? ORDER BY bucket DESC LIMIT 1');
  const range = db.prepare('SELECT bucket, total, reporting FROM status_trend WHERE type_id = ? AND bucket >= ? AND bucket <= ? ORDER BY bucket');
  return typeIds.map((id) => {
    const t = types.get(id);
    if (!t) throw invalid('One of the status types charted is not in the catalogue');
    if (t.aggregate !== 'sum') throw invalid(`${t.label} is not added up across facilities (its unit, ${t.unit ?? 'none'}, does not sum); chart it per facility`);
    const start = carry.get(id, bucketOf(from)) as BucketRow | undefined;
    const points = [{ at: from, total: start?.total ?? 0, reporting: start?.reporting ?? 0 }];
    for (const r of range.all(id, bucketOf(from), to) as BucketRow[]) {
      points.push({ at: Math.max(from, Math.min(to, r.bucket + BUCKET_MS)), total: r.total, reporting: r.reporting });
    }
    // The last total holds until the end of the range: a line that stops early reads as "no data".
    const last = points.at(-1)!;
    if (last.at < to) points.push({ at: to, total: last.total, reporting: last.reporting });
    return { typeId: id, label: t.label, unit: t.unit, points };
  });
}

/** How far back the replay below starts before the range: the value a facility last gave still holds. */
const LOOKBACK_MS = 14 * 24 * 3_600_000;
const MAX_POINTS = 240;

/**
 * Facilities in each condition (closed, evacuating, on diversion, on generator...) over
 * time, replayed from the reports of the headline types. Sized for an incident's span
 * (hours to weeks), sampled at most MAX_POINTS times.
 */
export function conditionsOverTime(db: Db, from: number, to: number) {
  const types = typeById(db);
  const wanted = new Set([...types.values()].filter((t) => HEADLINE_CODES.includes(t.code)).map((t) => t.id));
  const rows = db
    .prepare('SELECT organisation_id, occurred_at, vals FROM status_reports WHERE occurred_at >= ? AND occurred_at <= ? ORDER BY occurred_at, recorded_at')
    .all(from - LOOKBACK_MS, to) as { organisation_id: string; occurred_at: number; vals: string }[];
  const state = new Map<string, Map<string, string | null>>();
  const step = Math.max(BUCKET_MS, Math.ceil((to - from) / MAX_POINTS / BUCKET_MS) * BUCKET_MS);
  const points: { at: number; counts: Record<string, number> }[] = [];
  let i = 0;
  const sample = (at: number) => {
    const counts = Object.fromEntries(BOARD_CONDITIONS.map((c) => [c, 0])) as Record<string, number>;
    for (const s of state.values()) for (const c of conditionsOf(s)) counts[c.words]!++;
    points.push({ at, counts });
  };
  for (let at = from; ; at = Math.min(to, at + step)) {
    for (; i < rows.length && rows[i]!.occurred_at <= at; i++) {
      const r = rows[i]!;
      let s = state.get(r.organisation_id);
      if (!s) state.set(r.organisation_id, (s = new Map()));
      for (const v of parseVals(r.vals)) if (wanted.has(v.t)) s.set(types.get(v.t)!.code, v.s);
    }
    sample(at);
    if (at >= to) break;
  }
  const present = BOARD_CONDITIONS.filter((c) => points.some((p) => p.counts[c]! > 0));
  return { points, conditions: present.length ? present : BOARD_CONDITIONS.slice(0, 4) };
}
