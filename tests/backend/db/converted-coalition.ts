import Database from 'better-sqlite3';
import path from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../../electron/backend/cli/run';
import { verify } from '../integrity/demo-store';
import { openBackend, tempDir } from '../helpers/backend';
import { coalition, signIn, syncOnce, type Station } from '../sync/harness';

/**
 * Two workstations of a coalition mid-sync when the first is converted: an incident with an
 * entry both hold and one only the first holds; then the first's store is set back to the
 * schema before a migration (`setBack`) and opened again (the migration runs), signed in.
 */
export async function convertedMidSync(setBack: (db: Database.Database) => void, operatorName: string): Promise<{ a2: Station; b: Station; incidentId: string }> {
  const [a, b] = await coalition(2);
  const { levels } = await a!.call('incident.levels', {});
  const incidentId = (await a!.call('incident.create', { name: 'Ice storm', exercise: true, activationLevelId: levels[0]!.id })).incident.id;
  await a!.call('log.append', { incidentId, category: 'General', text: 'Written before the conversion' });
  syncOnce(a!, b!);
  await a!.call('log.append', { incidentId, category: 'General', text: 'Waiting for the next sync' });
  await a!.backend.close();
  const old = new Database(path.join(a!.dataDir, 'eoc.sqlite'));
  setBack(old);
  old.close();
  const a2 = Object.assign(await openBackend({ dataDir: a!.dataDir }), { id: a!.id, name: a!.name });
  await signIn(a2, 'HCCDO', operatorName);
  return { a2, b: b!, incidentId };
}

/**
 * A bundle from the converted workstation into a third that has never synced: it imports
 * and holds `texts`; then every workstation's chains verify. Closes all three.
 */
export async function bundleToNewcomerAndVerify(a2: Station, b: Station, incidentId: string, texts: string[]): Promise<void> {
  const c = await openBackend({});
  const { code } = await a2.call('sync.issueJoin', {});
  await c.call('sync.join', { code, workstationName: 'EOC-3' });
  await a2.backend.close();
  await b.backend.close();
  await c.backend.close();
  const bundle = path.join(tempDir(), 'after-conversion.eocbundle');
  const run = async (...argv: string[]) => runCli(argv, { out: () => {}, err: () => {} });
  expect(await run('bundle', 'export', '--data-dir', a2.dataDir, '--out', bundle)).toBe(0);
  expect(await run('bundle', 'import', '--data-dir', c.dataDir, bundle)).toBe(0);
  const c2 = await openBackend({ dataDir: c.dataDir });
  expect((await c2.call('log.list', { incidentId })).entries.map((e) => e.text)).toEqual(expect.arrayContaining(texts));
  await c2.backend.close();
  for (const dir of [a2.dataDir, b.dataDir, c.dataDir]) {
    const f = new Database(path.join(dir, 'eoc.sqlite'));
    expect(verify(f).problems, dir).toEqual([]);
    f.close();
  }
}
