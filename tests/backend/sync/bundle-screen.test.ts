import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { coalition, hashes, type Station } from './harness';

async function withRecords(a: Station, n: number): Promise<string> {
  const { levels } = await a.call('incident.levels', {});
  const id = (await a.call('incident.create', { name: 'Ice storm', exercise: true, activationLevelId: levels[0]!.id })).incident.id;
  for (let i = 0; i < n; i++) await a.call('log.append', { incidentId: id, category: 'General', text: `Entry ${i}` });
  return id;
}

/** Every part of an opened bundle applied in order, as the Sync screen's progress bar does. */
async function applyAll(s: Station, bundleId: string, parts: number) {
  const steps = [];
  for (let part = 0; part < parts; part++) steps.push(await s.call('sync.bundleApply', { bundleId, part }));
  return steps;
}

const logCount = async (s: Station, incidentId: string) => (await s.call('log.list', { incidentId })).entries.length;

describe('bundles from the Sync screen (export, open, apply part by part)', () => {
  it('exports a signed bundle, shows its sender and fingerprint before writing anything, applies it with progress, and a second import changes nothing', async () => {
    const [a, b] = await coalition(2);
    const incidentId = await withRecords(a!, 4);
    const ex = await a!.call('sync.bundleExport', {});
    expect(ex.fileName).toMatch(/\.eocbundle$/);
    expect(ex.summary).toMatchObject({ senderName: 'EOC-1', sameCoalition: true });
    expect(ex.summary.facts).toBeGreaterThan(4);

    const opened = await b!.call('sync.bundleOpen', { base64: ex.base64 });
    expect(opened.summary.fingerprint).toBe(ex.summary.fingerprint);
    expect(opened.summary).toMatchObject({ sender: a!.id, senderName: 'EOC-1', facts: ex.summary.facts, changes: ex.summary.changes });
    // Opened, not imported: nothing of it is on b yet.
    await expect(b!.call('log.list', { incidentId })).rejects.toThrow();

    const steps = await applyAll(b!, opened.bundleId, opened.summary.parts);
    expect(steps.map((s) => [s.done, s.total])).toEqual(steps.map((_, i) => [i + 1, opened.summary.parts]));
    expect(steps.reduce((n, s) => n + s.facts, 0)).toBeGreaterThan(4);
    expect(await logCount(b!, incidentId)).toBe(4);
    expect(b!.backend.sync.contentHash()).toBe(hashes([a!])[0]);

    // The same file again: opened and applied, nothing new.
    const again = await b!.call('sync.bundleOpen', { base64: ex.base64 });
    const steps2 = await applyAll(b!, again.bundleId, again.summary.parts);
    expect(steps2.reduce((n, s) => n + s.facts + s.changes, 0)).toBe(0);
    expect(await logCount(b!, incidentId)).toBe(4);
    // A bundle applied to the end is closed: its id no longer applies anything.
    await expect(b!.call('sync.bundleApply', { bundleId: again.bundleId, part: 0 })).rejects.toThrow(/no longer open: choose the file again/);
  });

  it('refuses, in words and with nothing written, an altered bundle, one from another coalition and a file that is not a bundle', async () => {
    const [a, b] = await coalition(2);
    await withRecords(a!, 2);
    const ex = await a!.call('sync.bundleExport', {});
    const before = b!.backend.sync.contentHash();

    const files = unzipSync(Buffer.from(ex.base64, 'base64'));
    files['batch-0001.json'] = strToU8(strFromU8(files['batch-0001.json']!).replace('Entry 1', 'Entry X'));
    const altered = Buffer.from(zipSync(files)).toString('base64');
    await expect(b!.call('sync.bundleOpen', { base64: altered })).rejects.toThrow(/does not match the hash in the manifest.*Nothing was imported/);

    // A member signs a part that is not JSON: refused in words, never an internal error.
    const signed = unzipSync(Buffer.from(ex.base64, 'base64'));
    const junk = strToU8('not json at all');
    const manifest = JSON.parse(strFromU8(signed['manifest.json']!)) as { parts: { name: string; sha256: string; bytes: number }[] };
    manifest.parts[0] = { name: 'batch-0001.json', sha256: createHash('sha256').update(junk).digest('hex'), bytes: junk.length };
    const manifestText = JSON.stringify(manifest, null, 1);
    const resigned = zipSync({ ...signed, 'batch-0001.json': junk, 'manifest.json': strToU8(manifestText), 'manifest.sig': strToU8(a!.backend.sync.sign(manifestText)) });
    await expect(b!.call('sync.bundleOpen', { base64: Buffer.from(resigned).toString('base64') })).rejects.toThrow(/batch-0001\.json is not readable/);

    const [other] = await coalition(1);
    await withRecords(other!, 1);
    const foreign = await other!.call('sync.bundleExport', {});
    await expect(b!.call('sync.bundleOpen', { base64: foreign.base64 })).rejects.toThrow(/from another coalition.*Nothing was imported/);
    // Both set up with the same coalition and workstation names: the words tell them apart by id.
    const same = await b!.call('sync.bundleOpen', { base64: foreign.base64 }).catch((e: Error) => e.message);
    expect(same).toMatch(/It has this coalition's name, but it was set up on its own \(this one's id is [0-9a-f]{8}…\): it keeps a record of its own/);
    expect(same).toMatch(/Only workstations that joined this coalition with a join code from one of its members \(Sync → New join code\) exchange records/);


    // A workstation's own bundle, chosen by mistake.
    await expect(a!.call('sync.bundleOpen', { base64: ex.base64 })).rejects.toThrow(/made by this workstation.*Nothing was imported/);
    await expect(b!.call('sync.bundleOpen', { base64: Buffer.from('not a zip at all').toString('base64') })).rejects.toThrow(/not a bundle of this console/);
    await expect(b!.call('sync.bundleOpen', { base64: '%%%' })).rejects.toThrow(/not valid base64/);
    // A ZIP bomb: a few hundred kilobytes that would unpack to 200 MB, refused before unpacking.
    const bomb = zipSync({ 'manifest.json': strToU8('{}'), 'manifest.sig': strToU8('x'), 'batch-0001.json': new Uint8Array(200 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(b!.call('sync.bundleOpen', { base64: Buffer.from(bomb).toString('base64') })).rejects.toThrow(/would unpack to far more than any bundle holds \(batch-0001\.json\)/);
    await expect(b!.call('sync.bundleApply', { bundleId: 'never-opened', part: 0 })).rejects.toThrow(/no longer open/);
    expect(b!.backend.sync.contentHash()).toBe(before);
  });
});
