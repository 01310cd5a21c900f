import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapPackResponse } from '../../../electron/main/map-packs';
import { tempDir } from '../helpers/backend';

describe('map packs on app:// (the desktop app)', () => {
  it('answers a byte range with 206 and just those bytes, like the browser host', async () => {
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, 'map-packs'));
    const id = '01900000-0000-7000-8000-000000000001';
    const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
    fs.writeFileSync(path.join(dataDir, 'map-packs', `${id}.pmtiles`), bytes);
    const pathname = `/map-packs/${id}.pmtiles`;
    const r = mapPackResponse(dataDir, new Request(`app://eoc${pathname}`, { headers: { range: 'bytes=100-199' } }), pathname);
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe('bytes 100-199/5000');
    expect(Buffer.from(await r.arrayBuffer())).toEqual(bytes.subarray(100, 200));
    const head = mapPackResponse(dataDir, new Request(`app://eoc${pathname}`, { method: 'HEAD' }), pathname);
    expect(head.headers.get('content-length')).toBe('5000');
    expect(mapPackResponse(dataDir, new Request('app://eoc/map-packs/../eoc.sqlite'), '/map-packs/../eoc.sqlite').status).toBe(404);
    expect(mapPackResponse(dataDir, new Request(`app://eoc${pathname}`, { headers: { range: 'bytes=9000-' } }), pathname).status).toBe(416);
  });
});
