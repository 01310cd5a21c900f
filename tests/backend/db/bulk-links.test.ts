import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';
import { Writer } from '../../../electron/backend/db/writer';
import { verifyStore } from '../../../electron/backend/integrity/verify';
import { tempDir } from '../helpers/backend';
import { HOUR, incidentFixture } from '../incident/fixtures';

const actor = { workstationId: 'ws-1', operatorName: 'Dana Duty', positionTitle: 'Coalition Duty Officer' };
type Link = { seq: number; table_name: string; row_id: string; prev_hash: string; hash: string };

function store(): Database.Database {
  const db = new Database(path.join(tempDir(), 'eoc.sqlite'));
  migrate(db);
  return db;
}
const chain = (db: Database.Database) =>
  db.prepare("SELECT seq, table_name, row_id, prev_hash, hash FROM fact_chain WHERE workstation_id = 'ws-1' ORDER BY seq").all() as Link[];

/** The records of one transaction, written one by one or as a bulk write. */
function write(bulk: boolean, n: number, clock: () => number): Database.Database {
  const db = store();
  const w = new Writer(db, 'ws-1', clock);
  let i = 0;
  const ids = () => `0190${String(i).padStart(4, '0')}-0000-7000-8000-${String(i++).padStart(12, '0')}`;
  w.transaction((tx) => {
    const fact = (action: string) => tx.appendFact('audit_entries', { id: ids(), action, detail: '{}', occurred_at: 1000 + i });
    fact('before');
    const add = () => {
      for (let k = 0; k < n; k++) fact(`imported ${k}`);
    };
    if (bulk) tx.bulk(add);
    else add();
    fact('after');
  }, actor);
  return db;
}

describe('a bulk write (log.import)', () => {
  it('chains its records exactly as one-by-one writes do: the same links in the same order, and the store verifies', () => {
    // 601 records: statements of 256, 256, 64, 16, 8 and 1 rows.
    const one = write(false, 601, () => 5_000);
    const many = write(true, 601, () => 5_000);
    expect(chain(many)).toHaveLength(603);
    expect(chain(many)).toEqual(chain(one));
    expect(verifyStore(many).problems).toEqual([]);
    one.close();
    many.close();
  });

  it('still chains the records written before a failure caught inside the transaction', () => {
    const db = store();
    const w = new Writer(db, 'ws-1', () => 5_000);
    w.transaction((tx) => {
      try {
        tx.bulk(() => {
          tx.audit('kept');
          tx.appendFact('audit_entries', { action: 'kept too', detail: '{}', occurred_at: 1 });
          throw new Error('the third record was wrong');
        });
      } catch {
        tx.audit('went on without it');
      }
    }, actor);
    expect(chain(db).map((l) => l.seq)).toEqual([1, 2, 3]);
    expect(verifyStore(db).problems).toEqual([]);
    db.close();
  });
});

describe('log.import through the backend', () => {
  it('chains every imported entry in order, under signed heads, and the store verifies', async () => {
    const { t, incident } = await incidentFixture();
    const at = Date.now() - 3 * HOUR;
    const entries = Array.from({ length: 300 }, (_, k) => ({ occurredAt: at + k * 1000, category: 'General', text: `Paper line ${k}` }));
    const r = await t.call('log.import', { incidentId: incident.id, source: 'paper', entries });
    const check = await t.call('integrity.verify', {});
    expect(check.problems).toEqual([]);
    await t.backend.close();
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'));
    const links = db.prepare("SELECT row_id FROM fact_chain WHERE table_name = 'log_entries' ORDER BY seq").pluck().all() as string[];
    expect(links.slice(-300)[0]).toBe(r.firstId);
    expect(links.at(-1)).toBe(r.lastId);
    expect(db.prepare('SELECT count(*) FROM chain_heads').pluck().get()).toBeGreaterThan(300 / 32);
    db.close();
  });
});
