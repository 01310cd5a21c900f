import type Database from 'better-sqlite3';
import { migrations } from '../../../electron/backend/db/migrations';
// The guards as the earlier migrations made them (key-only; migration 18 added the rowid).
import { keyOnlyNoReplaceTrigger as noReplaceTrigger } from '../../../electron/backend/db/migrations/append-only';
import { TIMELINE_FEEDS } from '../../../electron/backend/db/migrations/013-lean';
import { asBeforeKeys } from './before-keys';

/**
 * Puts a store of today's schema back as migrations 1 to 12 left its timeline: operator and
 * category as names in the row and its indexes, the full-text index with positions and
 * sizes (detail=full) and the old scope tokens, and the triggers that fed both, taken from
 * those migrations' own SQL, after putting back what migration 14 changed (before-keys.ts). (The old index is filled from the records as they read now,
 * as the triggers filled it when each was written.) Then the schema version before "lean".
 */
export const lean = migrations.find((m) => m.name === 'lean')!;

/** A trigger as the newest migration before `lean` that defines it wrote it. */
function oldTrigger(name: string): string {
  let found: string | undefined;
  for (const m of migrations.slice(0, lean.version - 1)) {
    const all = m.sql.match(new RegExp(`CREATE TRIGGER ${name} AFTER INSERT[\\s\\S]*?\\nEND;`, 'g'));
    if (all) found = all.at(-1);
  }
  if (!found) throw new Error(`no earlier definition of ${name}`);
  return found;
}

export function asBeforeLean(db: Database.Database): void {
  asBeforeKeys(db);
  db.exec(`
    ${TIMELINE_FEEDS.map((f) => `DROP TRIGGER ${f.name};`).join('\n')}
    ALTER TABLE timeline RENAME TO timeline_now;
    CREATE TABLE timeline (
      key INTEGER PRIMARY KEY,
      inc INTEGER NOT NULL,
      kind TEXT NOT NULL,
      record_id TEXT NOT NULL,
      pos INTEGER,
      operator_name TEXT,
      category TEXT
    ) STRICT;
    INSERT INTO timeline SELECT t.key, t.inc, t.kind, t.record_id, t.pos, o.ref, c.ref
      FROM timeline_now t LEFT JOIN timeline_refs o ON o.n = t.op LEFT JOIN timeline_refs c ON c.n = t.cat;
    DROP TABLE timeline_now;
    CREATE INDEX timeline_incident ON timeline(inc);
    CREATE INDEX timeline_kind ON timeline(inc, kind);
    CREATE INDEX timeline_position ON timeline(inc, pos);
    CREATE INDEX timeline_operator ON timeline(inc, operator_name);
    CREATE INDEX timeline_category ON timeline(inc, category);
    CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline
    BEGIN SELECT RAISE(ABORT, 'timeline is derived from records of fact: it cannot be altered'); END;
    CREATE TRIGGER timeline_no_delete BEFORE DELETE ON timeline
    BEGIN SELECT RAISE(ABORT, 'timeline is derived from records of fact: it cannot be deleted'); END;
    ${noReplaceTrigger('timeline', [['key']])}
    DROP TABLE timeline_fts;
    CREATE VIRTUAL TABLE timeline_fts USING fts5(scope, body, content = '', tokenize = 'unicode61 remove_diacritics 2');
    ${TIMELINE_FEEDS.map(
      (f) => `INSERT INTO timeline_fts (rowid, scope, body)
        SELECT t.key, 'i' || t.inc || ' k' || t.kind || coalesce(' p' || t.pos, ''), ${f.body.replace(/\bNEW\./g, 's.')}
        FROM timeline t JOIN ${f.table} s ON s.id = t.record_id WHERE t.kind = '${f.kind}';`,
    ).join('\n')}
    ${TIMELINE_FEEDS.map((f) => oldTrigger(f.name)).join('\n')}
  `);
  db.pragma(`user_version = ${lean.version - 1}`);
}
