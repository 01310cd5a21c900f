import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';
import { migrations } from '../../../electron/backend/db/migrations';
import { Writer } from '../../../electron/backend/db/writer';
import { verifyStore } from '../../../electron/backend/integrity/verify';
import { tempDir } from '../helpers/backend';

const actor = { workstationId: 'ws-1', operatorName: 'Dana Duty', positionTitle: 'Coalition Duty Officer' };

function store(): Database.Database {
  const db = new Database(path.join(tempDir(), 'eoc.sqlite'));
  migrate(db, migrations);
  return db;
}

describe('the write path', () => {
  it('hashes a record as SQLite stored it, also where that differs from what was bound', () => {
    const db = store();
    const w = new Writer(db, 'ws-1', () => 5_000);
    w.transaction((tx) => {
      tx.audit('plain', { note: 'as bound' }); // hashed without reading back
      // A lone surrogate does not come back as it was bound, and a string bound to an INTEGER
      // column comes back a number: the link must be over what comes back, or the verifier
      // would find the record altered.
      tx.appendFact('audit_entries', { action: 'odd \uD800 text', detail: '{}', occurred_at: '6000' });
    }, actor);
    const stored = db.prepare("SELECT action, occurred_at FROM audit_entries WHERE action LIKE 'odd%'").get() as { action: string; occurred_at: unknown };
    expect(stored.action).not.toBe('odd \uD800 text');
    expect(stored.occurred_at).toBe(6000);
    expect(verifyStore(db).problems).toEqual([]);
    db.close();
  });

  it('reads the clock once per transaction: every row of one write carries the same instant', () => {
    const db = store();
    let t = 1_000;
    const w = new Writer(db, 'ws-1', () => (t += 7)); // a clock that moves on every read
    const { result } = w.transaction((tx) => {
      const first = tx.now();
      tx.put('workstations', 'ws-1', { name: 'EOC-1' });
      const id = tx.audit('test.one', {});
      tx.audit('test.two', {});
      return { first, id, later: tx.now() };
    }, actor);
    expect(result.later).toBe(result.first);
    const audits = db.prepare('SELECT occurred_at, recorded_at FROM audit_entries').all() as { occurred_at: number; recorded_at: number }[];
    expect(audits).toHaveLength(2);
    for (const a of audits) expect(a).toEqual({ occurred_at: result.first, recorded_at: result.first });
    const changes = db.prepare('SELECT DISTINCT recorded_at FROM changes').all() as { recorded_at: number }[];
    expect(changes).toEqual([{ recorded_at: result.first }]);

    // The next transaction reads the clock afresh.
    const next = w.transaction((tx) => tx.now(), actor).result;
    expect(next).toBeGreaterThan(result.first);
    db.close();
  });

  it('stamps a backdated write (the demo’s) with its own time, and keeps the logical clock moving forward', () => {
    const db = store();
    const w = new Writer(db, 'ws-1', () => 50_000_000);
    w.transaction((tx) => tx.put('workstations', 'ws-1', { name: 'now' }), actor);
    w.transaction((tx) => {
      tx.asOf(10_000_000).audit('test.past', {});
      tx.as({ ...actor, operatorName: 'Pat Past' }).asOf(20_000_000).put('workstations', 'ws-1', { name: 'past' });
      expect(tx.asOf(30_000_000).as(actor).now()).toBe(30_000_000); // the stamp survives a change of actor
    }, actor);
    const audit = db.prepare("SELECT occurred_at, recorded_at FROM audit_entries WHERE action = 'test.past'").get();
    expect(audit).toEqual({ occurred_at: 10_000_000, recorded_at: 10_000_000 });
    const changes = db.prepare('SELECT hlc, value, recorded_at, operator_name FROM changes ORDER BY rowid').all() as { hlc: string; value: string; recorded_at: number; operator_name: string }[];
    expect(changes.map((c) => [c.value, c.recorded_at, c.operator_name])).toEqual([
      ['"now"', 50_000_000, 'Dana Duty'],
      ['"past"', 20_000_000, 'Pat Past'],
    ]);
    expect(changes[1]!.hlc > changes[0]!.hlc).toBe(true);
    db.close();
  });
});
