import Database from 'better-sqlite3';
import { deflateSync } from 'node:zlib';
import { Compression, PmtilesWriter, TileType } from '../../../electron/backend/domains/map/packs/pmtiles-write';

/** A valid 1x1 PNG of one grey level, distinct per tile so a read-back proves which tile came. */
export function tinyPng(level: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  const idat = deflateSync(Buffer.from([0, level & 0xff]));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

/** Every tile of zooms 0..maxZoom, each a distinct PNG: (1 + 4 + 16 + ...) tiles. */
export function rasterTiles(maxZoom: number): { z: number; x: number; y: number; data: Buffer }[] {
  const out: { z: number; x: number; y: number; data: Buffer }[] = [];
  let i = 0;
  for (let z = 0; z <= maxZoom; z++) for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) out.push({ z, x, y, data: tinyPng(i++) });
  return out;
}

export function writeRasterPmtiles(file: string, maxZoom = 3): { z: number; x: number; y: number; data: Buffer }[] {
  const tiles = rasterTiles(maxZoom);
  const w = new PmtilesWriter(file, { name: 'Test raster pack', attribution: 'Test data' });
  for (const t of tiles) w.add(t.z, t.x, t.y, t.data);
  w.finish({ tileType: TileType.Png, tileCompression: Compression.None, bounds: [-73.5, 41.2, -69.9, 42.9] });
  return tiles;
}

/** An MBTiles file as tools write it: TMS rows (counted from the south), metadata table. */
export function writeMbtiles(file: string, opts: { format?: string; maxZoom?: number; vector?: boolean } = {}): { z: number; x: number; y: number; data: Buffer }[] {
  const db = new Database(file);
  db.exec('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB); CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);');
  const meta = db.prepare('INSERT INTO metadata VALUES (?, ?)');
  meta.run('name', 'Test MBTiles pack');
  meta.run('format', opts.format ?? (opts.vector ? 'pbf' : 'png'));
  meta.run('bounds', '-73.5,41.2,-69.9,42.9');
  if (opts.vector) meta.run('json', JSON.stringify({ vector_layers: [{ id: 'roads', fields: {} }, { id: 'water', fields: {} }] }));
  const tiles = rasterTiles(opts.maxZoom ?? 2);
  const ins = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const t of tiles) ins.run(t.z, t.x, 2 ** t.z - 1 - t.y, t.data);
  })();
  db.close();
  return tiles;
}
