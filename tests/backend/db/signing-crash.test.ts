import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyStore } from '../../../electron/backend/integrity/verify';
import { openBackend, tempDir } from '../helpers/backend';

const CHILD = path.resolve(import.meta.dirname, 'signing-child.ts');

/** Runs the child until it acknowledges its saves, then kills it with SIGKILL at once. */
function killAfterSaves(dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ACK 3')) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the child exited on its own: ${err.slice(-2000)}`))));
  });
}

describe('a crash between a commit and its delayed signature', () => {
  it('leaves a store that verifies: the unsigned saves are kept and read as not signed yet', async () => {
    const dataDir = tempDir();
    await killAfterSaves(dataDir);

    const db = new Database(path.join(dataDir, 'eoc.sqlite'), { readonly: true });
    const ws = (db.prepare("SELECT value FROM meta WHERE key = 'workstation_id'").get() as { value: string }).value;
    const last = (db.prepare('SELECT max(seq) AS s FROM fact_chain WHERE workstation_id = ?').get(ws) as { s: number }).s;
    const signed = (db.prepare('SELECT max(seq) AS s FROM chain_heads WHERE workstation_id = ?').get(ws) as { s: number }).s;
    const entries = db.prepare("SELECT text FROM log_entries WHERE text LIKE 'Entry %' ORDER BY text").all();
    // The kill landed after the saves committed and before their head was signed.
    expect(entries).toEqual([{ text: 'Entry 1' }, { text: 'Entry 2' }, { text: 'Entry 3' }]);
    expect(signed).toBeLessThan(last);
    const r = verifyStore(db);
    db.close();
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.notes).toEqual([expect.stringMatching(/^Links? \d+.* not signed yet/)]);

    // Reopened, the console checks clean, and its next save signs over the tail.
    const t = await openBackend({ dataDir });
    expect((await t.call('integrity.verify', {})).problems).toEqual([]);
    await t.call('session.signIn', { operatorName: 'Dana Duty', positionId: (await t.call('position.list', {})).positions[0]!.id });
    const after = await t.call('integrity.verify', {});
    expect(after).toMatchObject({ ok: true, problems: [], notes: [] });
  });
});
