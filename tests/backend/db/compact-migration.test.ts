import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';
import { FACT_TABLES, migrations } from '../../../electron/backend/db/migrations';
// The guards as the earlier migrations made them (key-only; migration 18 added the rowid).
import { noEditTriggers, keyOnlyNoReplaceTrigger as noReplaceTrigger } from '../../../electron/backend/db/migrations/append-only';
import { asAttacker, copyOf, localWorkstation, makeDemoStore, middleLink, verify } from '../integrity/demo-store';

/**
 * Migration "compact" (011) converts a store whose chain is the text table of migrations 1
 * and 4 into the compact one behind the fact_chain view. The store before it is made from
 * the demonstration coalition (records in every domain, several workstations' worth of
 * links, signed heads) by putting its chain back in the old table, exactly as migrations 1
 * and 4 made it, and the schema version back to the one before.
 */
const compact = migrations.find((m) => m.name === 'compact')!;

type Link = { workstation_id: string; seq: number; table_name: string; row_id: string; prev_hash: string; hash: string; canon_version: number };
const allLinks = (db: Database.Database) =>
  db.prepare('SELECT workstation_id, seq, table_name, row_id, prev_hash, hash, canon_version FROM fact_chain ORDER BY workstation_id, seq').all() as Link[];

function asBeforeCompact(db: Database.Database): void {
  db.exec(`
    CREATE TABLE old_chain (
      workstation_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      canon_version INTEGER NOT NULL DEFAULT 1,
      PRIMARY KEY (workstation_id, seq)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO old_chain SELECT workstation_id, seq, table_name, row_id, prev_hash, hash, canon_version FROM fact_chain;
    DROP VIEW fact_chain;
    DROP TABLE chain_links;
    DROP TABLE chain_origins;
    DROP TABLE chain_tables;
    ALTER TABLE old_chain RENAME TO fact_chain;
    CREATE UNIQUE INDEX fact_chain_row ON fact_chain(table_name, row_id);
    ${noEditTriggers('fact_chain')}
    ${noReplaceTrigger('fact_chain', [['workstation_id', 'seq'], ['table_name', 'row_id']])}
  `);
  db.pragma(`user_version = ${compact.version - 1}`);
}

let demo: string;
let db: Database.Database;
let before: Link[];
beforeAll(async () => {
  demo = await makeDemoStore();
  // Beside the demonstration store (the per-test clean-up leaves that folder alone), so the
  // later tests can copy the converted file.
  const file = path.join(path.dirname(demo), 'before-compact.sqlite');
  fs.copyFileSync(demo, file);
  db = new Database(file);
  asBeforeCompact(db);
  before = allLinks(db);
});
afterAll(() => {
  db.close();
  fs.rmSync(path.dirname(demo), { recursive: true, force: true });
});

describe('migration compact: the chain in fewer bytes, the same links', () => {
  it('starts from a store in the old layout with records of fact in every domain that has them', () => {
    expect(db.prepare("SELECT type FROM sqlite_master WHERE name = 'fact_chain'").pluck().get()).toBe('table');
    const chained = new Set(before.map((l) => l.table_name));
    // The demonstration coalition writes into these domains' records of fact, at least.
    for (const t of ['audit_entries', 'log_entries', 'decisions', 'messages', 'request_events', 'status_reports', 'workstation_keys'])
      expect(chained, t).toContain(t);
    expect([...chained].every((t) => FACT_TABLES.has(t))).toBe(true);
    expect(verify(db).problems).toEqual([]);
  });

  it('converts it: every link reads back exactly as before, hex hashes and all, and the store verifies', () => {
    // Up to this migration: the store was made by today's schema, so the later ones are in it.
    migrate(db, migrations.slice(0, compact.version));
    expect(db.prepare("SELECT type FROM sqlite_master WHERE name = 'fact_chain'").pluck().get()).toBe('view');
    expect(allLinks(db)).toEqual(before);
    const stored = db.prepare('SELECT typeof(hash) AS t, length(hash) AS n FROM chain_links LIMIT 1').get();
    expect(stored).toEqual({ t: 'blob', n: 32 });
    const r = verify(db);
    expect(r.problems).toEqual([]);
    expect(r.checkedLinks).toBe(before.length);
  });

  it('still refuses an edit or removal of a link, through the view or the table', () => {
    for (const sql of ["UPDATE fact_chain SET hash = 'x'", 'DELETE FROM fact_chain', 'UPDATE chain_links SET seq = seq + 1', 'DELETE FROM chain_links', "UPDATE chain_origins SET id = 'x'"])
      expect(() => db.prepare(sql).run(), sql).toThrow(/append-only/);
  });

  it('still finds and names a tampered record after the conversion', () => {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const copy = copyOf(db.name);
    try {
      const victim = middleLink(copy, localWorkstation(copy), 'log_entries');
      asAttacker(copy, ['log_entries'], () => copy.prepare("UPDATE log_entries SET text = text || ' (edited)' WHERE id = ?").run(victim.row_id));
      expect(verify(copy).problems).toEqual([expect.objectContaining({ kind: 'altered', table: 'log_entries', rowId: victim.row_id, seq: victim.seq })]);
    } finally {
      copy.close();
    }
  });

  it('still names a link whose stored hash was changed', () => {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const copy = copyOf(db.name);
    try {
      const victim = middleLink(copy, localWorkstation(copy), 'decisions');
      asAttacker(copy, ['fact_chain'], () =>
        copy.prepare('UPDATE fact_chain SET hash = ? WHERE workstation_id = ? AND seq = ?').run('f'.repeat(64), localWorkstation(copy), victim.seq),
      );
      const problems = verify(copy).problems;
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0]).toMatchObject({ seq: victim.seq });
    } finally {
      copy.close();
    }
  });
});
