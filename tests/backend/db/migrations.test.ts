import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion, StoreTooNewError } from '../../../electron/backend/db/migrate';
import { migrations, LATEST_SCHEMA } from '../../../electron/backend/db/migrations';
import { tempDir } from '../helpers/backend';

describe('migrations', () => {
  it('are numbered 1..n with no gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('migration 1 creates the foundation tables with append-only triggers', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    migrate(db, migrations.slice(0, 1));
    expect(schemaVersion(db)).toBe(1);
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','trigger')").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['meta', 'changes', 'fact_chain', 'audit_entries', 'audit_entries_no_update']));
    db.close();
  });

  it('applies all pending migrations in one transaction: a failing one leaves the file as it was', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    const broken = [...migrations, { version: LATEST_SCHEMA + 1, name: 'broken', sql: 'CREATE TABLE ok_table (x); SELECT * FROM no_such_table;' }];
    expect(() => migrate(db, broken)).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('meta','ok_table')").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses to migrate a file newer than the code', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_SCHEMA + 1}`);
    expect(() => migrate(db)).toThrow(StoreTooNewError);
    db.close();
  });
});
