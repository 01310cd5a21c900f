import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACT_TABLES } from '../../../electron/backend/db/migrations';
import { verifyStore } from '../../../electron/backend/integrity/verify';
import { openReadyBackend } from '../helpers/backend';

describe('records of fact', () => {
  it('are refused UPDATE and DELETE by the store itself', async () => {
    const t = await openReadyBackend();
    await t.backend.close();
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'));
    try {
      // Every record-of-fact table carries both guards (the chain's on its compact table, the
      // log's on log_rows behind the log_entries view)...
      const storedIn = (table: string) => (table === 'log_entries' ? 'log_rows' : table);
      for (const table of [...FACT_TABLES, 'chain_links', 'changes']) {
        for (const op of ['UPDATE', 'DELETE']) {
          const guard = db
            .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND sql LIKE ?")
            .get(storedIn(table), `%BEFORE ${op} ON ${storedIn(table)}%RAISE(ABORT%`);
          expect(guard, `${op} guard on ${table}`).toBeDefined();
        }
      }
      // ...and they fire on the rows a signed-in workstation has written (the fact_chain view too).
      for (const table of ['audit_entries', 'fact_chain', 'changes']) {
        expect(() => db.prepare(`UPDATE ${table} SET workstation_id = 'x'`).run(), table).toThrow(/append-only|record of fact/);
        expect(() => db.prepare(`DELETE FROM ${table}`).run(), table).toThrow(/append-only|record of fact/);
      }
    } finally {
      db.close();
    }
  });

  it('names the exact row when the file is tampered with outside the app', async () => {
    const t = await openReadyBackend();
    const { entries } = await t.call('audit.recent', { limit: 10 });
    const victim = entries.find((e) => e.action === 'setup.completed')!;
    expect((await t.call('integrity.verify', {})).ok).toBe(true);
    await t.backend.close();

    // An attacker with the file drops the trigger, edits a record, and puts the trigger back.
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'));
    const trigger = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_entries_no_update'").get() as { sql: string }).sql;
    db.exec('DROP TRIGGER audit_entries_no_update');
    db.prepare("UPDATE audit_entries SET detail = '{\"coalitionName\":\"Someone Else\"}' WHERE id = ?").run(victim.id);
    db.exec(trigger);
    const r = verifyStore(db);
    db.close();

    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'altered', table: 'audit_entries', rowId: victim.id })]);
  });

  it('names a deleted row and a row slipped in outside the chain', async () => {
    const t = await openReadyBackend();
    const { entries } = await t.call('audit.recent', { limit: 10 });
    const victim = entries.at(-1)!;
    await t.backend.close();
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'));
    db.exec('DROP TRIGGER audit_entries_no_delete');
    db.prepare('DELETE FROM audit_entries WHERE id = ?').run(victim.id);
    db.prepare(
      "INSERT INTO audit_entries (id, workstation_id, recorded_at, occurred_at, action, detail) VALUES ('forged-row', 'w', 0, 0, 'x', '{}')",
    ).run();
    const r = verifyStore(db);
    db.close();
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'deleted', rowId: victim.id }),
        expect.objectContaining({ kind: 'not-chained', rowId: 'forged-row' }),
      ]),
    );
  });
});
