/**
 * How a record's id is kept where it is repeated for every record (the chain's links and
 * the timeline, migration 14): an id in the console's own form, a lowercase UUID, as its
 * 16 bytes; any other id (never written by the console, but possible in a tampered or
 * foreign row) as its text. The conversion is exact both ways, so every reader still sees
 * the text id, and a lookup converts the id it is given the same way to reach the index.
 */
const HEX = '[0-9a-f]';
const UUID_GLOB = [8, 4, 4, 4, 12].map((n) => HEX.repeat(n)).join('-');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** SQL: the stored key of the id `x` (an expression or a bind parameter such as `?2`). */
export const rowKeySql = (x: string) => `CASE WHEN ${x} GLOB '${UUID_GLOB}' THEN unhex(replace(${x}, '-', '')) ELSE ${x} END`;

/** SQL: the text id a stored key `k` stands for. */
export function rowIdSql(k: string): string {
  const h = `hex(${k})`;
  const part = (from: number, n: number) => `substr(${h}, ${from}, ${n})`;
  return `CASE WHEN typeof(${k}) = 'blob' THEN lower(${part(1, 8)} || '-' || ${part(9, 4)} || '-' || ${part(13, 4)} || '-' || ${part(17, 4)} || '-' || ${part(21, 12)}) ELSE ${k} END`;
}

/** The stored key of an id, as rowKeySql computes it. */
export const rowKey = (id: string): string | Buffer => (UUID.test(id) ? Buffer.from(id.replace(/-/g, ''), 'hex') : id);

/** Whether the store keeps its links' row ids as keys (migration 14), or as text (before it). */
export function keyedChain(db: { prepare(sql: string): { get(): unknown } }): boolean {
  return !!db.prepare("SELECT 1 FROM pragma_table_info('chain_links') WHERE name = 'row_id' AND type = 'ANY'").get();
}

/**
 * The link of one record, reached through the chain's row index: `from` to join or select
 * from, `on` its condition, given the table's name and the row's id as SQL. Through the
 * fact_chain view the row id is text computed from the key, which no index holds, so a
 * store with keyed links is looked up in chain_links (its `seq` column is the link's seq).
 */
export function linkOfRow(keyed: boolean, alias: string, table: string, id: string): { from: string; on: string } {
  return keyed
    ? {
        from: `chain_links ${alias}`,
        on: `${alias}.tab = (SELECT n FROM chain_tables WHERE name = ${table}) AND ${alias}.row_id = ${rowKeySql(id)}`,
      }
    : { from: `fact_chain ${alias}`, on: `${alias}.table_name = ${table} AND ${alias}.row_id = ${id}` };
}
