import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';
import { LATEST_SCHEMA, migrations } from '../../../electron/backend/db/migrations';
import { openBackend, tempDir } from '../helpers/backend';
import { crashCycle, type KillPlan } from './crash-cycle';

describe('durability under SIGKILL', () => {
  it('keeps every acknowledged write across domains through kills in a migration, mixed writes and a restore', async () => {
    const dataDir = tempDir();
    const old = new Database(path.join(dataDir, 'eoc.sqlite'));
    old.pragma('journal_mode = WAL'); // as every earlier console left its store
    migrate(old, migrations.slice(0, LATEST_SCHEMA - 1));
    old.close();
    const plan: ['write' | 'restore', KillPlan][] = [
      ['write', { after: 'OPENING', withinMs: 100 }],
      ['write', { after: 'READY', withinMs: 600 }],
      ['write', { after: 'READY', withinMs: 600 }],
      ['restore', { after: 'RESTORING', withinMs: 1500 }],
      // A restore may go back to the backup taken before setup (the migration's), and the kill
      // may land before the child sets up again: legitimate, so one more start reaches READY
      // (set up) before the last kill.
      ['write', { after: 'READY', withinMs: 300 }],
    ];
    let total = 0;
    for (const [cycle, [mode, kill]] of plan.entries()) {
      const r = await crashCycle(dataDir, cycle, mode, kill);
      total += r.acknowledged;
      expect(r.lost).toEqual([]);
      expect(r.integrity).toBe('ok');
      expect(r.chainOk).toBe(true);
      expect(r.recognised).toBe(true);
      expect(r.strays).toEqual([]);
    }
    expect(total).toBeGreaterThan(4);
    // The next start opens normally (the lock of the dead writer taken over), migrated.
    const t = await openBackend({ dataDir });
    expect((await t.call('system.info', {})).schemaVersion).toBe(LATEST_SCHEMA);
    expect((await t.call('setup.status', {})).configured).toBe(true);
    expect((await t.call('integrity.verify', {})).ok).toBe(true);
  });
});
