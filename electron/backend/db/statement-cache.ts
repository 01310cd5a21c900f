import type Database from 'better-sqlite3';

type Statement = Database.Statement<unknown[]>;

/** How many distinct SQL texts stay prepared (the least recently prepared go first). */
const CACHE_SIZE = 512;

/**
 * Makes `db.prepare(sql)` reuse the statement prepared for the same SQL text before.
 * Queries modules prepare their statement at every call (the SQL lives beside the code that
 * runs it); compiling it again is most of the cost of a small write's reads. A statement
 * comes back in its default modes (pluck, raw and expand are per statement, and a caller
 * may have set them), and one still being iterated is never handed out twice: the caller
 * gets a fresh one instead.
 */
export function cacheStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db) as (sql: string) => Statement;
  const cache = new Map<string, Statement>();
  (db as { prepare: (sql: string) => Statement }).prepare = (sql: string): Statement => {
    const held = cache.get(sql);
    if (held && !held.busy) {
      if (held.reader) held.raw(false).pluck(false).expand(false);
      return held;
    }
    const s = prepare(sql);
    if (held) return s;
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(sql, s);
    return s;
  };
}
