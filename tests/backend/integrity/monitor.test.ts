import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { openBackend, openReadyBackend, tempDir } from '../helpers/backend';
import { readCheckpoints } from '../../../electron/backend/integrity/checkpoints';
import { verifyStore } from '../../../electron/backend/integrity/verify';
import { asAttacker } from './demo-store';

/** Resolves at the next integrity verdict the backend pushes to its windows. */
function nextVerdict(b: Backend): Promise<void> {
  return new Promise((resolve) => {
    const off = b.onEvent((e) => {
      if (e.event === 'data.changed' && (e.payload as { tables: string[] }).tables.includes('integrity')) {
        off();
        resolve();
      }
    });
  });
}

describe('continuous checking', () => {
  it('checks the store in the background after start, without holding up the first request', async () => {
    const dataDir = tempDir();
    const first = await openReadyBackend({ dataDir });
    await first.backend.close();

    const t = await openBackend({ dataDir });
    const verdict = nextVerdict(t.backend);
    // The first screen's reads are answered before the check has reported.
    expect((await t.call('integrity.status', {})).state).toBe('pending');
    expect((await t.call('setup.status', {})).configured).toBe(true);
    await verdict;
    const s = await t.call('integrity.status', {});
    expect(s).toMatchObject({ state: 'ok', problems: [], marked: [] });
    expect(s.head?.line).toMatch(/^Chain head \d+ · [0-9A-F ]+ · key /);
  });

  it('starts where the last clean check ended: the next start walks only what was written since', async () => {
    const dataDir = tempDir();
    const a = await openReadyBackend({ dataDir });
    await nextVerdict(a.backend);
    const full = await a.call('integrity.status', {});
    expect(full.incremental).toBe(false);
    await a.backend.close();

    const b = await openBackend({ dataDir });
    await nextVerdict(b.backend);
    const s = await b.call('integrity.status', {});
    expect(s.state).toBe('ok');
    expect(s.incremental).toBe(true);
    expect(s.checkedLinks).toBeLessThan(full.checkedLinks);
  });

  it('the incremental check alone finds a record slipped in since the last clean check, without scanning every table', async () => {
    const dataDir = tempDir();
    const a = await openReadyBackend({ dataDir });
    await nextVerdict(a.backend);
    await a.backend.close();
    const db = new Database(path.join(dataDir, 'eoc.sqlite'));
    db.prepare("INSERT INTO audit_entries (id, workstation_id, recorded_at, occurred_at, action, detail) VALUES ('slipped-in', 'w', 0, 0, 'x', '{}')").run();
    const cp = readCheckpoints(db);
    expect(cp.rowsSeen.get('audit_entries')).toBeGreaterThan(0);
    const r = verifyStore(db, { from: cp.chains, rowsSeen: cp.rowsSeen, outboxSince: cp.outboxHlc });
    db.close();
    expect(r.incremental).toBe(true);
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'not-chained', rowId: 'slipped-in' })]);
  });

  it('raises the problem and names the record when the file was edited while the console was closed', async () => {
    const dataDir = tempDir();
    const a = await openReadyBackend({ dataDir });
    const { entries } = await a.call('audit.recent', { limit: 20 });
    const victim = entries.find((e) => e.action === 'setup.completed')!;
    await nextVerdict(a.backend);
    await a.backend.close();
    const db = new Database(path.join(dataDir, 'eoc.sqlite'));
    asAttacker(db, ['audit_entries'], () => db.prepare("UPDATE audit_entries SET detail = '{}' WHERE id = ?").run(victim.id));
    db.close();

    const b = await openBackend({ dataDir });
    // The incremental check trusts what it verified before; the full walk after it finds the edit.
    await nextVerdict(b.backend);
    if ((await b.call('integrity.status', {})).state === 'ok') await nextVerdict(b.backend);
    const s = await b.call('integrity.status', {});
    expect(s.state).toBe('problems');
    expect(s.problems).toEqual([expect.objectContaining({ kind: 'altered', rowId: victim.id })]);
    expect(s.marked).toEqual([expect.objectContaining({ table: 'audit_entries', rowId: victim.id })]);
  });

  it('lists recent activity whole when an entry’s detail was made unreadable on disk', async () => {
    const t = await openReadyBackend();
    const { entries } = await t.call('audit.recent', { limit: 5 });
    const victim = entries[0]!;
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'));
    asAttacker(db, ['audit_entries'], () => db.prepare("UPDATE audit_entries SET detail = '{not json' WHERE id = ?").run(victim.id));
    db.close();
    const after = await t.call('audit.recent', { limit: 5 });
    expect(after.entries.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    expect(after.entries[0]!.detail).toEqual({});
  });

  it('checks again on its schedule: an edit made under a running console is found without a restart', async () => {
    const t = await openReadyBackend({ integrityCheckMs: 40 });
    await nextVerdict(t.backend);
    const { entries } = await t.call('audit.recent', { limit: 5 });
    const victim = entries[0]!;
    // Another process with the file open (SQLite allows it): the console does not see it write.
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'));
    asAttacker(db, ['audit_entries'], () => db.prepare("UPDATE audit_entries SET action = 'nothing.happened' WHERE id = ?").run(victim.id));
    db.close();
    // The schedule itself is under test: poll its verdict rather than guess a delay.
    await vi.waitFor(async () => expect((await t.call('integrity.status', {})).marked).toContainEqual(expect.objectContaining({ rowId: victim.id })), {
      timeout: 20_000,
      interval: 50,
    });
  });

  it('Verify now becomes the banner’s verdict at once', async () => {
    const t = await openReadyBackend();
    await nextVerdict(t.backend);
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'));
    db.exec('DROP TRIGGER log_entries_no_delete');
    db.close();
    const r = await t.call('integrity.verify', {});
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'guard', table: 'log_entries' })]);
    expect((await t.call('integrity.status', {})).state).toBe('problems');
  });
});
