import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, StoreTooNewError } from '../../../electron/backend';
import { LATEST_SCHEMA } from '../../../electron/backend/db/migrate';
import { openDatabase } from '../../../electron/backend/db/open';
import { openBackend, openReadyBackend, tempDir } from '../helpers/backend';

describe('opening the store', () => {
  it('sets and asserts WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const db = openDatabase(path.join(tempDir(), 'x.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(db.pragma('busy_timeout', { simple: true }))).toBeGreaterThanOrEqual(5000);
    db.close();
  });

  it('refuses a database made by a newer schema, with a clear message, and leaves it unchanged', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'eoc.sqlite');
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA + 7}`);
    db.exec('CREATE TABLE from_the_future (x)');
    db.close();
    const before = fs.readFileSync(file);
    const err = await createBackend({ dataDir, backupIntervalMs: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreTooNewError);
    expect((err as Error).message).toMatch(/newer version of the console \(schema \d+\).*has not been changed/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // Refusing released the data folder for the newer version to open.
    expect(fs.existsSync(path.join(dataDir, 'eoc.lock'))).toBe(false);
  });

  it('refuses a second process on the same data folder while the first is alive', async () => {
    const t = await openBackend();
    fs.writeFileSync(path.join(t.dataDir, 'eoc.lock'), String(process.ppid));
    const err = await createBackend({ dataDir: t.dataDir, backupIntervalMs: 0 }).catch((e: unknown) => e);
    expect(String(err)).toMatch(/already open in another console process/);
    fs.writeFileSync(path.join(t.dataDir, 'eoc.lock'), String(process.pid));
  });

  it('opens a damaged file in restore mode instead of failing or erasing it', async () => {
    const t = await openReadyBackend();
    await t.call('backup.create', {});
    await t.backend.close();
    const file = path.join(t.dataDir, 'eoc.sqlite');
    for (const s of ['-wal', '-shm']) fs.rmSync(file + s, { force: true });
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 4096, 8192); // scribble over page 2
    fs.writeFileSync(file, bytes);

    const damaged = await openBackend({ dataDir: t.dataDir });
    const info = await damaged.call('system.info', {});
    expect(info.degraded).toMatch(/failed its integrity check/);
    const refused = await damaged.raw('setup.status', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });

    const { backups } = await damaged.call('backup.list', {});
    const newest = backups.find((b) => b.verified)!;
    const restored = await damaged.call('backup.restore', { file: newest.file });
    expect(fs.existsSync(restored.keptAside)).toBe(true);
    expect((await damaged.call('system.info', {})).degraded).toBeNull();
    expect((await damaged.call('setup.status', {})).configured).toBe(true);
    expect((await damaged.call('integrity.verify', {})).ok).toBe(true);
  });
});
