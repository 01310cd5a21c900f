import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/backend/cli/run';
import { tempDir } from '../helpers/backend';
import { coalition, hashes, resealAs, unsealed, type Station } from './harness';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function withRecords(a: Station, n: number): Promise<string> {
  const { levels } = await a.call('incident.levels', {});
  const id = (await a.call('incident.create', { name: 'Ice storm', exercise: true, activationLevelId: levels[0]!.id }))
    .incident.id;
  for (let i = 0; i < n; i++) await a.call('log.append', { incidentId: id, category: 'General', text: `Entry ${i}` });
  return id;
}

/** Rewrites one file inside a bundle (as someone tampering with the USB stick would). */
function tamper(file: string, name: string, edit: (s: string) => string): void {
  const files = unzipSync(fs.readFileSync(file));
  files[name] = strToU8(edit(strFromU8(files[name]!)));
  fs.writeFileSync(file, zipSync(files));
}

describe('signed bundles (.eocbundle) across an air gap', () => {
  it('exports with the command line, imports on a workstation with no network, shows sender and fingerprint, and a second import changes nothing', async () => {
    const [a, b] = await coalition(2);
    const incidentId = await withRecords(a!, 5);
    await a!.backend.close();
    await b!.backend.close();
    const file = path.join(tempDir(), 'storm.eocbundle');
    const ex = await cli('bundle', 'export', '--data-dir', a!.dataDir, '--out', file);
    expect(ex.code, ex.err).toBe(0);
    expect(ex.out).toMatch(/Wrote .*storm\.eocbundle: \d+ record\(s\)/);
    const im = await cli('bundle', 'import', '--data-dir', b!.dataDir, file);
    expect(im.code, im.err).toBe(0);
    expect(im.out).toMatch(/Bundle from EOC-1, key fingerprint [0-9A-F]{4}( [0-9A-F]{4}){5}/);
    expect(im.out).toMatch(/applied 1 of 1 part/);
    const again = await cli('bundle', 'import', '--data-dir', b!.dataDir, file);
    expect(again.out).toContain('all of it was already here');
    const { openBackend } = await import('../helpers/backend');
    const b2 = await openBackend({ dataDir: b!.dataDir });
    expect(JSON.stringify(await b2.call('log.list', { incidentId }))).toContain('Entry 4');
    // Since a point: a second bundle carries only what came after the first.
    const a2 = await openBackend({ dataDir: a!.dataDir });
    await a2.call('session.signIn', {
      operatorName: 'Dana',
      positionId: (await a2.call('position.list', {})).positions.find((p) => p.code === 'HCCDO')!.id,
    });
    await a2.call('log.append', { incidentId, category: 'General', text: 'After the first bundle' });
    await a2.backend.close();
    const file2 = path.join(tempDir(), 'later.eocbundle');
    const ex2 = await cli('bundle', 'export', '--data-dir', a!.dataDir, '--out', file2, '--since', file);
    expect(ex2.code, ex2.err).toBe(0);
    expect(Number(/: (\d+) record/.exec(ex2.out)![1])).toBeLessThan(Number(/: (\d+) record/.exec(ex.out)![1]));
  });

  it('refuses a bundle altered after it was signed, one from another coalition, and what is not a bundle at all: exit 1 and nothing written', async () => {
    const [a, b] = await coalition(2);
    await withRecords(a!, 3);
    const [x] = await coalition(1);
    await withRecords(x!, 1);
    const hashBefore = b!.backend.sync.contentHash();
    for (const s of [a!, b!, x!]) await s.backend.close();
    const dir = tempDir();
    const good = path.join(dir, 'a.eocbundle');
    expect((await cli('bundle', 'export', '--data-dir', a!.dataDir, '--out', good)).code).toBe(0);

    const altered = path.join(dir, 'altered.eocbundle');
    fs.copyFileSync(good, altered);
    tamper(altered, 'batch-0001.json', (s) => s.replace('Entry 1', 'Entry X'));
    expect(await cli('bundle', 'import', '--data-dir', b!.dataDir, altered)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/does not match the hash.*Nothing was written/),
    });

    const resigned = path.join(dir, 'manifest.eocbundle');
    fs.copyFileSync(good, resigned);
    tamper(resigned, 'manifest.json', (s) =>
      s.replace('"counts"', '"counts" ').replace(/"senderName": "EOC-1"/, '"senderName": "EOC-9"'),
    );
    expect(await cli('bundle', 'import', '--data-dir', b!.dataDir, resigned)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/signature does not match/),
    });

    const foreign = path.join(dir, 'x.eocbundle');
    expect((await cli('bundle', 'export', '--data-dir', x!.dataDir, '--out', foreign)).code).toBe(0);
    expect(await cli('bundle', 'import', '--data-dir', b!.dataDir, foreign)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/another coalition.*Nothing was written/),
    });

    fs.writeFileSync(path.join(dir, 'junk.eocbundle'), 'not a zip');
    expect(await cli('bundle', 'import', '--data-dir', b!.dataDir, path.join(dir, 'junk.eocbundle'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/not a bundle/),
    });
    expect(await cli('bundle', 'import', '--data-dir', b!.dataDir, path.join(dir, 'missing.eocbundle'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/Cannot read/),
    });

    // The store was not touched by any of them.
    const { openBackend } = await import('../helpers/backend');
    const b2 = await openBackend({ dataDir: b!.dataDir });
    expect(b2.backend.sync.contentHash()).toBe(hashBefore);
  });

  it('a dishonest member’s bundle holding an altered record is refused whole', async () => {
    const [a, b] = await coalition(2);
    await withRecords(a!, 3);
    const { exportBundle, importBundle, openBundle, BundleError } =
      await import('../../../electron/backend/domains/sync/bundle');
    const { bytes } = exportBundle(a!.backend.sync, b!.backend.sync.vector(), Date.now());
    const opened = openBundle(bytes);
    const batch = unsealed(opened.batches[0]!);
    const f = batch.parts.flatMap((p) => p.facts?.rows ?? []).find((r) => r.link.table_name === 'log_entries')!;
    f.row.text = 'changed';
    opened.batches[0] = resealAs(a!, batch);
    const h = hashes([b!])[0];
    expect(() => importBundle(b!.backend.sync, opened)).toThrow(BundleError);
    expect(hashes([b!])[0]).toBe(h);
  });
});
