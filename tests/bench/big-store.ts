// A large store's start and backup, as an operator meets them: how long the backend takes
// to open it (SQLite's quick_check reads every page), and the longest the console stops
// answering while a backup is taken and checked. Run by the logs bench on its store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type BackendOptions } from '../../electron/backend';
import { client } from './seed';
import { fmt, report, summarize } from './stats';

/** The check in the calling thread, as every store was checked before (file-check.ts). */
const INLINE: Partial<BackendOptions> = { checkInThreadAbove: Number.POSITIVE_INFINITY };

async function openMs(dataDir: string, opts: Partial<BackendOptions>): Promise<number> {
  const t = performance.now();
  const backend = await createBackend({ dataDir, backupIntervalMs: 0, integrityCheckMs: 0, ...opts });
  const ms = performance.now() - t;
  await backend.close();
  return ms;
}

/**
 * The longest gap between two turns of a loop of pings sent one after another while
 * `during` runs: how long a window's request would have waited at worst.
 */
async function longestPause(ping: () => Promise<unknown>, during: Promise<unknown>): Promise<number> {
  let done = false;
  void during.finally(() => (done = true));
  let last = performance.now();
  let worst = 0;
  while (!done) {
    await ping();
    await new Promise<void>((r) => setImmediate(r));
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }
  await during;
  return worst;
}

async function backupPause(dataDir: string, opts: Partial<BackendOptions>): Promise<{ pause: number; idle: number; ms: number }> {
  const backend = await createBackend({ dataDir, backupIntervalMs: 0, integrityCheckMs: 0, ...opts });
  const call = client(backend);
  const { positions } = await call('position.list', {});
  // A write: it waits for the data file's verdict, so what follows is the backup alone.
  await call('session.signIn', { operatorName: 'Bench Operator', positionId: positions[0]!.id });
  const ping = () => backend.handle({ id: 'p', method: 'system.ping', input: {} });
  const idle = await longestPause(ping, new Promise((r) => setTimeout(r, 1000)));
  const t = performance.now();
  const backup = call('backup.create', {});
  const pause = await longestPause(ping, backup);
  const info = await backup;
  const ms = performance.now() - t;
  await backend.close();
  fs.rmSync(path.join(dataDir, 'backups', info.file), { force: true });
  fs.rmSync(path.join(dataDir, 'backups', `${info.file}.json`), { force: true });
  return { pause, idle, ms };
}

/** Prints the opening and backup rows for the closed store in `dataDir` holding `records`. */
export async function bigStore(dataDir: string, records: number): Promise<void> {
  const small = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-bench-small-'));
  const setup = await createBackend({ dataDir: small, backupIntervalMs: 0, integrityCheckMs: 0 });
  await client(setup)('setup.complete', { coalitionName: 'Small', region: 'Region 1', timeZone: 'America/New_York', workstationName: 'SMALL' });
  await setup.close();
  const inThread: number[] = [];
  const inline: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < 3; i++) {
    inline.push(await openMs(dataDir, INLINE));
    inThread.push(await openMs(dataDir, {}));
    base.push(await openMs(small, {}));
  }
  fs.rmSync(small, { recursive: true, force: true });
  const at = records.toLocaleString('en-US');
  const p50 = (v: number[]) => fmt(summarize(v).p50);
  report(`open the store at ${at} records (createBackend), p50 of 3`, p50(inThread), `a set-up empty store ${p50(base)}`, `the file's check in this thread, as before: ${p50(inline)}`);
  const before = await backupPause(dataDir, INLINE);
  const after = await backupPause(dataDir, {});
  report(
    `longest wait for an answer while a backup of ${at} records is taken`,
    fmt(after.pause),
    `no backup running ${fmt(after.idle)}`,
    `the copy's check in this thread, as before: ${fmt(before.pause)}; the backup took ${(after.ms / 1000).toFixed(1)} s (before ${(before.ms / 1000).toFixed(1)} s)`,
  );
}
