import type { Statement } from 'better-sqlite3';
import { BOOKKEEPING_COLUMNS, derivedDefaults, isDerived } from './derived';
import { Duplicates } from './duplicates';
import type { Db } from './open';

/** One changed field, as stored in `changes` and as it travels between workstations. */
export interface ChangeRow {
  id: string;
  hlc: string;
  table_name: string;
  row_id: string;
  column_name: string;
  /** JSON of the new value. */
  value: string | null;
  workstation_id: string;
  operator_name: string | null;
  position_title: string | null;
  recorded_at: number;
  /** The clock of the value the writer overwrote (null: it saw none). */
  base_hlc: string | null;
}

/** One link of an origin's hash chain of records of fact. */
export interface ChainLink {
  workstation_id: string;
  seq: number;
  table_name: string;
  row_id: string;
  prev_hash: string;
  hash: string;
  /** The version of the table's canonical form the hash covers (canonical-forms.ts). */
  canon_version: number;
}

export type Row = Record<string, string | number | null>;

/** What an apply wrote, for the derivers and for the tables a window must refresh. */
export interface Touched {
  /** Mutable rows materialized or changed, by table. */
  readonly rows: Map<string, Set<string>>;
  /** Records of fact stored, with their content. */
  readonly facts: { table: string; row: Row }[];
}

export const emptyTouched = (): Touched => ({ rows: new Map(), facts: [] });

export function touchRow(t: Touched, table: string, id: string): void {
  let s = t.rows.get(table);
  if (!s) t.rows.set(table, (s = new Set()));
  s.add(id);
}

const SAFE_IDENT = /^[a-z_][a-z0-9_]*$/;
export function ident(name: string): string {
  if (!SAFE_IDENT.test(name)) throw new Error(`Unsafe SQL identifier ${name}`);
  return name;
}

interface ForeignKey {
  from: string;
  table: string;
  to: string;
}

const parse = (v: string | null): string | number | null =>
  v === null ? null : (JSON.parse(v) as string | number | null);

/**
 * Turns changes into rows: the one path by which a mutable field takes a value, whether the
 * change was made here a moment ago or on another workstation last night. Per field, the
 * change with the highest hybrid logical clock wins; applying a change twice, or in any
 * order, ends in the same row. A row whose parent (a foreign key) has not arrived yet, or
 * whose creation has not arrived, waits in `sync_pending_rows` and is materialized later.
 */
export class Applier {
  private readonly fks = new Map<string, ForeignKey[]>();
  private readonly columns = new Map<string, Set<string>>();

  private readonly dups: Duplicates;
  /** Whether sync_pending_rows may hold a row (unknown at start; this class alone adds them). */
  private pendingHeld = true;

  constructor(private readonly db: Db) {
    this.dups = new Duplicates(db);
  }

  stmt(sql: string): Statement<unknown[]> {
    // Through the store's statement cache every time, never kept here: a statement kept
    // across calls could have its modes (pluck, raw) changed by another caller of the same SQL.
    return this.db.prepare(sql);
  }

  /**
   * Stores a change unless it is already stored; returns whether it was new. `unheld`: the
   * caller knows it is not stored (a catch-up's changes past what the receiver holds of
   * their origin), so the lookup is skipped.
   */
  insertChange(c: ChangeRow, unheld = false): boolean {
    // Not INSERT OR IGNORE: the append-only guard refuses any insert of a key already taken.
    if (!unheld && this.stmt('SELECT 1 FROM changes WHERE id = ?').get(c.id)) return false;
    this.stmt(
      'INSERT INTO changes (id, hlc, table_name, row_id, column_name, value, workstation_id, operator_name, position_title, recorded_at, base_hlc) VALUES (@id, @hlc, @table_name, @row_id, @column_name, @value, @workstation_id, @operator_name, @position_title, @recorded_at, @base_hlc)',
    ).run(c);
    return true;
  }

  /**
   * Stores changes made here, in one statement: their ids were just drawn, so none can be
   * held already (insertChange's check is for changes that travelled).
   */
  insertNewChanges(rows: readonly ChangeRow[]): void {
    const one = '(?,?,?,?,?,?,?,?,?,?,?)';
    const values: (string | number | null)[] = [];
    for (const c of rows)
      values.push(c.id, c.hlc, c.table_name, c.row_id, c.column_name, c.value, c.workstation_id, c.operator_name, c.position_title, c.recorded_at, c.base_hlc);
    this.stmt(
      `INSERT INTO changes (id, hlc, table_name, row_id, column_name, value, workstation_id, operator_name, position_title, recorded_at, base_hlc) VALUES ${Array(rows.length).fill(one).join(',')}`,
    ).run(values);
  }

