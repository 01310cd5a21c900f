import type { Db } from '../../db/open';

/**
 * What a workstation holds of each origin's record: the highest record-of-fact number of
 * its chain and the highest clock of its changes. Both are contiguous (an origin's facts
 * and changes are only ever stored in order, without gaps), so each is "everything up to
 * here". Read from the indexes of fact_chain and changes, never stored apart from them.
 */
export interface OriginMark {
  seq: number;
  hlc: string;
}

export type Vector = Record<string, OriginMark>;

export function readVector(db: Db): Vector {
  const v: Vector = {};
  for (const r of db.prepare(marksSql('fact_chain', 'max(seq)')).all() as { w: string; m: number }[]) {
    v[r.w] = { seq: r.m, hlc: '' };
  }
  for (const r of db.prepare(marksSql('changes', 'max(hlc)')).all() as { w: string; m: string }[]) {
    v[r.w] = { seq: v[r.w]?.seq ?? 0, hlc: r.m };
  }
  return v;
}

/**
 * Per origin, the highest of `what`, found by skipping through the (workstation_id, ...)
 * index one origin at a time and seeking its end: a few lookups per origin, where a
 * GROUP BY would read the whole index (a million changes) on every page of a catch-up.
 */
const marksSql = (table: 'fact_chain' | 'changes', what: 'max(seq)' | 'max(hlc)') => /* sql */ `
  WITH RECURSIVE o(w) AS (
    SELECT (SELECT min(workstation_id) FROM ${table})
    UNION ALL
    SELECT (SELECT min(workstation_id) FROM ${table} WHERE workstation_id > o.w) FROM o WHERE o.w IS NOT NULL)
  SELECT w, (SELECT ${what} FROM ${table} WHERE workstation_id = o.w) AS m FROM o WHERE w IS NOT NULL`;

export const markOf = (v: Vector, origin: string): OriginMark => v[origin] ?? { seq: 0, hlc: '' };

/** How many facts and changes `mine` holds that `theirs` lacks, per origin. */
export function lacking(
  mine: Vector,
  theirs: Vector,
  countChangesAfter: (origin: string, hlc: string) => number,
): { origin: string; facts: number; changes: number }[] {
  const out: { origin: string; facts: number; changes: number }[] = [];
  for (const [origin, m] of Object.entries(mine)) {
    const t = markOf(theirs, origin);
    const facts = Math.max(0, m.seq - t.seq);
    const changes = m.hlc > t.hlc ? countChangesAfter(origin, t.hlc) : 0;
    if (facts || changes) out.push({ origin, facts, changes });
  }
  return out;
}

/** The vector a receiver holding `v` will hold once it has applied `parts` (pages follow one another). */
export function advance(
  v: Vector,
  parts: readonly {
    origin: string;
    changes?: { upTo: string };
    facts?: { rows: readonly { link: { seq: number } }[] };
  }[],
): Vector {
  const next: Vector = structuredClone(v);
  for (const p of parts) {
    const m = (next[p.origin] ??= { seq: 0, hlc: '' });
    if (p.changes && p.changes.upTo > m.hlc) m.hlc = p.changes.upTo;
    const last = p.facts?.rows.at(-1)?.link.seq;
    if (last !== undefined && last > m.seq) m.seq = last;
  }
  return next;
}
