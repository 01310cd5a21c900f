import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';
import { migrations } from '../../../electron/backend/db/migrations';
import { APPLICATION_ID } from '../../../electron/backend/db/recognise';
import { openBackend, openReadyBackend, tempDir, type TestBackend } from '../helpers/backend';

/** Every byte of the data file and which companions exist: equal means nothing was written. */
function fingerprint(dataDir: string) {
  const file = path.join(dataDir, 'eoc.sqlite');
  return {
    bytes: fs.readFileSync(file).toString('base64'),
    companions: ['-wal', '-shm', '-journal'].filter((s) => fs.existsSync(file + s)),
  };
}

async function restoreMode(dataDir: string): Promise<{ t: TestBackend; kind: string | undefined; message: string }> {
  const t = await openBackend({ dataDir });
  const status = await t.call('store.status', {});
  const info = await t.call('system.info', {});
  expect(info.degraded).not.toBeNull();
  return { t, kind: status.problem?.kind, message: status.problem?.message ?? '' };
}

describe('files the console did not make', () => {
  it('treats a zero-byte file as foreign, not as a new store, and leaves it as it is', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'eoc.sqlite'), '');
    const { t, kind, message } = await restoreMode(dataDir);
    expect(kind).toBe('empty');
    expect(message).toMatch(/is empty \(0 bytes\).*does not turn an empty file into a new one/);
    expect(await t.raw('setup.status', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await t.backend.close();
    expect(fingerprint(dataDir)).toEqual({ bytes: '', companions: [] });
  });

  it("refuses another application's SQLite file without writing a byte, not even WAL mode", async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'eoc.sqlite');
    const other = new Database(file);
    other.exec("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO recipes (name) VALUES ('bread');");
    other.close();
    const before = fingerprint(dataDir);
    const { t, kind, message } = await restoreMode(dataDir);
    expect(kind).toBe('foreign');
    expect(message).toMatch(/another application's database \(tables recipes\).*has not changed it/);
    await t.backend.close();
    expect(fingerprint(dataDir)).toEqual(before);
    const again = new Database(file, { readonly: true });
    expect(again.pragma('journal_mode', { simple: true })).toBe('delete');
    again.close();
  });

  it('refuses a file stamped with another application id, even with our tables', async () => {
    const dataDir = tempDir();
    const db = new Database(path.join(dataDir, 'eoc.sqlite'));
    migrate(db);
    db.pragma('application_id = 1234');
    db.close();
    const before = fingerprint(dataDir);
    const { t, kind, message } = await restoreMode(dataDir);
    expect(kind).toBe('foreign');
    expect(message).toMatch(/belongs to another application \(its application id is 0x4d2\)/);
    await t.backend.close();
    expect(fingerprint(dataDir)).toEqual(before);
  });

  it('refuses a store that stops part-way through a schema upgrade, and leaves it as it is', async () => {
    const dataDir = tempDir();
    const db = new Database(path.join(dataDir, 'eoc.sqlite'));
    migrate(db, migrations.slice(0, 1));
    // Part of migration 2 applied, its version never recorded (an upgrade by hand, a tool).
    db.exec(migrations[1]!.sql.split(';').find((s) => /CREATE TABLE/i.test(s))! + ';');
    db.close();
    const before = fingerprint(dataDir);
    const { t, kind, message } = await restoreMode(dataDir);
    expect(kind).toBe('half-migrated');
    expect(message).toMatch(/stops part-way through a schema upgrade \(schema 1, with \w+ of a later schema\)/);
    await t.backend.close();
    expect(fingerprint(dataDir)).toEqual(before);
  });

  it('stamps a new store, and an older store of this console recognised by its schema, with its application id', async () => {
    const fresh = await openBackend();
    await fresh.backend.close();
    const read = (dir: string) => {
      const db = new Database(path.join(dir, 'eoc.sqlite'), { readonly: true });
      try {
        return Number(db.pragma('application_id', { simple: true }));
      } finally {
        db.close();
      }
    };
    expect(read(fresh.dataDir)).toBe(APPLICATION_ID);

    const dataDir = tempDir();
    const old = new Database(path.join(dataDir, 'eoc.sqlite'));
    migrate(old, migrations.slice(0, 1)); // as an earlier version left it: no application id
    old.close();
    expect(read(dataDir)).toBe(0);
    const t = await openBackend({ dataDir });
    expect((await t.call('system.info', {})).degraded).toBeNull();
    await t.backend.close();
    expect(read(dataDir)).toBe(APPLICATION_ID);
  });

  it('offers the backups instead of an empty console when the data file is gone but backups are there', async () => {
    const t = await openReadyBackend();
    await t.call('backup.create', {});
    await t.backend.close();
    for (const s of ['', '-wal', '-shm']) fs.rmSync(path.join(t.dataDir, `eoc.sqlite${s}`), { force: true });
    const { t: again, kind, message } = await restoreMode(t.dataDir);
    expect(kind).toBe('missing');
    expect(message).toMatch(/is missing, but the data folder holds 1 verified backup \(the newest from \d{4}-\d\d-\d\d \d\d:\d\d UTC\)/);
    const { backups } = await again.call('backup.list', {});
    await again.call('backup.restore', { file: backups[0]!.file });
    expect((await again.call('setup.status', {})).configured).toBe(true);
  });

  it('never leaves a half-made store: a new one is built beside the data file and renamed into place', async () => {
    const t = await openBackend();
    expect(fs.readdirSync(t.dataDir).filter((f) => f.includes('.new'))).toEqual([]);
  });
});

