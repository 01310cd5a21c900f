/**
 * Migration 17 (issues 8 and 14): pages a write put in the WAL that no reader needs.
 *
 * The change log's index by row alone is dropped.
 * `changes_row` (table_name, row_id) is the leading part of `changes_field` (table_name,
 * row_id, column_name, hlc): every read of a row's changes (who drew an annotation, the row
 * rebuilt from its changes, "has any change reached this row") is served by the longer
 * index just as well, while every mutable write paid for both. A new annotation writes about
 * nine change rows, all under one (table, row) key in the middle of the index: one to four
 * more pages in the WAL per save (measured from the WAL's frame headers), and the index's
 * share of the file. IF EXISTS: the migration tests rebuild older schemas from today's and
 * run the later migrations again.
 *
 * `status_totals` (a region total per summed type) is dropped: it always equalled the
 * newest bucket of the same type in `status_trend` (apply.ts moves both by the same
 * difference from the same report; a late report moves neither's newest), and a status
 * report that changed a bed count wrote both, one page more. The board reads the newest
 * bucket instead (board.ts, one indexed read per summed type).
 *
 * Numbered 17: 16 is the log-row migration made at the same time.
 */
export const sql = /* sql */ `
DROP INDEX IF EXISTS changes_row;
DROP TABLE IF EXISTS status_totals;
`;
