import Database from 'better-sqlite3';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLatest, schemaVersion } from '../../../electron/backend/db/migrate';
import { LATEST_SCHEMA } from '../../../electron/backend/db/migrations';
import { tables as latestTables } from '../../../electron/backend/db/migrations/latest';
import { tablesAtVersion } from '../../../electron/backend/db/recognise';
import { LATEST_MODULE, latestModule, masterRows, migratedStore } from './latest-schema-dump';

/** Every row of every table, the internal ones and a virtual table's own included, in stored order. */
function contents(db: Database.Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const { name, sql } of masterRows(db).filter((r) => r.type === 'table')) {
    if (/^CREATE VIRTUAL TABLE/i.test(sql ?? '')) continue; // read through its own tables
    const withoutRowid = !!db.prepare('SELECT 1 FROM pragma_table_list WHERE name = ? AND wr = 1').get(name);
    out[name] = db.prepare(`SELECT ${withoutRowid ? '' : 'rowid AS "(rowid)", '}* FROM "${name}"`).all();
  }
  return out;
}

/** The file's settings (not its free pages: the migrations' dropped tables leave some, the script none). */
const pragmas = (db: Database.Database) =>
  Object.fromEntries(['user_version', 'application_id', 'auto_vacuum', 'page_size', 'encoding'].map((p) => [p, db.pragma(p, { simple: true })]));

describe('a new store made by one script (migrations/latest.ts)', () => {
  it('is generated from the migrations as they are now (else run: npx tsx tests/backend/db/latest-schema-dump.ts)', () => {
    expect(fs.readFileSync(LATEST_MODULE, 'utf8')).toBe(latestModule());
  });

  it('equals a store migrated 1..N: the same sqlite_master, user_version and seeded rows', () => {
    const migrated = migratedStore();
    const made = new Database(':memory:');
    expect(createLatest(made)).toBe(LATEST_SCHEMA);
    expect(schemaVersion(made)).toBe(LATEST_SCHEMA);
    expect(masterRows(made)).toEqual(masterRows(migrated));
    expect(contents(made)).toEqual(contents(migrated));
    expect(Object.keys(contents(made)).length).toBeGreaterThan(90);
    expect(pragmas(made)).toEqual(pragmas(migrated));
    expect(made.pragma('foreign_key_check')).toEqual([]);
    expect(made.pragma('integrity_check', { simple: true })).toBe('ok');
    migrated.close();
    made.close();
  });

  it("lists the latest schema's tables, so recognising a store at it replays no migration", () => {
    const migrated = migratedStore();
    const names = migrated.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    expect([...latestTables].sort()).toEqual(names.sort());
    expect([...tablesAtVersion(LATEST_SCHEMA)].sort()).toEqual(names.sort());
    migrated.close();
  });

  it('leaves a store that is not empty to the migrations', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT');
    expect(() => createLatest(db)).toThrow(/already exists/);
    expect(schemaVersion(db)).toBe(0);
    db.close();
  });
});
