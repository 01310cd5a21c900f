import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResponseEnvelope } from '../../../shared/contract';
import { openReadyBackend } from '../helpers/backend';

const CHILD = path.resolve(import.meta.dirname, 'read-only-child.ts');
const asRoot = process.getuid?.() === 0;

interface Report {
  status: ResponseEnvelope;
  backup: ResponseEnvelope;
  backupMs: number;
}

/**
 * Root may write to any file, so permissions only bite an ordinary user. As root the
 * console is run without the capabilities that override file permissions (setpriv, from
 * util-linux), so it meets them as an operator's account would, wherever the checkout is.
 */
function openAsOperator(dataDir: string): Promise<Report> {
  const node = [process.execPath, '--import', 'tsx', CHILD, dataDir];
  const [cmd, ...args] = asRoot
    ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--inh-caps=-dac_override,-dac_read_search', ...node]
    : node;
  return new Promise((resolve, reject) => {
    execFile(cmd!, args, { timeout: 60_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as Report),
    );
  });
}

async function readyStore(): Promise<string> {
  const t = await openReadyBackend();
  await t.backend.close();
  return t.dataDir;
}

describe('a data folder the console cannot write', () => {
  it('reports a read-only data folder at open, in words, and refuses "Back up now" at once', async () => {
    const dataDir = await readyStore();
    const before = fs.readFileSync(path.join(dataDir, 'eoc.sqlite'));
    fs.chmodSync(dataDir, 0o555);
    try {
      const r = await openAsOperator(dataDir);
      expect(r.status).toMatchObject({ ok: true, result: { problem: { kind: 'read-only' } } });
      const message = (r.status as { result: { problem: { message: string } } }).result.problem.message;
      expect(message).toBe(
        `The data folder ${dataDir} cannot be written (permission denied for this user). The console records every entry there, so it opens nothing until the folder is writable. Make it writable, or start the console with another data folder.`,
      );
      expect(r.backup).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(r.backupMs).toBeLessThan(5_000);
    } finally {
      fs.chmodSync(dataDir, 0o755);
    }
    expect(fs.readFileSync(path.join(dataDir, 'eoc.sqlite')).equals(before)).toBe(true);
  });

  it('reports a read-only data file at open and leaves it as it is', async () => {
    const dataDir = await readyStore();
    const file = path.join(dataDir, 'eoc.sqlite');
    const before = fs.readFileSync(file);
    fs.chmodSync(file, 0o444);
    const r = await openAsOperator(dataDir);
    expect(r.status).toMatchObject({
      ok: true,
      result: { problem: { kind: 'read-only', message: expect.stringMatching(/^The data file .*eoc\.sqlite is read-only \(permission denied for this user\)/) } },
    });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('fails "Back up now" at once, in words, when only the backup folder cannot be written', async () => {
    const dataDir = await readyStore();
    const backups = path.join(dataDir, 'backups');
    fs.mkdirSync(backups, { recursive: true });
    fs.chmodSync(backups, 0o555);
    const r = await openAsOperator(dataDir);
    expect(r.status).toMatchObject({ ok: true, result: { problem: null } });
    expect(r.backup).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/^The backup could not be made: .*Nothing was changed/) },
    });
    expect(r.backupMs).toBeLessThan(5_000);
    expect(fs.readdirSync(backups)).toEqual([]);
  });
});
