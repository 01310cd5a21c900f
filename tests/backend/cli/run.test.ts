import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/backend/cli/run';
import { commands } from '../../../electron/backend/cli/commands';
import { lockRecordFor } from '../../../electron/backend/db/lock';
import fs from 'node:fs';
import path from 'node:path';
import { openReadyBackend } from '../helpers/backend';
import { incidentFixture } from '../incident/fixtures';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the admin command line', () => {
  it('lists every command with its summary under help, and exits 0', async () => {
    const r = await cli('help');
    expect(r.code).toBe(0);
    for (const c of commands) expect(r.out).toContain(`  ${c.name}`);
    expect(await cli()).toMatchObject({ code: 0, out: r.out });
  });

  it('prints a command’s options under --help and under help <command>', async () => {
    const a = await cli('incidents', '--help');
    expect(a).toMatchObject({
      code: 0,
      out: expect.stringContaining('Usage: npm run cli -- incidents --data-dir D [--json]'),
    });
    expect((await cli('help', 'incidents')).out).toBe(a.out);
  });

  it('refuses an unknown command, an unknown option and a missing value in words, exit 1', async () => {
    expect(await cli('frobnicate')).toMatchObject({
      code: 1,
      err: expect.stringContaining('Unknown command "frobnicate"'),
    });
    const opt = await cli('incidents', '--data-dir', '/tmp/x', '--colour');
    expect(opt).toMatchObject({
      code: 1,
      err: expect.stringMatching(/Unknown option '--colour'[\s\S]*Usage: npm run cli -- incidents/),
    });
    expect(await cli('incidents')).toMatchObject({ code: 1, err: '--data-dir is required' });
    expect(await cli('incidents', '--data-dir', '/tmp/x', 'extra')).toMatchObject({
      code: 1,
      err: expect.stringContaining('takes no other arguments'),
    });
  });

  it('lists incidents as JSON with id, name, exercise flag and status', async () => {
    const { t, incident } = await incidentFixture({ exercise: true, name: 'Ice storm drill' });
    await t.backend.close();
    const r = await cli('incidents', '--data-dir', t.dataDir, '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual([{ id: incident.id, name: 'Ice storm drill', exercise: true, status: 'open' }]);
  });

  it('refuses a data folder a running console holds, naming its process', async () => {
    const t = await openReadyBackend();
    await t.backend.close();
    // The lock of a live console in another process: this test runner's parent stands in for it.
    fs.writeFileSync(path.join(t.dataDir, 'eoc.lock'), JSON.stringify(lockRecordFor(process.ppid)));
    const r = await cli('incidents', '--data-dir', t.dataDir);
    expect(r).toMatchObject({
      code: 1,
      err: expect.stringContaining(`already open in another console process (pid ${process.ppid})`),
    });
  });
});
