import type Database from 'better-sqlite3';
import { undoRowidGuards } from './before-rowid-guards';

/**
 * Puts back what migration "write-pages" (17) removed, for a store set back to an earlier
 * schema: the region totals table (empty: the migration drops it again) and the change
 * log's index by row. Without them the console takes the older store for a half-migrated one.
 */
export function undoWritePages(db: Database.Database): void {
  undoRowidGuards(db); // "rowid-guards" (18) came after
  db.exec(`
    CREATE TABLE IF NOT EXISTS status_totals (type_id TEXT PRIMARY KEY, total REAL NOT NULL, reporting INTEGER NOT NULL) STRICT, WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS changes_row ON changes(table_name, row_id);
  `);
}
