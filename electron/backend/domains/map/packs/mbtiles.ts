import Database from 'better-sqlite3';
import fs from 'node:fs';
import { invalid } from '../../../errors';
import { Compression, PmtilesWriter, TileType } from './pmtiles-write';

/** SQLite's own header: 16 bytes of magic, page size at 16, page count at 28 (big-endian). */
function sqliteHeaderSize(file: string): { declared: number | null } {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(100);
    fs.readSync(fd, b, 0, 100, 0);
    const raw = b.readUInt16BE(16);
    const pageSize = raw === 1 ? 65_536 : raw;
    const pages = b.readUInt32BE(28);
    // The page count is valid only when the change counters agree (SQLite 3.7.0 and later).
    const valid = b.readUInt32BE(24) === b.readUInt32BE(92) && pages > 0;
    return { declared: valid ? pageSize * pages : null };
  } finally {
    fs.closeSync(fd);
  }
}

const TYPES: Record<string, { type: TileType; kind: 'raster' | 'vector' }> = {
  pbf: { type: TileType.Mvt, kind: 'vector' },
  mvt: { type: TileType.Mvt, kind: 'vector' },
  png: { type: TileType.Png, kind: 'raster' },
  jpg: { type: TileType.Jpeg, kind: 'raster' },
  jpeg: { type: TileType.Jpeg, kind: 'raster' },
  webp: { type: TileType.Webp, kind: 'raster' },
};

export interface Converted {
  bytes: number;
  tiles: number;
}

/**
 * Rewrites an MBTiles file as a PMTiles archive, tile by tile (never the whole file in
 * memory), so every pack is served the same way: byte ranges of one file, by the browser
 * host and by the desktop app's protocol alike, with no database query in the main process.
 */
export function convertMbtiles(source: string, target: string): Converted {
  const size = fs.statSync(source).size;
  const { declared } = sqliteHeaderSize(source);
  if (declared !== null && size < declared) {
    throw invalid(`The map pack is truncated: the MBTiles file should be ${declared.toLocaleString('en-US')} bytes but is ${size.toLocaleString('en-US')}. Copy it again from the original`);
  }
  let db: Database.Database;
  try {
    db = new Database(source, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw invalid(`The MBTiles file cannot be opened: ${e instanceof Error ? e.message : String(e)}`);
  }
  let writer: PmtilesWriter | null = null;
  try {
    const check = db.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw invalid(`The MBTiles file is damaged (SQLite reports: ${String(check)}). Copy it again from the original`);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").all() as { name: string }[]).map((r) => r.name));
    if (!tables.has('tiles') || !tables.has('metadata')) throw invalid('This SQLite file is not an MBTiles map pack: it has no tiles and metadata tables');
    const meta = Object.fromEntries((db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string }[]).map((r) => [r.name, r.value]));
    const format = String(meta.format ?? '').toLowerCase();
    const kind = TYPES[format];
    if (!kind) throw invalid(`The MBTiles file says its tiles are "${format || 'of no format'}"; the map draws pbf (vector), png, jpg or webp`);
    const extra = safeJson(meta.json);
    const bounds = parseNumbers(meta.bounds, 4) as [number, number, number, number] | null;
    const center = parseNumbers(meta.center, 3);
    const metadata: Record<string, unknown> = {
      name: meta.name ?? null,
      description: meta.description ?? null,
      attribution: meta.attribution ?? null,
      ...(extra && typeof extra === 'object' ? extra : {}),
    };
    writer = new PmtilesWriter(target, metadata);
    let compression: Compression = Compression.None;
    const rows = db.prepare('SELECT zoom_level AS z, tile_column AS x, tile_row AS y, tile_data AS data FROM tiles').iterate() as Iterable<{ z: number; x: number; y: number; data: Buffer | null }>;
    for (const r of rows) {
      if (!r.data || !Number.isInteger(r.z) || r.z < 0 || r.z > 30) continue;
      if (writer.tileCount === 0 && r.data[0] === 0x1f && r.data[1] === 0x8b) compression = Compression.Gzip;
      // MBTiles counts rows from the south (TMS); PMTiles from the north.
      writer.add(r.z, r.x, 2 ** r.z - 1 - r.y, r.data);
    }
    if (writer.tileCount === 0) throw invalid('The MBTiles file holds no tiles');
    const bytes = writer.finish({ tileType: kind.type, tileCompression: compression, bounds, center: center as [number, number, number] | null });
    return { bytes, tiles: writer.tileCount };
  } catch (e) {
    writer?.abort();
    // SQLite finds damage only when it reaches the damaged page, often mid-copy.
    if (e instanceof Error && (e as { code?: string }).code?.startsWith('SQLITE_')) {
      throw invalid(`The MBTiles file is damaged (${e.message}). Copy it again from the original`);
    }
    throw e;
  } finally {
    db.close();
  }
}

function safeJson(s: string | undefined): unknown {
  if (!s) return null;
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

function parseNumbers(s: string | undefined, n: number): number[] | null {
  if (!s) return null;
  const parts = s.split(',').map((x) => Number(x.trim()));
  return parts.length === n && parts.every(Number.isFinite) ? parts : null;
}
