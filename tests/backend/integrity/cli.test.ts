import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/backend/cli/run';
import { currentOsUser } from '../../../electron/backend/command-line';
import { tempDir } from '../helpers/backend';
import { asAttacker, links, localWorkstation } from './demo-store';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function audits(dataDir: string, action: string) {
  const db = new Database(path.join(dataDir, 'eoc.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT operator_name, position_title, detail FROM audit_entries WHERE action = ?').all(action) as { operator_name: string; position_title: string; detail: string }[];
  } finally {
    db.close();
  }
}

describe('the integrity commands of the admin command line', () => {
  it('demo loads the demonstration coalition into an empty folder, audited with the command line and the OS user', async () => {
    const dir = path.join(tempDir(), 'new-folder');
    const r = await cli('demo', '--data-dir', dir, '--workstation', 'DEMO-1');
    expect(r).toMatchObject({ code: 0, out: expect.stringMatching(/^Loaded .*DEMO.* into .*new-folder: \d+ organisations/) });
    const [entry] = audits(dir, 'cli.command');
    expect(entry!.operator_name).toBe(`${currentOsUser()} (command line)`);
    expect(JSON.parse(entry!.detail)).toMatchObject({ commandLine: `npm run cli -- demo --data-dir ${dir} --workstation DEMO-1`, osUser: currentOsUser() });
    expect(audits(dir, 'demo.loaded')[0]!.operator_name).toBe(`${currentOsUser()} (command line)`);
    expect(await cli('verify', '--data-dir', dir)).toMatchObject({ code: 0 });
  });

  it('demo refuses a folder that holds anything, and writes nothing', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    expect(await cli('demo', '--data-dir', dir)).toMatchObject({ code: 1, err: expect.stringContaining('is not empty (it holds notes.txt)') });
    expect(fs.readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('anchor writes the signed heads to a file that verify later holds the store to; a cut tail is then named', async () => {
    const dir = tempDir();
    await cli('demo', '--data-dir', dir);
    const out = path.join(tempDir(), 'eoc.anchor');
    const a = await cli('anchor', '--data-dir', dir, '--out', out);
    expect(a).toMatchObject({ code: 0, out: expect.stringMatching(/Wrote .*eoc\.anchor: 1 chain head\(s\)\.\nThis workstation: Chain head \d+ · [0-9A-F ]{19} · key [0-9A-F ]{29}/) });
    const anchor = JSON.parse(fs.readFileSync(out, 'utf8')) as { format: string; heads: { seq: number; fingerprint: string }[] };
    expect(anchor.format).toBe('eoc-anchor/1');
    expect(audits(dir, 'integrity.anchored')).toHaveLength(1);
    expect(JSON.parse(audits(dir, 'cli.command').at(-1)!.detail).commandLine).toContain(`anchor --data-dir ${dir} --out ${out}`);
    expect(await cli('anchor', '--data-dir', dir, '--out', out)).toMatchObject({ code: 1, err: expect.stringContaining('already exists') });
    expect(await cli('verify', '--data-dir', dir, '--anchor', out)).toMatchObject({ code: 0, out: expect.stringContaining('against 1 witness(es)') });

    // Cut everything after the anchored head, its own signed heads included.
    const db = new Database(path.join(dir, 'eoc.sqlite'));
    const ws = localWorkstation(db);
    const cutFrom = anchor.heads[0]!.seq - 2;
    const cut = links(db, ws).filter((l) => l.seq >= cutFrom);
    asAttacker(db, ['fact_chain', 'chain_heads', ...new Set(cut.map((l) => l.table_name))], () => {
      for (const l of cut) {
        db.prepare(`DELETE FROM ${l.table_name} WHERE id = ?`).run(l.row_id);
        db.prepare('DELETE FROM fact_chain WHERE workstation_id = ? AND seq = ?').run(ws, l.seq);
      }
      db.prepare('DELETE FROM chain_heads WHERE seq >= ?').run(cutFrom);
    });
    db.close();
    const v = await cli('verify', '--data-dir', dir, '--anchor', out);
    expect(v.code).toBe(1);
    expect(v.out).toMatch(new RegExp(`\\[truncated\\] The chain ends at link ${cutFrom - 1}, but the anchor file .*eoc\\.anchor saw link ${anchor.heads[0]!.seq}`));
  });

  it('backup takes a verified backup whose record holds the signed head, audited; verify uses it as a witness', async () => {
    const dir = tempDir();
    await cli('demo', '--data-dir', dir);
    const r = await cli('backup', '--data-dir', dir);
    expect(r).toMatchObject({ code: 0, out: expect.stringMatching(/^Backed up to .*backups.*\.sqlite \(\d+ bytes, verified\)\.$/) });
    const sidecar = fs.readdirSync(path.join(dir, 'backups')).find((f) => f.endsWith('.sqlite.json'))!;
    const record = JSON.parse(fs.readFileSync(path.join(dir, 'backups', sidecar), 'utf8')) as { verified: boolean; chainHeads: { seq: number; signature: string }[] };
    expect(record.verified).toBe(true);
    expect(record.chainHeads[0]!.signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(audits(dir, 'backup.taken')).toHaveLength(1);
    expect(JSON.parse(audits(dir, 'cli.command').at(-1)!.detail).commandLine).toBe(`npm run cli -- backup --data-dir ${dir}`);
    expect(await cli('verify', '--data-dir', dir)).toMatchObject({ code: 0, out: expect.stringContaining('against 1 witness(es)') });
  });

  it('verify reads back a printed footer, and refuses one it cannot read in words', async () => {
    const dir = tempDir();
    await cli('demo', '--data-dir', dir);
    const out = path.join(tempDir(), 'a.anchor');
    const line = (await cli('anchor', '--data-dir', dir, '--out', out)).out.split('This workstation: ')[1]!;
    expect(await cli('verify', '--data-dir', dir, '--head', line)).toMatchObject({ code: 0 });
    const [seq, ...rest] = line.replace('Chain head ', '').split(' · ');
    const wrong = `Chain head ${seq} · 0000 0000 0000 0000 · ${rest[1]}`;
    expect(await cli('verify', '--data-dir', dir, '--head', wrong)).toMatchObject({ code: 1, out: expect.stringContaining(`[rewritten] Link ${seq} no longer matches the printed footer`) });
    expect(await cli('verify', '--data-dir', dir, '--head', 'about noon')).toMatchObject({ code: 1, err: expect.stringContaining('is not a chain head as printed') });
  });
});
