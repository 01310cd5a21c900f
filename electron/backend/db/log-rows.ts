import type { Statement } from 'better-sqlite3';
import { LOG_COLUMNS, LOG_REFS } from './migrations/016-log-rows';

type Cell = string | number | bigint | Buffer | null | undefined;

const INSERT = `INSERT INTO log_rows (${LOG_COLUMNS.map((c) => LOG_REFS.find(([v]) => v === c)?.[1] ?? c).join(', ')}) VALUES (${LOG_COLUMNS.map(() => '?').join(', ')})`;
const INTERNED = new Set<string>(LOG_REFS.map(([v]) => v));
const KNOWN = new Set<string>(LOG_COLUMNS);

/**
 * The writer's way into log_rows (migration 16), the table behind the log_entries view: the
 * same row the view's INSTEAD OF trigger would store, its six repeated names as their numbers
 * in timeline_refs, with the numbers remembered in memory instead of looked up in SQL for
 * every entry. timeline_refs is append-only, so a number once committed never changes; the
 * writer calls `forget` when a transaction rolls back (a number it added may be gone).
 */
export class LogRows {
  private readonly numbers = new Map<string, number>();

  private constructor(private readonly stmt: (sql: string) => Statement<unknown[]>) {}

  /** The writer's way into log_rows, or null for a store from before migration 16. */
  static of(db: { prepare(sql: string): { get(): unknown } }, stmt: (sql: string) => Statement<unknown[]>): LogRows | null {
    return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'log_rows'").get() ? new LogRows(stmt) : null;
  }

  /**
   * Stores a log entry's row; false (nothing stored) when it holds what only the view's
   * trigger takes as SQLite would (a column log_entries lacks, a name that is not text):
   * the caller then inserts through the view, which refuses or converts it as before.
   */
  insert(row: Readonly<Record<string, Cell>>): boolean {
    for (const k in row) if (!KNOWN.has(k)) return false;
    const values: Cell[] = [];
    for (const c of LOG_COLUMNS) {
      const v = row[c] ?? null;
      if (!INTERNED.has(c) || v === null) values.push(v);
      else if (typeof v === 'string') values.push(this.number(v));
      else return false;
    }
    this.stmt(INSERT).run(...values);
    return true;
  }

  /** After a rollback: numbers added in it may no longer be in timeline_refs. */
  forget(): void {
    this.numbers.clear();
  }

  private number(ref: string): number {
    let n = this.numbers.get(ref);
    if (n !== undefined) return n;
    const held = this.stmt('SELECT n FROM timeline_refs WHERE ref = ?').get(ref) as { n: number } | undefined;
    n = held ? held.n : Number(this.stmt('INSERT INTO timeline_refs (ref) VALUES (?)').run(ref).lastInsertRowid);
    this.numbers.set(ref, n);
    return n;
  }
}
