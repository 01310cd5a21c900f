import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';
import { FACT_TABLES, migrations, type Migration } from '../../../electron/backend/db/migrations';
import { Writer } from '../../../electron/backend/db/writer';
import { verifyStore } from '../../../electron/backend/integrity/verify';
import { canonicalRow, GENESIS_HASH, type CanonicalForms } from '../../../shared/domain/canonical';
import { CANONICAL_FORMS } from '../../../shared/domain/canonical-forms';
import { tempDir } from '../helpers/backend';

const actor = { workstationId: 'ws-1', operatorName: 'Dana Duty', positionTitle: 'Coalition Duty Officer' };

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

const logEntry = (text: string) => ({
  occurred_at: 1_000,
  incident_id: 'inc-1',
  position_id: 'pos-1',
  category: 'general',
  text,
  source: 'direct',
  transcribed: 0,
  corrects_id: null,
});

const auditEntry = (action: string) => ({ occurred_at: 1_000, action, detail: '{}' });

describe('the frozen canonical form of records of fact', () => {
  it('has a frozen column list for every fact table, the newest exactly its columns, and never a column the table lost', () => {
    const db = new Database(':memory:');
    migrate(db);
    for (const table of FACT_TABLES) {
      const versions = CANONICAL_FORMS[table];
      expect(versions, `${table} has no frozen canonical column list in shared/domain/canonical-forms.ts`).toBeDefined();
      const cols = columnsOf(db, table);
      expect([...versions!.at(-1)!].sort(), `the newest canonical form of ${table} is not its columns`).toEqual([...cols].sort());
      for (const [i, v] of versions!.entries()) {
        for (const c of v) expect(cols, `${table} version ${i + 1} covers ${c}, which the table no longer has`).toContain(c);
        expect(new Set(v).size, `${table} version ${i + 1} lists a column twice`).toBe(v.length);
      }
    }
    for (const table of Object.keys(CANONICAL_FORMS)) expect(FACT_TABLES.has(table), `${table} is not a fact table`).toBe(true);
    db.close();
  });

  it('keeps every old chain verifying when a column is added to a fact table, and hashes new rows under the new version', () => {
    const db = new Database(path.join(tempDir(), 'eoc.sqlite'));
    migrate(db);
    const before = new Writer(db, 'ws-1', () => 5_000);
    for (const action of ['before.one', 'before.two']) before.transaction((tx) => tx.appendFact('audit_entries', auditEntry(action)), actor);

    // A later release adds a column to a fact table: a migration and a new canonical version.
    // (audit_entries: log_entries is a view since migration 16, so its column would go to log_rows and a new view.)
    const addColumn: Migration = { version: migrations.length + 1, name: 'test-urgency', sql: 'ALTER TABLE audit_entries ADD COLUMN urgency TEXT' };
    const released = CANONICAL_FORMS.audit_entries!;
    const forms: CanonicalForms = { ...CANONICAL_FORMS, audit_entries: [...released, [...released.at(-1)!, 'urgency']] };
    migrate(db, [...migrations, addColumn]);
    const after = new Writer(db, 'ws-1', () => 6_000, { forms });
    const newId = after.transaction((tx) => tx.appendFact('audit_entries', { ...auditEntry('after'), urgency: 'high' }), actor).result;

    const r = verifyStore(db, { forms });
    expect(r.problems).toEqual([]);
    expect(r.checkedLinks).toBe(3);
    const versions = db.prepare("SELECT canon_version AS v FROM fact_chain WHERE table_name = 'audit_entries' ORDER BY seq").all();
    expect(versions).toEqual([{ v: released.length }, { v: released.length }, { v: released.length + 1 }]);

    // The new column is covered: changing it on the new row is caught...
    db.exec('DROP TRIGGER audit_entries_no_update');
    db.prepare("UPDATE audit_entries SET urgency = 'low' WHERE id = ?").run(newId);
    const altered = () => verifyStore(db, { forms }).problems.filter((p) => p.kind === 'altered');
    expect(altered()).toEqual([expect.objectContaining({ rowId: newId })]);
    // ...and so is passing its link off as an older version that leaves the column out.
    db.prepare("UPDATE audit_entries SET urgency = 'high' WHERE id = ?").run(newId);
    db.exec('DROP TRIGGER chain_links_no_update'); // the chain's guard, on its compact table
    db.prepare('UPDATE fact_chain SET canon_version = 1 WHERE row_id = ?').run(newId);
    expect(altered()).toEqual([expect.objectContaining({ rowId: newId })]);
    db.close();
  });

  it('migrates a store whose chain was hashed over every column (before versions existed): every old link still verifies', () => {
    const db = new Database(path.join(tempDir(), 'eoc.sqlite'));
    db.pragma('foreign_keys = OFF'); // request_events references a request this test does not make
    migrate(db, migrations.slice(0, 3));
    // The chain exactly as the earlier write path made it: SELECT * of the stored row.
    let prev = GENESIS_HASH;
    let seq = 0;
    const legacyAppend = (table: string, row: Record<string, unknown>) => {
      const cols = Object.keys(row);
      db.prepare(`INSERT INTO ${table} (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`).run(row);
      const stored = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(row.id) as Record<string, unknown>;
      const hash = createHash('sha256').update(`${prev}\n${table}\n${canonicalRow(stored)}`, 'utf8').digest('hex');
      db.prepare('INSERT INTO fact_chain (workstation_id, seq, table_name, row_id, prev_hash, hash) VALUES (?,?,?,?,?,?)').run('ws-0', ++seq, table, row.id, prev, hash);
      prev = hash;
    };
    const who = { workstation_id: 'ws-0', operator_name: 'Old Timer', position_title: null, recorded_at: 10, occurred_at: 10 };
    legacyAppend('audit_entries', { id: 'a1', ...who, action: 'setup.completed', detail: '{"x":1}' });
    legacyAppend('log_entries', { id: 'l1', ...who, ...logEntry('a line from the old days'), corrects_id: null });
    legacyAppend('request_events', { id: 'e1', ...who, request_id: 'r1', action: 'create', from_status: null, to_status: 'draft', note: null, detail: '{}' });

    migrate(db);
    const r = verifyStore(db);
    expect(r.problems).toEqual([]);
    expect(r.checkedLinks).toBe(3);
    // And the chain goes on under the current forms after the upgrade.
    new Writer(db, 'ws-0', () => 20).transaction((tx) => tx.audit('after.upgrade'), { ...actor, workstationId: 'ws-0' });
    expect(verifyStore(db)).toMatchObject({ ok: true, checkedLinks: 4 });
    db.close();
  });
});
