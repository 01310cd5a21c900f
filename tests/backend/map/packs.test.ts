import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PMTiles } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { LocalFileSource } from '../../../electron/backend/domains/map/packs/pmtiles-read';
import { answerPackRequest, parseRange } from '../../../electron/backend/domains/map/packs/serve';
import { startBrowserHost } from '../../../electron/backend/server/server';
import { openReadyBackend, tempDir, type TestBackend } from '../helpers/backend';
import { writeMbtiles, writeRasterPmtiles } from './archives';

/** Loads a file the way the map screen does: announced, in pieces, then finished. */
async function load(t: TestBackend, file: string, pieceBytes = 1000) {
  const bytes = fs.readFileSync(file);
  const begin = await t.raw('map.packBegin', { fileName: path.basename(file), bytes: bytes.length });
  if (!begin.ok) return begin;
  const { uploadId } = begin.result as { uploadId: string };
  for (let at = 0; at < bytes.length; at += pieceBytes) {
    await t.call('map.packChunk', { uploadId, offset: at, base64: bytes.subarray(at, at + pieceBytes).toString('base64') });
  }
  return t.raw('map.packFinish', { uploadId });
}

const packFiles = (dataDir: string) => (fs.existsSync(path.join(dataDir, 'map-packs')) ? fs.readdirSync(path.join(dataDir, 'map-packs'), { recursive: true }).filter((f) => String(f).includes('.')) : []);

async function tileOf(file: string, z: number, x: number, y: number) {
  const r = await new PMTiles(new LocalFileSource(file)).getZxy(z, x, y);
  return r ? Buffer.from(r.data) : null;
}

