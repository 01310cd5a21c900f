import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';
import { migrations } from '../../../electron/backend/db/migrations';
import { openDatabase } from '../../../electron/backend/db/open';
import { Writer } from '../../../electron/backend/db/writer';
import { tempDir } from '../helpers/backend';

const actor = { workstationId: 'ws-1', operatorName: 'Dana Duty', positionTitle: 'Coalition Duty Officer' };

afterEach(() => {
  vi.useRealTimers();
});

describe('checkpointing the WAL off the commit path', () => {
  it('copies committed pages into the main file once the store has been quiet, not in the save', () => {
    vi.useFakeTimers();
    const file = path.join(tempDir(), 'eoc.sqlite');
    const db = openDatabase(file);
    migrate(db, migrations);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const w = new Writer(db, 'ws-1', () => 5_000, { idleCheckpointMs: 500 });
    const main = () => fs.readFileSync(file);
    const before = main();
    w.transaction((tx) => tx.audit('test.saved', {}), actor);
    w.transaction((tx) => tx.audit('test.saved', {}), actor);
    // The saves went to the WAL only: the main file is as it was.
    expect(main().equals(before)).toBe(true);
    vi.advanceTimersByTime(499);
    expect(main().equals(before)).toBe(true);
    vi.advanceTimersByTime(1);
    expect(main().equals(before)).toBe(false);
    // Everything committed is in the main file: a checkpoint now finds nothing left to copy.
    const [r] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(r!.checkpointed).toBe(r!.log);
    // The rows read back, and nothing runs after stop().
    expect((db.prepare("SELECT count(*) AS n FROM audit_entries WHERE action = 'test.saved'").get() as { n: number }).n).toBe(2);
    w.transaction((tx) => tx.audit('test.saved', {}), actor);
    w.stop();
    expect(vi.getTimerCount()).toBe(0);
    db.close();
  });
});
