import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SIGNED_HEAD_AFTER_LINKS } from '../../../shared/domain/canonical';
import { migrate } from '../../../electron/backend/db/migrate';
import { migrations } from '../../../electron/backend/db/migrations';
import { Writer } from '../../../electron/backend/db/writer';
import { generatePrivateKey, rawPublicKey, signBytes } from '../../../electron/backend/identity/keys';
import { tempDir } from '../helpers/backend';

const actor = { workstationId: 'ws-1', operatorName: 'Dana Duty', positionTitle: 'Coalition Duty Officer' };
const key = generatePrivateKey();
const signer = { publicKey: rawPublicKey(key), sign: (b: Uint8Array | string) => signBytes(key, b) };

function store(): Database.Database {
  const db = new Database(path.join(tempDir(), 'eoc.sqlite'));
  migrate(db, migrations);
  return db;
}

/** A writer whose signing cadence runs on a clock the test moves by hand. */
function writer(db: Database.Database) {
  const cadence = { ms: 0 };
  const w = new Writer(db, 'ws-1', () => 5_000, { signer, signAfterMs: 1000, cadenceClock: () => cadence.ms });
  const save = (n = 1) => w.transaction((tx) => {
    for (let i = 0; i < n; i++) tx.audit('test.saved', {});
  }, actor);
  return { w, cadence, save };
}

const heads = (db: Database.Database) =>
  db.prepare("SELECT seq, reason FROM chain_heads WHERE workstation_id = 'ws-1' ORDER BY seq").all() as { seq: number; reason: string }[];
const lastSeq = (db: Database.Database) =>
  (db.prepare("SELECT max(seq) AS s FROM fact_chain WHERE workstation_id = 'ws-1'").get() as { s: number }).s;

afterEach(() => {
  vi.useRealTimers();
});

describe('signing the chain head off the commit path', () => {
  it('signs the first save, then not again until a second has passed or 16 links are unsigned', () => {
    vi.useFakeTimers();
    const db = store();
    const { cadence, save } = writer(db);
    save();
    expect(heads(db)).toEqual([{ seq: 1, reason: 'commit' }]);
    cadence.ms = 10;
    save();
    cadence.ms = 999;
    save();
    expect(heads(db)).toHaveLength(1);
    cadence.ms = 1000;
    save();
    expect(heads(db).at(-1)).toEqual({ seq: 4, reason: 'commit' });
    // A burst within the second: the save that leaves 16 links unsigned signs.
    for (let i = 1; i < SIGNED_HEAD_AFTER_LINKS; i++) save();
    expect(heads(db)).toHaveLength(2);
    save();
    expect(heads(db).at(-1)).toEqual({ seq: 4 + SIGNED_HEAD_AFTER_LINKS, reason: 'commit' });
    // One save of many links: a checkpoint every 32 links within it, and its commit signs
    // when 16 or more would be left unsigned.
    cadence.ms = 1001;
    save(SIGNED_HEAD_AFTER_LINKS + 3); // links 21 to 39: checkpoint at 32, 7 left
    expect(heads(db).slice(-1)).toEqual([{ seq: 32, reason: 'checkpoint' }]);
    save(SIGNED_HEAD_AFTER_LINKS - 7); // 16 unsigned
    expect(heads(db).at(-1)).toEqual({ seq: lastSeq(db), reason: 'commit' });
    db.close();
  });

  it('signs a quiet workstation’s last saves when the second is up, and what is left on stop', () => {
    vi.useFakeTimers();
    const db = store();
    const { w, cadence, save } = writer(db);
    save();
    cadence.ms = 100;
    save();
    expect(heads(db)).toHaveLength(1);
    vi.advanceTimersByTime(899);
    expect(heads(db)).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(heads(db).at(-1)).toEqual({ seq: 2, reason: 'interval' });
    cadence.ms = 200;
    save();
    expect(heads(db)).toHaveLength(2);
    w.stop();
    expect(heads(db).at(-1)).toEqual({ seq: 3, reason: 'close' });
    // Nothing left to sign: no timer, no second signature.
    w.stop();
    vi.runAllTimers();
    expect(heads(db)).toHaveLength(3);
    db.close();
  });

  it('signs before a sync batch is sent, never inside a transaction', () => {
    vi.useFakeTimers();
    const db = store();
    const { w, cadence, save } = writer(db);
    save();
    cadence.ms = 10;
    save();
    w.transaction(() => w.signPending('sync'), actor);
    expect(heads(db)).toHaveLength(1);
    w.signPending('sync');
    expect(heads(db).at(-1)).toEqual({ seq: 2, reason: 'sync' });
    db.close();
  });

  it('never signs on its own a tail it found unsigned when the store opened: only a save of this workstation signs over it', () => {
    vi.useFakeTimers();
    const db = store();
    const first = writer(db);
    first.save();
    first.cadence.ms = 10;
    first.save(3);
    vi.clearAllTimers(); // the process died before its timer fired
    expect(heads(db)).toEqual([{ seq: 1, reason: 'commit' }]);

    const { w, save } = writer(db);
    w.signPending('sync');
    w.stop();
    vi.runAllTimers();
    expect(heads(db)).toHaveLength(1);
    save();
    expect(heads(db).at(-1)).toEqual({ seq: 5, reason: 'commit' });
    db.close();
  });
});
