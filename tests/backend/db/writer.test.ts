import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';
import { migrations } from '../../../electron/backend/db/migrations';
import { Writer } from '../../../electron/backend/db/writer';
import { tempDir } from '../helpers/backend';

const actor = { workstationId: 'ws-1', operatorName: 'Dana Duty', positionTitle: 'Coalition Duty Officer' };

function store(): Database.Database {
  const db = new Database(path.join(tempDir(), 'eoc.sqlite'));
  migrate(db, migrations);
  return db;
}

describe('the write path', () => {
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
});
