/**
 * The schema's guards for a table that is only ever added to (records of fact, chain
 * links, changes, the timeline). BEFORE UPDATE and BEFORE DELETE triggers refuse edits and
 * removals; they are not enough on their own, because `INSERT OR REPLACE` (and `REPLACE`)
 * resolves a key conflict by deleting the old row without firing delete triggers unless
 * `recursive_triggers` is on. So a BEFORE INSERT trigger refuses any insert whose key, or
 * any unique key, is already taken: it fires before conflict resolution, whatever the
 * statement's conflict clause or the connection's pragmas, and RAISE(ABORT) ends it.
 *
 * The rowid is a unique key too: `INSERT OR REPLACE INTO t (rowid, id, …)` naming an
 * existing row's rowid with a new id conflicts on the rowid alone, and REPLACE deletes that
 * row just the same. Since migration 18 the trigger also refuses an insert whose rowid is
 * taken. When no rowid is given, a BEFORE INSERT trigger sees NEW.rowid as -1 (SQLite's
 * stand-in value; the rowid is chosen after the trigger), which no row of ours has (rowids
 * are chosen from 1 up), so an ordinary insert is never refused. A WITHOUT ROWID table has
 * no rowid: its primary key is its conflict target, among its unique keys already.
 *
 * A later migration adding a fact table calls `appendOnlyGuards(table, [...unique keys])`
 * for every unique index it gives the table; the tests check each unique index is covered.
 */

export interface ReplaceGuardOptions {
  /** The table the trigger sits on when not `table` itself (log_entries' guards sit on log_rows). */
  readonly on?: string;
  /**
   * The column holding the rowid: 'rowid', or an INTEGER PRIMARY KEY's name (the rowid's
   * alias), or null for a WITHOUT ROWID table. Not repeated when it is a unique key already.
   */
  readonly rowid?: string | null;
}

export function appendOnlyGuards(table: string, uniqueKeys: readonly (readonly string[])[] = [['id']], options: ReplaceGuardOptions = {}): string {
  return `${noEditTriggers(table)}\n${noReplaceTrigger(table, uniqueKeys, options)}`;
}

export function noEditTriggers(table: string): string {
  return /* sql */ `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: a row cannot be altered; record a correction instead'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: a row cannot be deleted'); END;`;
}

/** The REPLACE guard, refusing an insert whose rowid or any unique key is taken (migration 18 on). */
export function noReplaceTrigger(table: string, uniqueKeys: readonly (readonly string[])[] = [['id']], options: ReplaceGuardOptions = {}): string {
  const { on = table, rowid = 'rowid' } = options;
  const keys = rowid && !uniqueKeys.some((k) => k.length === 1 && k[0] === rowid) ? [[rowid], ...uniqueKeys] : uniqueKeys;
  return /* sql */ `
CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${on} WHEN ${taken(on, keys)}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: a row with this key or rowid already exists and cannot be replaced'); END;`;
}

/**
 * The guards as migrations 4 to 17 made them: the REPLACE guard compares the unique keys
 * only. Those migrations keep calling these (aliased to the names above), so a store built
 * today passes through exactly the schemas a store of their time had; migration 18 then
 * replaces every REPLACE guard with the form above.
 */
export function keyOnlyAppendOnlyGuards(table: string, uniqueKeys: readonly (readonly string[])[] = [['id']]): string {
  return `${noEditTriggers(table)}\n${keyOnlyNoReplaceTrigger(table, uniqueKeys)}`;
}

export function keyOnlyNoReplaceTrigger(table: string, uniqueKeys: readonly (readonly string[])[] = [['id']]): string {
  return /* sql */ `
CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table} WHEN ${taken(table, uniqueKeys)}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: a row with this key already exists and cannot be replaced'); END;`;
}

const taken = (table: string, keys: readonly (readonly string[])[]) =>
  keys.map((cols) => `EXISTS (SELECT 1 FROM ${table} WHERE ${cols.map((c) => `${c} = NEW.${c}`).join(' AND ')})`).join(' OR ');

/** The guard triggers an append-only table must have; the verifier checks they are there. */
export function guardTriggerNames(table: string): string[] {
  return [`${table}_no_update`, `${table}_no_delete`, `${table}_no_replace`];
}
