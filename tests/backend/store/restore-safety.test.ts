import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stageRestore } from '../../../electron/backend/db/backups';
import { openBackend, openReadyBackend } from '../helpers/backend';

afterEach(() => vi.restoreAllMocks());

/** A copy that writes part of the file and then finds the disk full, as a nearly full disk does. */
async function fullDiskCopy(from: string, to: string): Promise<void> {
  fs.writeFileSync(to, fs.readFileSync(from).subarray(0, 4096));
  throw Object.assign(new Error('ENOSPC: no space left on device, copyfile'), { code: 'ENOSPC' });
}

/** A copy with a bad sector in it, as a failing disk or card makes: it fails its check. */
async function badSectorCopy(from: string, to: string): Promise<void> {
  const bytes = fs.readFileSync(from);
  bytes.fill(0x5a, 4096, 8192);
  fs.writeFileSync(to, bytes);
}

describe('restore on a nearly full disk', () => {
  it('fails in words before touching the live file, leaves no partial copy, and the next start opens the same store', async () => {
    const t = await openReadyBackend();
    const b = await t.call('backup.create', {});
    const { positions } = await t.call('position.list', {});
    await t.call('session.signIn', { operatorName: 'Entered After The Backup', positionId: positions[0]!.id });
    const file = path.join(t.dataDir, 'eoc.sqlite');

    vi.spyOn(fs.promises, 'copyFile').mockImplementation((from, to) => fullDiskCopy(String(from), String(to)));
    const r = await t.raw('backup.restore', { file: b.file });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: 'The copy for the restore could not be made: the disk is full. Nothing was changed; free some space or make the folder writable, then try again.' },
    });
    vi.restoreAllMocks();

    expect(fs.existsSync(path.join(t.dataDir, 'aside'))).toBe(false);
    expect(fs.readdirSync(t.dataDir).filter((f) => f.includes('.restoring'))).toEqual([]);
    // The console goes on as it was, with the entry made after the backup.
    expect((await t.call('session.current', {})).session?.operatorName).toBe('Entered After The Backup');
    await t.backend.close();
    expect(fs.existsSync(file)).toBe(true);
    const next = await openBackend({ dataDir: t.dataDir });
    expect((await next.call('setup.status', {})).configured).toBe(true);
    expect((await next.call('session.current', {})).session?.operatorName).toBe('Entered After The Backup');
  });

  it('refuses a copy that does not pass its check, and never moves the live file', async () => {
    const t = await openReadyBackend();
    const b = await t.call('backup.create', {});
    vi.spyOn(fs.promises, 'copyFile').mockImplementation((from, to) => badSectorCopy(String(from), String(to)));
    const r = await t.raw('backup.restore', { file: b.file });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/failed its check/) } });
    vi.restoreAllMocks();
    expect(fs.existsSync(path.join(t.dataDir, 'aside'))).toBe(false);
    expect((await t.call('system.info', {})).degraded).toBeNull();
  });

  it('stages the copy beside the store and removes it when the disk fills', async () => {
    const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'eoc-stage-'));
    try {
      const source = path.join(dir, 'source.sqlite');
      fs.writeFileSync(source, Buffer.alloc(8192, 1));
      await expect(stageRestore(path.join(dir, 'eoc.sqlite'), source, undefined, fullDiskCopy)).rejects.toThrow(/the disk is full/);
      expect(fs.readdirSync(dir)).toEqual(['source.sqlite']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('backups and restores at the same moment', () => {
  it('run one at a time: backups taken during a restore neither fail nor break it', async () => {
    const t = await openReadyBackend();
    const first = await t.call('backup.create', {});
    const results = await Promise.all([
      t.raw('backup.create', {}),
      t.raw('backup.restore', { file: first.file }),
      t.raw('backup.create', {}),
      t.raw('backup.create', {}),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.message))).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect((await t.call('integrity.verify', {})).ok).toBe(true);
    expect(fs.readdirSync(path.join(t.dataDir, 'backups')).filter((f) => f.includes('.partial'))).toEqual([]);
  });
});

describe('a restore cut short', () => {
  it('swaps in a copy already in WAL mode, so no mode switch (and its journal) happens on the live file', async () => {
    const t = await openReadyBackend();
    const b = await t.call('backup.create', {});
    const staged = await stageRestore(path.join(t.dataDir, 'eoc.sqlite'), path.join(t.dataDir, 'backups', b.file));
    expect(['-journal', '-wal', '-shm'].filter((s) => fs.existsSync(staged + s))).toEqual([]);
    // The header says WAL (bytes 18 and 19 are 2 for a WAL database).
    const header = fs.readFileSync(staged).subarray(18, 20);
    expect([...header]).toEqual([2, 2]);
    const db = new Database(staged, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    for (const s of ['', '-wal', '-shm']) fs.rmSync(staged + s, { force: true });
  });

  it('is finished at the next start when the process died mid-swap, never showing first-run setup', async () => {
    const t = await openReadyBackend();
    const b = await t.call('backup.create', {});
    const { positions } = await t.call('position.list', {});
    await t.call('session.signIn', { operatorName: 'Entered After The Backup', positionId: positions[0]!.id });
    await t.backend.close();
    const file = path.join(t.dataDir, 'eoc.sqlite');
    // The state a SIGKILL leaves between "live file moved aside" and "copy renamed into place".
    const staged = await stageRestore(file, path.join(t.dataDir, 'backups', b.file));
    const aside = path.join(t.dataDir, 'aside', 'eoc-cut-short-replaced.sqlite');
    fs.mkdirSync(path.dirname(aside));
    fs.writeFileSync(path.join(t.dataDir, 'restore-intent.json'), JSON.stringify({ staged, aside }));
    fs.renameSync(file, aside);
    expect(fs.existsSync(file)).toBe(false);

    const next = await openBackend({ dataDir: t.dataDir });
    expect((await next.call('system.info', {})).degraded).toBeNull();
    expect((await next.call('setup.status', {})).configured).toBe(true);
    expect((await next.call('session.current', {})).session?.operatorName).toBe('Dana Duty');
    expect(fs.existsSync(aside)).toBe(true);
    expect(fs.existsSync(path.join(t.dataDir, 'restore-intent.json'))).toBe(false);
  });
});

describe('backup rotation', () => {
  it('removes every file a rotated-out backup made: the copy, -wal, -shm and the sidecar', async () => {
    let now = Date.UTC(2026, 10, 25, 12);
    const t = await openReadyBackend({ clock: () => (now += 1000) });
    const first = await t.call('backup.create', {});
    const dir = path.join(t.dataDir, 'backups');
    // What an earlier version left: companions of a backup opened in WAL mode to verify it.
    for (const s of ['-wal', '-shm']) fs.writeFileSync(path.join(dir, first.file + s), '');
    for (let i = 0; i < 11; i++) await t.call('backup.create', {});
    const files = fs.readdirSync(dir);
    expect(files.filter((f) => f.startsWith(first.file))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.sqlite'))).toHaveLength(10);
    expect(files.filter((f) => !f.endsWith('.sqlite') && !f.endsWith('.sqlite.json'))).toEqual([]);
  });
});

/** The quick_checks this thread ran itself while `work` ran (a check in a thread of its own is not seen here). */
async function checksHere<T>(work: () => Promise<T>): Promise<{ result: T; checks: number }> {
  const pragma = Database.prototype.pragma;
  let checks = 0;
  vi.spyOn(Database.prototype, 'pragma').mockImplementation(function (this: Database.Database, source: string, options?: Database.PragmaOptions) {
    if (/quick_check/.test(source)) checks++;
    return pragma.call(this, source, options);
  });
  try {
    return { result: await work(), checks };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('a restore of a large store', () => {
  // checkInThreadAbove: 0 makes every store "large": what a year of records is on a real disk.
  it('copies and checks the chosen file off the thread that answers the windows, and restores it', async () => {
    const t = await openReadyBackend({ checkInThreadAbove: 0 });
    const b = await t.call('backup.create', {});
    const { positions } = await t.call('position.list', {});
    await t.call('session.signIn', { operatorName: 'Entered After The Backup', positionId: positions[0]!.id });
    const { result, checks } = await checksHere(() => t.call('backup.restore', { file: b.file }));
    expect(result.restoredFrom).toBe(b.file);
    expect(checks).toBe(0);
    expect((await t.call('session.current', {})).session?.operatorName).toBe('Dana Duty');
    expect((await t.call('integrity.verify', {})).ok).toBe(true);
  });

  it('refuses a damaged copy from its thread in words, and never moves the live file', async () => {
    const t = await openReadyBackend({ checkInThreadAbove: 0 });
    const b = await t.call('backup.create', {});
    vi.spyOn(fs.promises, 'copyFile').mockImplementation((from, to) => badSectorCopy(String(from), String(to)));
    const r = await t.raw('backup.restore', { file: b.file });
    vi.restoreAllMocks();
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/failed its check/) } });
    expect(fs.existsSync(path.join(t.dataDir, 'aside'))).toBe(false);
    expect(fs.readdirSync(t.dataDir).filter((f) => f.includes('.restoring'))).toEqual([]);
    expect((await t.call('system.info', {})).degraded).toBeNull();
  });

  it('brings in an operator’s file (another folder’s store) by copying and checking it in a thread', async () => {
    const source = await openReadyBackend();
    await source.call('session.signIn', { operatorName: 'From Elsewhere', positionId: (await source.call('position.list', {})).positions[0]!.id });
    await source.backend.close();
    const t = await openReadyBackend({ checkInThreadAbove: 0 });
    const { result, checks } = await checksHere(() => t.call('store.restoreFile', { path: path.join(source.dataDir, 'eoc.sqlite') }));
    expect(result.keptAside).toMatch(/aside/);
    expect(checks).toBe(0);
    expect((await t.call('session.current', {})).session?.operatorName).toBe('From Elsewhere');
    const imported = fs.readdirSync(path.join(t.dataDir, 'backups')).filter((f) => f.endsWith('-imported.sqlite'));
    expect(imported).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(path.join(t.dataDir, 'backups', `${imported[0]}.json`), 'utf8'))).toMatchObject({ verified: true, reason: 'imported' });
  });
});
