import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../../shared/contract';
import { checkFile, checkFileInThread, checkFileNow, copyStoreInThread } from '../../../electron/backend/db/file-check';
import { openBackend, openReadyBackend, tempDir, type TestBackend } from '../helpers/backend';

/** A store set up and closed, with a leaf page of a table opening never reads scribbled over. */
async function storeWithDamagedPage(): Promise<{ dataDir: string; file: string }> {
  const t = await openReadyBackend();
  await t.backend.close();
  const file = path.join(t.dataDir, 'eoc.sqlite');
  const db = new Database(file, { readonly: true });
  const { pageno } = db.prepare("SELECT pageno FROM dbstat WHERE name = 'capabilities' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1").get() as { pageno: number };
  db.close();
  for (const s of ['-wal', '-shm']) fs.rmSync(file + s, { force: true });
  const bytes = fs.readFileSync(file);
  bytes.fill(0x5a, (pageno - 1) * 4096, pageno * 4096);
  fs.writeFileSync(file, bytes);
  return { dataDir: t.dataDir, file };
}

describe('the data file checked in a thread of its own', () => {
  it('gives the same verdict as the check in this thread: sound, damaged, not a database, missing', async () => {
    const t = await openReadyBackend();
    await t.backend.close();
    const sound = path.join(t.dataDir, 'eoc.sqlite');
    expect(await checkFileInThread(sound, () => checkFileNow(sound)).verdict).toEqual({ ok: true, detail: 'ok' });

    const { file } = await storeWithDamagedPage();
    const inThread = await checkFileInThread(file, () => ({ ok: true, detail: 'the calling thread was asked' })).verdict;
    expect(inThread.ok).toBe(false);
    expect(inThread).toEqual(checkFileNow(file));

    const foreign = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(foreign, 'These are meeting notes, not a database. '.repeat(200));
    expect((await checkFileInThread(foreign, () => checkFileNow(foreign)).verdict).detail).toMatch(/not a database/);
    expect((await checkFileInThread(path.join(tempDir(), 'gone.sqlite'), () => checkFileNow('x')).verdict).ok).toBe(false);
  });

  it('checks in the calling thread when the thread cannot load SQLite, rather than calling a sound file damaged', async () => {
    const t = await openReadyBackend();
    await t.backend.close();
    const sound = path.join(t.dataDir, 'eoc.sqlite');
    let inline = 0;
    const verdict = await checkFileInThread(sound, () => (inline++, checkFileNow(sound)), '/nowhere/better_sqlite3.node').verdict;
    expect(verdict).toEqual({ ok: true, detail: 'ok' });
    expect(inline).toBe(1);
  });

  it('checks a small file at once in the calling thread and a larger one in a thread', () => {
    const file = path.join(tempDir(), 'small.sqlite');
    new Database(file).exec('CREATE TABLE t (x)');
    expect(checkFile(file).inThread).toBe(false);
    const big = checkFile(file, undefined, 0);
    expect(big.inThread).toBe(true);
    return expect(big.verdict).resolves.toEqual({ ok: true, detail: 'ok' });
  });

  it('stops a check when asked, with a verdict that is not "sound"', async () => {
    const t = await openReadyBackend();
    await t.backend.close();
    const check = checkFileInThread(path.join(t.dataDir, 'eoc.sqlite'), () => ({ ok: true, detail: 'ok' }));
    check.cancel();
    expect((await check.verdict).ok).toBe(false);
  });

  it('copies a store in a thread of its own: a sound copy with every row, or SQLite\'s error and its code', async () => {
    const t = await openReadyBackend();
    const file = path.join(t.dataDir, 'eoc.sqlite');
    const dest = path.join(tempDir(), 'copy.sqlite');
    const here = async () => {
      throw new Error('the calling thread was asked');
    };
    await copyStoreInThread(file, dest, here);
    expect(checkFileNow(dest)).toEqual({ ok: true, detail: 'ok' });
    const count = (f: string) => {
      const db = new Database(f, { readonly: true });
      const n = db.prepare('SELECT count(*) FROM chain_links').pluck().get();
      db.close();
      return n;
    };
    expect(count(dest)).toBe(count(file));
    await expect(copyStoreInThread(file, path.join(tempDir(), 'no-such-folder', 'copy.sqlite'), here)).rejects.toThrow(/directory does not exist/);
    await expect(copyStoreInThread(file, tempDir(), here)).rejects.toMatchObject({ code: 'SQLITE_CANTOPEN' });
    // A copy held locked by someone else fails in words after a few tries, never hangs nor reports a copy.
    const locked = path.join(tempDir(), 'locked.sqlite');
    const holder = new Database(locked);
    holder.exec('CREATE TABLE t (x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1)');
    await expect(copyStoreInThread(file, locked, here)).rejects.toThrow(/locked or cannot be written/);
    holder.exec('ROLLBACK');
    holder.close();
  });

  it('opens a large sound store before its check ends, and a write sent at once waits for the verdict and is stored', async () => {
    const ready = await openReadyBackend();
    await ready.backend.close();
    const t = await openBackend({ dataDir: ready.dataDir, checkInThreadAbove: 0 });
    const { positions } = await t.call('position.list', {});
    const signedIn = await t.call('session.signIn', { operatorName: 'Sam Situation', positionId: positions.find((p) => p.code === 'HCCDO')!.id });
    expect(signedIn.session.operatorName).toBe('Sam Situation');
    expect((await t.call('system.info', {})).degraded).toBeNull();
    const backup = await t.call('backup.create', {});
    expect(backup.verified).toBe(true);
  });

  it('writes nothing to a large damaged store: its writes wait, then restore mode says why, and the file is byte for byte as it was', async () => {
    const { dataDir, file } = await storeWithDamagedPage();
    const before = fs.readFileSync(file);
    const t: TestBackend = await openBackend({ dataDir, checkInThreadAbove: 0 });
    // Another workstation's batch meanwhile is turned away in words (it is offered again later).
    expect(() => t.backend.sync.receive({}, 'peer')).toThrow(/still being checked/);
    const events: EventEnvelope[] = [];
    t.backend.onEvent((e) => events.push(e));
    const { positions } = await t.call('position.list', {});
    const refused = await t.raw('session.signIn', { operatorName: 'Sam Situation', positionId: positions[0]!.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/failed its integrity check/) } });
    expect((await t.call('system.info', {})).degraded).toMatch(/failed its integrity check at start \(quick_check reported: /);
    // The windows are told to read everything again: the restore screen replaces the console.
    expect(events).toContainEqual({ event: 'data.changed', payload: { tables: ['*'] } });
    await t.backend.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('leaves a damaged large store and the WAL a crash left beside it exactly as they were', async () => {
    const { dataDir, file } = await storeWithDamagedPage();
    // Committed pages not yet copied into the file, as a console killed mid-activation leaves
    // them: written by a second connection and copied with the files while it is open.
    const crashed = tempDir();
    const writer = new Database(file);
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare("INSERT INTO meta (key, value) VALUES ('left-by-a-crash', 'x')").run();
    for (const s of ['', '-wal']) fs.copyFileSync(file + s, path.join(crashed, 'eoc.sqlite' + s));
    writer.close();
    for (const f of fs.readdirSync(dataDir)) if (f.endsWith('.pem')) fs.copyFileSync(path.join(dataDir, f), path.join(crashed, f));
    const copy = path.join(crashed, 'eoc.sqlite');
    const main = fs.readFileSync(copy);
    const wal = fs.readFileSync(copy + '-wal');
    expect(wal.length).toBeGreaterThan(0);
    const t = await openBackend({ dataDir: crashed, checkInThreadAbove: 0 });
    expect((await t.raw('session.signOut', {})).ok).toBe(false);
    expect((await t.call('system.info', {})).degraded).toMatch(/failed its integrity check/);
    await t.backend.close();
    expect(fs.readFileSync(copy).equals(main)).toBe(true);
    expect(fs.readFileSync(copy + '-wal').equals(wal)).toBe(true);
  });

  it('closes while the check still runs without writing to the file', async () => {
    const { dataDir, file } = await storeWithDamagedPage();
    const before = fs.readFileSync(file);
    const t = await openBackend({ dataDir, checkInThreadAbove: 0 });
    await t.backend.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