  /** The change whose value a field holds now (the highest clock), if any. */
  winner(
    table: string,
    rowId: string,
    column: string,
  ): { id: string; hlc: string; value: string | null; base_hlc: string | null } | undefined {
    return this.stmt(
      'SELECT id, hlc, value, base_hlc FROM changes WHERE table_name = ? AND row_id = ? AND column_name = ? ORDER BY hlc DESC LIMIT 1',
    ).get(table, rowId, column) as never;
  }

  /**
   * Brings one row in line with its changes. `columns` narrows an update to the fields just
   * changed; a row not yet present is built from all of its changes (`all`, when the caller
   * holds every one of them already, saves reading them back). Returns whether the row was
   * written.
   */
  materialize(
    table: string,
    rowId: string,
    columns: Iterable<string> | null,
    touched: Touched,
    /** Every change the row has, when the caller holds them all (a row first written in this apply). */
    allChanges?: readonly ChangeRow[],
  ): boolean {
    const t = ident(table);
    const existing = this.stmt(`SELECT * FROM ${t} WHERE id = ?`).get(rowId) as Row | undefined;
    const known = this.columnsOf(table);
    const aside = this.dups.isAside(table, rowId);
    if (existing) {
      const sets: Row = {};
      let maxHlc = String(existing.updated_hlc ?? '');
      for (const col of columns ?? known) {
        if (!known.has(col) || BOOKKEEPING_COLUMNS.has(col) || isDerived(table, col)) continue;
        // A row set aside as a duplicate stays deleted here until what it collides with goes.
        if (aside && col === 'deleted') continue;
        const w = this.winner(table, rowId, col);
        if (!w) continue;
        if (w.hlc > maxHlc) maxHlc = w.hlc;
        const v = parse(w.value);
        if (existing[col] !== v) sets[col] = v;
      }
      const missing = this.missingParent(table, { ...existing, ...sets });
      if (missing) return this.pend(table, rowId, missing);
      if (Object.keys(sets).length === 0 && maxHlc === existing.updated_hlc) return this.settled(table, rowId);
      const write = (values: Row) => {
        const assign = Object.keys(values).map((k) => `${ident(k)} = @${k}`);
        this.stmt(`UPDATE ${t} SET ${[...assign, 'updated_hlc = @updated_hlc'].join(', ')} WHERE id = @id`).run({ ...values, updated_hlc: maxHlc, id: rowId });
      };
      if (
        !this.collisionSafe(
          table,
          rowId,
          { ...existing, ...sets },
          () => write(sets),
          () => write({ ...sets, deleted: 1 }),
          touched,
        )
      )
        return this.pend(table, rowId, 'could not be written');
      touchRow(touched, table, rowId);
      this.reconsider(table, touched);
      return this.settled(table, rowId);
    }
    const full = this.intended(table, rowId, allChanges);
    if (!full) return false;
    const missing = this.missingParent(table, full);
    if (missing) return this.pend(table, rowId, missing);
    const insert = (values: Row) => {
      const cols = Object.keys(values).map(ident);
      this.stmt(`INSERT INTO ${t} (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`).run(values);
    };
    let ok: boolean;
    try {
      ok = this.collisionSafe(
        table,
        rowId,
        full,
        () => insert(full),
        () => insert({ ...full, deleted: 1 }),
        touched,
      );
    } catch (e) {
      // Not all of the row has arrived yet (its creation is in a batch still on its way):
      // it waits rather than fails.
      const code = (e as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_CONSTRAINT')) return this.pend(table, rowId, `${code}: ${(e as Error).message}`);
      throw e;
    }
    if (!ok) return this.pend(table, rowId, 'could not be written');
    touchRow(touched, table, rowId);
    this.reconsider(table, touched);
    return this.settled(table, rowId);
  }

  /** The row as its changes say it is: each field's newest value, plus bookkeeping and derived defaults. */
  private intended(table: string, rowId: string, given?: readonly ChangeRow[]): Row | null {
    type Field = { column_name: string; value: string | null; hlc: string; recorded_at: number };
    const all: Field[] = given
      ? [...given].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))
      : (this.stmt(
          'SELECT column_name, value, hlc, recorded_at FROM changes WHERE table_name = ? AND row_id = ? ORDER BY hlc',
        ).all(table, rowId) as Field[]);
    if (!all.length) return null;
    const known = this.columnsOf(table);
    const row: Row = {};
    for (const c of all)
      if (known.has(c.column_name) && !BOOKKEEPING_COLUMNS.has(c.column_name) && !isDerived(table, c.column_name))
        row[c.column_name] = parse(c.value);
    const created = Math.min(...all.map((c) => c.recorded_at));
    return {
      ...derivedDefaults(table, created),
      ...row,
      id: rowId,
      created_at: created,
      updated_hlc: all[all.length - 1]!.hlc,
    };
  }

  /**
   * Runs `write`; if it collides on a unique index, writes the row set aside instead and
   * lets the table's duplicates be settled again from scratch (`settleDuplicates`), so the
   * outcome does not depend on the order rows arrived in. Returns false when even that fails.
   */
  private collisionSafe(
    table: string,
    rowId: string,
    _row: Row,
    write: () => void,
    writeAside: () => void,
    touched: Touched,
  ): boolean {
    try {
      write();
      return true;
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw e;
    }
    try {
      writeAside();
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
      throw e;
    }
    this.dups.markAside(table, rowId);
    touchRow(touched, table, rowId);
    return true;
  }

  /** Settles which of the table's colliding rows stays, when any is set aside. */
  private reconsider(table: string, touched: Touched): void {
    if (!this.dups.asideIn(table).length) return;
    for (const id of this.dups.settle(table, (id) => this.intended(table, id))) touchRow(touched, table, id);
  }

  /** Retries rows that were waiting; returns how many were materialized. */
  retryPending(touched: Touched): number {
    let done = 0;
    // Nothing waits for a parent in almost every write: skip asking the table each time.
    if (!this.pendingHeld) return 0;
    for (;;) {
      const rows = this.stmt('SELECT table_name, row_id FROM sync_pending_rows').all() as {
        table_name: string;
        row_id: string;
      }[];
      if (!rows.length) this.pendingHeld = false;
      let progress = 0;
      for (const r of rows) if (this.materialize(r.table_name, r.row_id, null, touched)) progress++;
      done += progress;
      if (!progress) return done;
    }
  }

  /**
   * Recomputes the review queue of one field: the changes its current value won against
   * although its writer had not seen them (their clock is later than the value it
   * overwrote), when they said something different. A pure function of the changes, so
   * every workstation that holds the same changes shows the same queue.
   */
  refreshConflicts(table: string, rowId: string, column: string, now: number): void {
    if (BOOKKEEPING_COLUMNS.has(column) || isDerived(table, column)) return;
    const w = this.winner(table, rowId, column);
    this.stmt('DELETE FROM sync_conflicts WHERE table_name = ? AND row_id = ? AND column_name = ?').run(
      table,
      rowId,
      column,
    );
    if (!w) return;
    const losers = this.stmt(
      "SELECT id, value FROM changes WHERE table_name = ? AND row_id = ? AND column_name = ? AND hlc > coalesce(?, '') AND id <> ?",
    ).all(table, rowId, column, w.base_hlc, w.id) as { id: string; value: string | null }[];
    const ins = this.stmt(
      'INSERT OR IGNORE INTO sync_conflicts (table_name, row_id, column_name, winner_id, loser_id, detected_at) VALUES (?,?,?,?,?,?)',
    );
    for (const l of losers) if (l.value !== w.value) ins.run(table, rowId, column, w.id, l.id, now);
  }

  /** The first foreign key of `row` whose parent row is not here (yet). */
  missingParent(table: string, row: Row): string | null {
    for (const fk of this.foreignKeys(table)) {
      const v = row[fk.from];
      if (v === null || v === undefined) continue;
      const found = this.stmt(`SELECT 1 FROM ${ident(fk.table)} WHERE ${ident(fk.to)} = ?`).get(v);
      if (!found) return `waiting for ${fk.table} ${String(v)}`;
    }
    return null;
  }

  columnsOf(table: string): Set<string> {
    let c = this.columns.get(table);
    if (!c) {
      c = new Set(
        (this.db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name),
      );
      this.columns.set(table, c);
    }
    return c;
  }

  private foreignKeys(table: string): ForeignKey[] {
    let f = this.fks.get(table);
    if (!f) {
      f = (
        this.db.prepare('SELECT "from", "table", "to" FROM pragma_foreign_key_list(?)').all(table) as ForeignKey[]
      ).map((k) => ({ ...k, to: k.to ?? 'id' }));
      this.fks.set(table, f);
    }
    return f;
  }

  /** After a rollback: rows cleared by the rolled-back transaction may be back. */
  mayHavePending(): void {
    this.pendingHeld = true;
  }

  private pend(table: string, rowId: string, reason: string): false {
    this.pendingHeld = true;
    this.stmt(
      'INSERT INTO sync_pending_rows (table_name, row_id, reason) VALUES (?,?,?) ON CONFLICT DO UPDATE SET reason = excluded.reason',
    ).run(table, rowId, reason);
    return false;
  }

  private settled(table: string, rowId: string): true {
    if (this.pendingHeld)
      this.stmt('DELETE FROM sync_pending_rows WHERE table_name = ? AND row_id = ?').run(table, rowId);
    return true;
  }
}
