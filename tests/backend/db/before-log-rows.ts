import type Database from 'better-sqlite3';
import { migrations } from '../../../electron/backend/db/migrations';
import { SOURCES } from '../../../electron/backend/db/migrations/002-incidents';
// The guards as the earlier migrations made them (key-only; migration 18 added the rowid).
import { keyOnlyAppendOnlyGuards as appendOnlyGuards } from '../../../electron/backend/db/migrations/append-only';
import { TIMELINE_FEEDS, timelineTrigger } from '../../../electron/backend/db/migrations/013-lean';
import { rowKeySql } from '../../../electron/backend/db/row-key';
import { undoWritePages } from './before-write-pages';

/**
 * Puts a store of today's schema back as migration 15 left it (after undoing 17), its log: log_entries a table
 * holding every name as text (as migrations 2 and 12 made it), with its guards, its
 * corrections index and its timeline trigger as migration 14 wrote it. Same rows, same
 * rowids. Then the schema version before "log-rows".
 */
export const logRows = migrations.find((m) => m.name === 'log-rows')!;

export function asBeforeLogRows(db: Database.Database): void {
  undoWritePages(db); // "write-pages" (17) came after
  const feed = TIMELINE_FEEDS.find((f) => f.table === 'log_entries')!;
  db.exec(`
    CREATE TABLE log_entries_before (
      id TEXT PRIMARY KEY,
      workstation_id TEXT NOT NULL,
      operator_name TEXT,
      position_title TEXT,
      recorded_at INTEGER NOT NULL,
      occurred_at INTEGER NOT NULL,
      incident_id TEXT NOT NULL,
      position_id TEXT NOT NULL,
      category TEXT NOT NULL,
      text TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ${SOURCES}),
      transcribed INTEGER NOT NULL CHECK (transcribed IN (0, 1)),
      corrects_id TEXT,
      heard_from TEXT
    ) STRICT;
    INSERT INTO log_entries_before (rowid, id, workstation_id, operator_name, position_title, recorded_at, occurred_at, incident_id,
      position_id, category, text, source, transcribed, corrects_id, heard_from)
      SELECT l.rowid, e.* FROM log_rows l JOIN log_entries e ON e.id = l.id ORDER BY l.rowid;
    DROP VIEW log_entries;
    DROP TABLE log_rows;
    ALTER TABLE log_entries_before RENAME TO log_entries;
    CREATE INDEX log_entries_corrects ON log_entries(corrects_id) WHERE corrects_id IS NOT NULL;
    ${appendOnlyGuards('log_entries')}
    ${timelineTrigger(feed, rowKeySql('NEW.id'))}
  `);
  db.pragma(`user_version = ${logRows.version - 1}`);
}