describe('the way forward from restore mode', () => {
  it('starts fresh with the foreign file kept aside, byte for byte', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'eoc.sqlite'), 'not a database at all, just some notes\n'.repeat(200));
    const before = fs.readFileSync(path.join(dataDir, 'eoc.sqlite'));
    const { t, kind } = await restoreMode(dataDir);
    expect(kind).toBe('damaged');
    const refused = await t.raw('store.startFresh', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
    const { keptAside } = await t.call('store.startFresh', { confirm: true });
    expect(fs.readFileSync(keptAside!).equals(before)).toBe(true);
    expect(keptAside).toContain(path.join(dataDir, 'aside'));
    expect((await t.call('system.info', {})).degraded).toBeNull();
    expect((await t.call('setup.status', {})).configured).toBe(false);
  });

  it('refuses to start fresh over a sound store', async () => {
    const t = await openReadyBackend();
    expect(await t.raw('store.startFresh', { confirm: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('restores from a file the operator names, after checking it, and refuses a file that is not a console store', async () => {
    const source = await openReadyBackend();
    await source.call('session.signIn', { operatorName: 'From Elsewhere', positionId: (await source.call('position.list', {})).positions[0]!.id });
    await source.backend.close();

    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'eoc.sqlite'), '');
    const { t } = await restoreMode(dataDir);
    const status = await t.call('store.status', {});
    expect(status).toMatchObject({ dataDir, databaseFile: path.join(dataDir, 'eoc.sqlite'), asideDir: path.join(dataDir, 'aside') });

    const notes = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(notes, '');
    expect(await t.raw('store.restoreFile', { path: notes })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringMatching(/is empty \(0 bytes\).*It cannot be restored/) },
    });
    expect(await t.raw('store.restoreFile', { path: 'relative/eoc.sqlite' })).toMatchObject({ ok: false, error: { code: 'validation' } });

    const r = await t.call('store.restoreFile', { path: path.join(source.dataDir, 'eoc.sqlite') });
    expect(fs.statSync(r.keptAside).size).toBe(0);
    expect((await t.call('system.info', {})).degraded).toBeNull();
    expect((await t.call('session.current', {})).session?.operatorName).toBe('From Elsewhere');
  });
});
