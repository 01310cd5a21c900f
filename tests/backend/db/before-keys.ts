import type Database from 'better-sqlite3';
import { migrations } from '../../../electron/backend/db/migrations';
// The guards as the earlier migrations made them (key-only; migration 18 added the rowid).
import { keyOnlyAppendOnlyGuards as appendOnlyGuards, keyOnlyNoReplaceTrigger as noReplaceTrigger } from '../../../electron/backend/db/migrations/append-only';
import { TIMELINE_FEEDS, timelineTrigger } from '../../../electron/backend/db/migrations/013-lean';
import { rowIdSql } from '../../../electron/backend/db/row-key';
import { asBeforeLogRows } from './before-log-rows';

/**
 * Puts a store of today's schema back as migration 13 left it: the chain's links and the
 * timeline holding each record's id as text, the kind index over every record, the
 * fact_chain view and its triggers as migration 11 wrote them (taken from its own SQL),
 * the timeline triggers as migration 13 wrote them, after putting back what migration 16
 * changed (before-log-rows.ts). Then the schema version before "keys".
 */
export const keys = migrations.find((m) => m.name === 'keys')!;
const compact = migrations.find((m) => m.name === 'compact')!;
const VIEW_11 = compact.sql.match(/CREATE VIEW fact_chain[\s\S]*?CREATE TRIGGER fact_chain_delete[\s\S]*?\nEND;/)![0];

export function asBeforeKeys(db: Database.Database): void {
  asBeforeLogRows(db);
  db.exec(`
    DROP VIEW fact_chain;
    CREATE TABLE chain_links_text (
      ws INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      tab INTEGER NOT NULL,
      row_id TEXT NOT NULL,
      prev_hash BLOB NOT NULL,
      hash BLOB NOT NULL,
      canon_version INTEGER NOT NULL DEFAULT 1,
      PRIMARY KEY (ws, seq)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO chain_links_text SELECT ws, seq, tab, ${rowIdSql('row_id')}, prev_hash, hash, canon_version FROM chain_links;
    DROP TABLE chain_links;
    ALTER TABLE chain_links_text RENAME TO chain_links;
    CREATE UNIQUE INDEX chain_links_row ON chain_links(tab, row_id);
    ${VIEW_11}
    ${appendOnlyGuards('chain_links', [['ws', 'seq'], ['tab', 'row_id']])}

    ${TIMELINE_FEEDS.map((f) => `DROP TRIGGER ${f.name};`).join('\n')}
    ALTER TABLE timeline RENAME TO timeline_now;
    CREATE TABLE timeline (
      key INTEGER PRIMARY KEY,
      inc INTEGER NOT NULL,
      kind TEXT NOT NULL,
      record_id TEXT NOT NULL,
      pos INTEGER,
      op INTEGER,
      cat INTEGER
    ) STRICT;
    INSERT INTO timeline SELECT key, inc, kind, ${rowIdSql('record_id')}, pos, op, cat FROM timeline_now;
    DROP TABLE timeline_now;
    CREATE INDEX timeline_incident ON timeline(inc);
    CREATE INDEX timeline_kind ON timeline(inc, kind);
    CREATE INDEX timeline_position ON timeline(inc, pos);
    CREATE INDEX timeline_operator ON timeline(inc, op);
    CREATE INDEX timeline_category ON timeline(inc, cat);
    CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline
    BEGIN SELECT RAISE(ABORT, 'timeline is derived from records of fact: it cannot be altered'); END;
    CREATE TRIGGER timeline_no_delete BEFORE DELETE ON timeline
    BEGIN SELECT RAISE(ABORT, 'timeline is derived from records of fact: it cannot be deleted'); END;
    ${noReplaceTrigger('timeline', [['key']])}
    ${TIMELINE_FEEDS.map((f) => timelineTrigger(f)).join('\n')}
  `);
  db.pragma(`user_version = ${keys.version - 1}`);
}
