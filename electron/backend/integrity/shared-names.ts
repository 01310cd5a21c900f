import { LOG_REFS } from '../db/migrations/016-log-rows';
import type { Db } from '../db/open';
import type { IntegrityProblem } from './problem';

/** A shared name's column in log_rows, in the words an operator uses. */
const WHAT: Record<(typeof LOG_REFS)[number][1], string> = {
  ws: 'workstation',
  op: 'operator name',
  title: 'position title',
  inc: 'incident',
  pos: 'position',
  cat: 'category',
};

/**
 * Since migration 16 a log entry's names (its operator, position title, category…) are kept
 * once each in timeline_refs and shared by every entry carrying them: one name renamed there
 * alters all those entries, and the walk names each of them, but not the name behind them.
 * This names it: a shared name carried by two or more log entries, every one of them named
 * altered, with what it reads now. Names carried by exactly the same entries (an operator
 * who alone held a position: the operator, the position and its title) cannot be told apart
 * from the entries' hashes, so they are named together, as one of which was changed. A
 * likely cause, said as a note; the entries stay the problems. Looked for only when two or
 * more log entries are named altered (a scan of log_rows per such name, never in an intact
 * store).
 */
export function sharedNamesBehind(db: Db, problems: readonly IntegrityProblem[]): string[] {
  const altered = problems.filter((p) => p.kind === 'altered' && p.table === 'log_entries' && p.rowId !== null).map((p) => p.rowId!);
  if (altered.length < 2 || !db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'log_rows'").get()) return [];
  const ids = JSON.stringify([...new Set(altered)]);
  const nameOf = db.prepare('SELECT ref FROM timeline_refs WHERE n = ?').pluck();
  /** Every shared name all of whose carriers are named altered, grouped by those carriers. */
  const byCarriers = new Map<string, { count: number; names: string[] }>();
  for (const [, col] of LOG_REFS) {
    const candidates = db
      .prepare(
        `SELECT ${col} AS n, count(*) AS altered, group_concat(id) AS carriers FROM (SELECT ${col}, id FROM log_rows WHERE id IN (SELECT value FROM json_each(?)) AND ${col} IS NOT NULL ORDER BY id)
         GROUP BY ${col} HAVING count(*) >= 2`,
      )
      .all(ids) as { n: number; altered: number; carriers: string }[];
    const carriers = db.prepare(`SELECT count(*) FROM log_rows WHERE ${col} = ?`).pluck();
    for (const c of candidates) {
      if (carriers.get(c.n) !== c.altered) continue;
      const now = nameOf.get(c.n) as string | undefined;
      const group = byCarriers.get(c.carriers) ?? { count: c.altered, names: [] };
      group.names.push(`the ${WHAT[col]} ${now === undefined ? '(missing)' : `"${now}"`} (number ${c.n})`);
      byCarriers.set(c.carriers, group);
    }
  }
  return [...byCarriers.values()].map(({ count, names }) =>
    names.length === 1
      ? `${capitalise(names[0]!)} is carried by ${count} log entries, every one of them named altered: it is kept once for them all in timeline_refs and was probably changed there (as it reads now)`
      : `The same ${count} log entries, every one of them named altered, carry ${names.slice(0, -1).join(', ')} and ${names.at(-1)}, each kept once for them all in timeline_refs: one of these was probably changed there (as they read now)`,
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
