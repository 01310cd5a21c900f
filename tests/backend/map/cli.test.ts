import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/backend/cli/run';
import { openBackend, tempDir } from '../helpers/backend';
import { decodeLayers } from '../../../shared/contract/map-layers';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run cli -- export geojson', () => {
  it('writes a layer of a data folder as GeoJSON, the same features the map draws', async () => {
    const t = await openBackend();
    const { incidentId } = await t.call('demo.load', {});
    const layers = decodeLayers(await t.call('map.layers', { incidentId: incidentId! }));
    await t.backend.close();
    const out = path.join(tempDir(), 'members.geojson');
    const r = await cli('export', 'geojson', '--data-dir', t.dataDir, '--layer', 'organisations', '--out', out);
    expect(r, r.err).toMatchObject({ code: 0, out: `Wrote ${layers.organisations.length} organisations features to ${out}` });
    const fc = JSON.parse(fs.readFileSync(out, 'utf8')) as { features: { properties: { id: string } }[] };
    expect(fc.features.map((f) => f.properties.id)).toEqual(layers.organisations.map((o) => o.id));
    const ann = path.join(path.dirname(out), 'drawn.geojson');
    expect((await cli('export', 'geojson', '--data-dir', t.dataDir, '--layer', 'annotations', '--incident', incidentId!, '--out', ann)).out).toMatch(/^Wrote 4 annotations features/);
  });

  it('refuses an unknown layer, an existing file and a missing option in words, exit 1, writing nothing', async () => {
    const dir = tempDir();
    const existing = path.join(dir, 'x.geojson');
    fs.writeFileSync(existing, 'keep me');
    expect(await cli('export', 'geojson', '--data-dir', dir, '--layer', 'roads', '--out', path.join(dir, 'y.geojson'))).toMatchObject({
      code: 1,
      err: '--layer must be one of: organisations, requests, caches, annotations (not "roads")',
    });
    expect(await cli('export', 'geojson', '--data-dir', dir, '--layer', 'caches', '--out', existing)).toMatchObject({ code: 1, err: expect.stringContaining('already exists') });
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me');
    expect(await cli('export', 'geojson', '--data-dir', dir, '--layer', 'caches')).toMatchObject({ code: 1, err: '--out is required' });
    expect((await cli('export', 'geojson', '--help')).out).toContain('Usage: npm run cli -- export geojson --data-dir D --layer organisations|requests|caches|annotations --out FILE');
  });
});
