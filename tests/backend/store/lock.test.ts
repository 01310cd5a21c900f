import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend';
import { holderLiveness, lockRecordFor, processStartTime, readLock } from '../../../electron/backend/db/lock';
import { openBackend, tempDir } from '../helpers/backend';

const lockOf = (dataDir: string) => path.join(dataDir, 'eoc.lock');

describe('the data folder lock', () => {
  it('records the pid and, on Linux, the process start time (field 22 of /proc/<pid>/stat)', async () => {
    const t = await openBackend();
    const r = readLock(lockOf(t.dataDir))!;
    expect(r.pid).toBe(process.pid);
    expect(r.host).toBe(os.hostname());
    if (process.platform === 'linux') expect(r.startTime).toMatch(/^\d+$/);
    else expect(r.startTime).toBeNull();
  });

  it('reads the start time after the last parenthesis, whatever the program name holds', () => {
    const proc = tempDir();
    fs.mkdirSync(path.join(proc, '42'));
    const after = ['S', ...Array.from({ length: 18 }, (_, i) => String(i + 4)), '987654', '0', '0'];
    fs.writeFileSync(path.join(proc, '42', 'stat'), `42 (evil) (name 1 2) ${after.join(' ')}\n`);
    expect(processStartTime(42, proc)).toBe('987654');
    expect(processStartTime(43, proc)).toBeNull();
  });

  it('takes over a lock whose pid now belongs to another process (started at another time)', async () => {
    const dataDir = tempDir();
    // A live pid (this runner's parent) that is not the console that wrote the lock.
    fs.writeFileSync(lockOf(dataDir), JSON.stringify({ ...lockRecordFor(process.ppid), startTime: '1' }));
    const t = await openBackend({ dataDir });
    expect(readLock(lockOf(dataDir))!.pid).toBe(process.pid);
    await t.backend.close();
  });

  it('refuses a folder whose lock holder is still the same live process, naming it', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(lockOf(dataDir), JSON.stringify(lockRecordFor(process.ppid, Date.UTC(2026, 11, 6, 1, 30))));
    const err = await createBackend({ dataDir, backupIntervalMs: 0 }).catch((e: unknown) => e);
    expect(String(err)).toContain(`already open in another console process (pid ${process.ppid}), open since 2026-12-06 01:30 UTC`);
  });

  it('with only a pid to go on (an older lock, or no start time on this system), refuses and says how to clear it', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(lockOf(dataDir), String(process.ppid));
    const err = await createBackend({ dataDir, backupIntervalMs: 0 }).catch((e: unknown) => e);
    expect(String(err)).toContain(`If no console is running there`);
    expect(String(err)).toContain(`delete ${lockOf(dataDir)} and start again`);
  });

  it('takes over a lock whose process is gone, and one it cannot read', async () => {
    expect(holderLiveness({ pid: 99999999, startTime: null, host: os.hostname(), takenAt: 0 })).toEqual({
      live: false,
      why: 'process 99999999 no longer exists',
    });
    const dataDir = tempDir();
    fs.writeFileSync(lockOf(dataDir), '{ half written');
    const t = await openBackend({ dataDir });
    expect(readLock(lockOf(dataDir))!.pid).toBe(process.pid);
    await t.backend.close();
  });
});