describe('map packs', () => {
  it('keeps a PMTiles pack in the data folder with the SHA-256 of the file loaded, listed and audited', async () => {
    const t = await openReadyBackend();
    const src = path.join(tempDir(), 'region.pmtiles');
    const tiles = writeRasterPmtiles(src, 3);
    const r = await load(t, src);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const { pack } = (r as { result: { pack: { id: string; sha256: string; kind: string; tileType: string; maxZoom: number; url: string } } }).result;
    expect(pack).toMatchObject({ kind: 'raster', tileType: 'png', maxZoom: 3, sha256: createHash('sha256').update(fs.readFileSync(src)).digest('hex') });
    expect(pack.url).toBe(`/map-packs/${pack.id}.pmtiles`);
    const kept = path.join(t.dataDir, 'map-packs', `${pack.id}.pmtiles`);
    const t5 = tiles.find((x) => x.z === 3 && x.x === 5 && x.y === 2)!;
    expect(await tileOf(kept, 3, 5, 2)).toEqual(t5.data);
    expect((await t.call('map.packs', {})).packs.map((p) => p.id)).toEqual([pack.id]);
    expect(packFiles(t.dataDir)).toEqual([`${pack.id}.pmtiles`]);
    const { entries } = await t.call('audit.recent', { limit: 5 });
    expect(entries[0]).toMatchObject({ action: 'map.packAdded', operatorName: 'Dana Duty', detail: { sha256: pack.sha256, file: 'region.pmtiles' } });
  });

  it('rewrites an MBTiles pack (rows counted from the south) as PMTiles with the same tiles', async () => {
    const t = await openReadyBackend();
    const src = path.join(tempDir(), 'roads.mbtiles');
    const tiles = writeMbtiles(src, { vector: true, maxZoom: 2 });
    const r = await load(t, src, 4096);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const { pack } = (r as { result: { pack: { id: string; kind: string; sourceFormat: string; vectorLayers: string[] } } }).result;
    expect(pack).toMatchObject({ kind: 'vector', sourceFormat: 'mbtiles', vectorLayers: ['roads', 'water'] });
    const kept = path.join(t.dataDir, 'map-packs', `${pack.id}.pmtiles`);
    for (const tile of tiles) expect(await tileOf(kept, tile.z, tile.x, tile.y)).toEqual(tile.data);
  });

  it('refuses a truncated archive in words and keeps nothing', async () => {
    const t = await openReadyBackend();
    const src = path.join(tempDir(), 'cut.pmtiles');
    writeRasterPmtiles(src, 4);
    fs.truncateSync(src, Math.floor(fs.statSync(src).size / 2));
    const r = await load(t, src);
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/truncated/) } });
    expect((await t.call('map.packs', {})).packs).toEqual([]);
    expect(packFiles(t.dataDir)).toEqual([]);

    const mb = path.join(tempDir(), 'cut.mbtiles');
    writeMbtiles(mb, { maxZoom: 4 });
    fs.truncateSync(mb, fs.statSync(mb).size - 4096);
    expect(await load(t, mb, 8192)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/truncated/) } });
    expect(packFiles(t.dataDir)).toEqual([]);
  });

  it('refuses a file that is not a tile archive, and a SQLite file that is not MBTiles', async () => {
    const t = await openReadyBackend();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'photo.pmtiles'), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 7)]));
    expect(await load(t, path.join(dir, 'photo.pmtiles'))).toMatchObject({ ok: false, error: { message: '"photo.pmtiles" is not a map pack: it is neither a PMTiles nor an MBTiles tile archive. Nothing was changed' } });
    const other = path.join(dir, 'other.mbtiles');
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(other);
    db.exec('CREATE TABLE people (name TEXT)');
    db.close();
    expect(await load(t, other, 100_000)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not an MBTiles map pack/) } });
    expect(packFiles(t.dataDir)).toEqual([]);
  });

  it('refuses a pack too large for the disk before a byte is copied', async () => {
    const t = await openReadyBackend();
    const r = await t.raw('map.packBegin', { fileName: 'planet.pmtiles', bytes: 2 ** 50 });
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/too large for this disk.*Nothing was copied/) } });
    expect(packFiles(t.dataDir)).toEqual([]);
  });

  it('refuses a piece out of order, and an upload it does not know', async () => {
    const t = await openReadyBackend();
    const { uploadId } = await t.call('map.packBegin', { fileName: 'a.pmtiles', bytes: 10 });
    expect(await t.raw('map.packChunk', { uploadId, offset: 4, base64: 'AAAA' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await t.call('map.packCancel', { uploadId });
    expect(await t.raw('map.packFinish', { uploadId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('serves byte ranges same-origin from the browser host, and nothing outside the packs', async () => {
    const t = await openReadyBackend();
    const src = path.join(tempDir(), 'region.pmtiles');
    writeRasterPmtiles(src, 2);
    const { pack } = ((await load(t, src)) as { result: { pack: { url: string } } }).result;
    const host = await startBrowserHost({ backend: t.backend, rendererDir: tempDir(), port: 0 });
    try {
      const base = `http://127.0.0.1:${host.port}`;
      const whole = fs.readFileSync(src);
      const r = await fetch(base + pack.url, { headers: { range: 'bytes=10-99' } });
      expect(r.status).toBe(206);
      expect(r.headers.get('content-range')).toBe(`bytes 10-99/${whole.length}`);
      expect(Buffer.from(await r.arrayBuffer())).toEqual(whole.subarray(10, 100));
      // The browser's reader asks for 16 KiB at first, more than a small pack holds.
      const head = await fetch(base + pack.url, { headers: { range: 'bytes=0-16383' } });
      expect(Buffer.from(await head.arrayBuffer())).toEqual(whole.subarray(0, Math.min(16384, whole.length)));
      expect((await fetch(base + pack.url, { headers: { range: `bytes=${whole.length + 5}-` } })).status).toBe(416);
      expect((await fetch(`${base}/map-packs/..%2Feoc.sqlite`)).status).toBe(404);
      expect((await fetch(`${base}/map-packs/00000000-0000-0000-0000-000000000000.pmtiles`)).status).toBe(404);
    } finally {
      await host.close();
    }
  });

  it('parses the ranges a reader sends, and refuses the malformed', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(parseRange('items=0-1', 100)).toBeNull();
    expect(answerPackRequest(tempDir(), 'POST', '/map-packs/x.pmtiles', null).status).toBe(405);
  });
});
