import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

/** A unique index of a mutable table, read from the schema: its columns and its WHERE. */
interface UniqueIndex {
  name: string;
  columns: string[];
  where: string | null;
}

type Row = Record<string, string | number | null>;

/**
 * Two workstations offline can each create a row the other's would collide with on a
 * unique index (each opens "period 2", each assigns a holder to the same position). Both
 * are kept, and the outcome must not depend on which arrived first: of the rows that
 * collide, the one created first (lowest clock of its first change) stays; the others are
 * set aside, held as deleted here and listed in `sync_set_aside` for review, and come back
 * by themselves when what they collided with goes away.
 */
export class Duplicates {
  private readonly indexes = new Map<string, UniqueIndex[]>();

  constructor(private readonly db: Db) {}

  private stmt(sql: string): Statement<unknown[]> {
    // Through the store's statement cache every time, never kept here: a statement kept
    // across calls could have its modes (pluck, raw) changed by another caller of the same SQL.
    return this.db.prepare(sql);
  }

  uniqueIndexes(table: string): UniqueIndex[] {
    let list = this.indexes.get(table);
    if (!list) {
      const rows = this.db
        .prepare(
          "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql LIKE 'CREATE UNIQUE INDEX%'",
        )
        .all(table) as { name: string; sql: string }[];
      list = rows.map((r) => {
        const m = /\bON\s+\w+\s*\(([^)]*)\)\s*(?:WHERE\s+([\s\S]+))?$/i.exec(r.sql.trim());
        if (!m) throw new Error(`Cannot read unique index ${r.name}`);
        return {
          name: r.name,
          columns: m[1]!.split(',').map((c) => c.trim().split(/\s+/)[0]!),
          where: m[2]?.trim() ?? null,
        };
      });
      this.indexes.set(table, list);
    }
    return list;
  }

  /** When a row was created: the clock of its first change (the same on every workstation). */
  created(table: string, id: string): string {
    return (
      (this.stmt('SELECT min(hlc) FROM changes WHERE table_name = ? AND row_id = ?').pluck().get(table, id) as
        string | null) ?? ''
    );
  }

  private readonly defaults = new Map<string, Row>();

  /** The values SQLite gives columns a write leaves out (a new row's `deleted` is 0). */
  private withDefaults(table: string, row: Row): Row {
    let d = this.defaults.get(table);
    if (!d) {
      d = {};
      for (const c of this.db
        .prepare('SELECT name, dflt_value FROM pragma_table_info(?) WHERE dflt_value IS NOT NULL')
        .all(table) as { name: string; dflt_value: string }[]) {
        d[c.name] = this.db.prepare(`SELECT ${c.dflt_value}`).pluck().get() as string | number | null;
      }
      this.defaults.set(table, d);
    }
    return { ...d, ...Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) };
  }

  /** Live rows that `row` (as it would be written) collides with on some unique index. */
  rivals(table: string, given: Row, columns: readonly string[]): string[] {
    const row = this.withDefaults(table, given);
    const out = new Set<string>();
    for (const ix of this.uniqueIndexes(table)) {
      if (ix.where && !this.satisfies(table, row, columns, ix.where)) continue;
      const match = ix.columns.map((c) => `${c} IS @${c}`).join(' AND ');
      const params: Row = { id: row.id ?? null };
      for (const c of ix.columns) params[c] = row[c] ?? null;
      const ids = this.stmt(
        `SELECT id FROM ${table} WHERE ${match}${ix.where ? ` AND (${ix.where})` : ''} AND id <> @id`,
      )
        .pluck()
        .all(params) as string[];
      for (const id of ids) out.add(id);
    }
    return [...out];
  }

  private satisfies(table: string, row: Row, columns: readonly string[], where: string): boolean {
    const cols = columns.map((c) => `@${c} AS ${c}`).join(', ');
    const params: Row = {};
    for (const c of columns) params[c] = row[c] ?? null;
    return this.stmt(`SELECT 1 FROM (SELECT ${cols}) WHERE ${where}`).get(params) !== undefined;
  }

  /** Records a row just written as deleted because it collided; `settle` decides for good. */
  markAside(table: string, id: string): void {
    this.stmt('INSERT INTO sync_set_aside (table_name, row_id, kept_id) VALUES (?,?,?) ON CONFLICT DO NOTHING').run(
      table,
      id,
      '',
    );
  }

  /**
   * Decides afresh, for the whole table, which rows stay: rows meant to be live, oldest
   * first (clock of their first change, then id), each kept unless a key of a unique index
   * it falls under is already held by a kept row; the rest are set aside. A pure function
   * of the rows' intended values, so every workstation holding the same changes decides
   * the same. Returns the rows whose state changed.
   */
  settle(table: string, intended: (id: string) => Row | null): string[] {
    const indexes = this.uniqueIndexes(table);
    const current = this.db.prepare(`SELECT id, deleted FROM ${table}`).all() as { id: string; deleted: number }[];
    const aside = new Set(this.asideIn(table));
    const candidates: { id: string; row: Row; created: string }[] = [];
    for (const c of current) {
      const row = intended(c.id) ?? (this.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(c.id) as Row);
      const full = this.withDefaults(table, row);
      if (full.deleted === 1) continue;
      candidates.push({ id: c.id, row: full, created: this.created(table, c.id) });
    }
    candidates.sort((a, b) =>
      a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
    const columns = [...Object.keys(this.withDefaults(table, {}))];
    const taken = new Map<string, string>();
    const keep = new Set<string>();
    const setAside = new Map<string, string>();
    for (const c of candidates) {
      const keys: string[] = [];
      for (const ix of indexes) {
        if (ix.where && !this.satisfies(table, c.row, [...new Set([...columns, ...Object.keys(c.row)])], ix.where))
          continue;
        keys.push(`${ix.name}\u0000${JSON.stringify(ix.columns.map((k) => c.row[k] ?? null))}`);
      }
      const clash = keys.map((k) => taken.get(k)).find((x) => x !== undefined);
      if (clash) setAside.set(c.id, clash);
      else {
        keep.add(c.id);
        for (const k of keys) taken.set(k, c.id);
      }
    }
    const changed: string[] = [];
    const state = new Map(current.map((c) => [c.id, c.deleted]));
    // Set aside first, so the keys they held are free for the rows that stay.
    for (const [id, by] of setAside) {
      if (state.get(id) !== 1) {
        this.db.prepare(`UPDATE ${table} SET deleted = 1 WHERE id = ?`).run(id);
        changed.push(id);
      }
      this.stmt(
        'INSERT INTO sync_set_aside (table_name, row_id, kept_id) VALUES (?,?,?) ON CONFLICT DO UPDATE SET kept_id = excluded.kept_id',
      ).run(table, id, by);
    }
    for (const id of keep) {
      if (aside.has(id)) {
        if (state.get(id) === 1) {
          try {
            this.db.prepare(`UPDATE ${table} SET deleted = 0 WHERE id = ?`).run(id);
          } catch (e) {
            // A live row still holds the key as it is now, not as its changes say it will be
            // (its own change, later in the same apply, is not written yet): this row stays
            // aside until that row is written, which settles the table again.
            if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw e;
            continue;
          }
          changed.push(id);
        }
        this.release(table, id);
      }
    }
    // Rows now meant to be deleted need no setting aside.
    for (const id of aside) if (!keep.has(id) && !setAside.has(id)) this.release(table, id);
    return changed;
  }

  release(table: string, id: string): void {
    this.stmt('DELETE FROM sync_set_aside WHERE table_name = ? AND row_id = ?').run(table, id);
  }

  asideIn(table: string): string[] {
    return this.stmt('SELECT row_id FROM sync_set_aside WHERE table_name = ? ORDER BY row_id')
      .pluck()
      .all(table) as string[];
  }

  isAside(table: string, id: string): boolean {
    return this.stmt('SELECT 1 FROM sync_set_aside WHERE table_name = ? AND row_id = ?').get(table, id) !== undefined;
  }
}
