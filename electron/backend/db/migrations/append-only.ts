/**
 * The schema's guards for a table that is only ever added to (records of fact, chain
 * links, changes, the timeline). BEFORE UPDATE and BEFORE DELETE triggers refuse edits and
 * removals; they are not enough on their own, because `INSERT OR REPLACE` (and `REPLACE`)
 * resolves a key conflict by deleting the old row without firing delete triggers unless
 * `recursive_triggers` is on. So a BEFORE INSERT trigger refuses any insert whose key, or
 * any unique key, is already taken: it fires before conflict resolution, whatever the
 * statement's conflict clause or the connection's pragmas, and RAISE(ABORT) ends it.
 *
 * A later migration adding a fact table calls `appendOnlyGuards(table, [...unique keys])`
 * for every unique index it gives the table; the tests check each unique index is covered.
 */
export function appendOnlyGuards(table: string, uniqueKeys: readonly (readonly string[])[] = [['id']]): string {
  return `${noEditTriggers(table)}\n${noReplaceTrigger(table, uniqueKeys)}`;
}

export function noEditTriggers(table: string): string {
  return /* sql */ `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: a row cannot be altered; record a correction instead'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: a row cannot be deleted'); END;`;
}

export function noReplaceTrigger(table: string, uniqueKeys: readonly (readonly string[])[] = [['id']]): string {
  const taken = uniqueKeys
    .map((cols) => `EXISTS (SELECT 1 FROM ${table} WHERE ${cols.map((c) => `${c} = NEW.${c}`).join(' AND ')})`)
    .join(' OR ');
  return /* sql */ `
CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table} WHEN ${taken}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: a row with this key already exists and cannot be replaced'); END;`;
}

/** The guard triggers an append-only table must have; the verifier checks they are there. */
export function guardTriggerNames(table: string): string[] {
  return [`${table}_no_update`, `${table}_no_delete`, `${table}_no_replace`];
}
