import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { incidentFixture } from '../incident/fixtures';

const CLI = path.resolve('electron/backend/cli/verify.ts');

function verify(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function storeWithRecords() {
  const { t, incident } = await incidentFixture();
  const e = await t.call('log.append', {
    incidentId: incident.id,
    category: 'Situation',
    text: 'Mercy General on generator',
  });
  await t.call('decision.record', {
    incidentId: incident.id,
    title: 't',
    decision: 'd',
    rationale: 'r',
    authority: 'a',
  });
  const { workstation } = await t.call('setup.status', {});
  await t.backend.close();
  return { file: path.join(t.dataDir, 'eoc.sqlite'), entryId: e.id, workstationId: workstation.id };
}

describe('npm run verify', () => {
  it('says an intact file is intact, exits 0, and changes nothing in it', async () => {
    const { file } = await storeWithRecords();
    const before = digest(file);
    const r = verify(file);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(
      /^OK .* chain links from 1 workstation\(s\), against 0 witness\(es\); every record matches its hash; vouched for up to link \d+ by the workstation's signed head\./m,
    );
    expect(digest(file)).toBe(before);
  });

  it('names the table, row, workstation and chain link of a tampered record, and exits 1', async () => {
    const { file, entryId, workstationId } = await storeWithRecords();
    const db = new Database(file);
    db.exec('DROP TRIGGER log_entries_no_update');
    db.prepare("UPDATE log_entries SET text = 'Mercy General fine' WHERE id = ?").run(entryId);
    db.close();
    const r = verify(file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      new RegExp(`FAIL  \\[altered\\] Log entry ${entryId} \\(link \\d+\\) was changed after it was written.*\\(workstation ${workstationId}\\)`),
    );
    expect(r.out).toMatch(/FAIL {2}\[guard\] The guard log_entries_no_update is missing/);
    expect(r.out).toMatch(/2 problem\(s\) in /);
  });

  it('exits 1 and says what to give on a missing or wrong argument', () => {
    expect(verify()).toMatchObject({
      code: 1,
      err: expect.stringContaining('Give either --data-dir D or the path of a data file'),
    });
    expect(verify('/no/such/file.sqlite')).toMatchObject({
      code: 1,
      err: expect.stringContaining('No data file at /no/such/file.sqlite'),
    });
    const notDb = path.join(path.dirname(CLI), 'verify.ts');
    expect(verify(notDb)).toMatchObject({ code: 1, err: expect.stringContaining('Cannot open') });
  });
});
