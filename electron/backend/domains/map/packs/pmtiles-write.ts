import fs from 'node:fs';
import { Compression, TileType, zxyToTileId, type Entry } from 'pmtiles';

/**
 * A PMTiles v3 writer (the format's JavaScript library only reads). Used to keep every map
 * pack in one format, whatever was loaded (an MBTiles file is rewritten once), and by the
 * tests and the benchmark to make archives of their own. One pass: tile data is appended
 * as it comes, so a multi-gigabyte pack is never held in memory; only the directory is.
 *
 * Layout: header and root directory in the first 16 KiB (the format requires it), then
 * the metadata JSON, the tile data, and the leaf directories last.
 */
export const HEADER_BYTES = 127;
export const ROOT_SPACE = 16_384;

export interface PackHeaderInfo {
  tileType: TileType;
  tileCompression: Compression;
  /** [west, south, east, north] in degrees; the world when absent. */
  bounds?: readonly [number, number, number, number] | null;
  center?: readonly [number, number, number] | null;
}

function writeVarint(out: number[], value: number): void {
  let n = value;
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

/** A directory as the format serialises it: ids as deltas, then run lengths, lengths, offsets. */
export function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const b: number[] = [];
  writeVarint(b, entries.length);
  let last = 0;
  for (const e of entries) {
    writeVarint(b, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) writeVarint(b, e.runLength);
  for (const e of entries) writeVarint(b, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    writeVarint(b, prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(b);
}

/** A root that fits in the first 16 KiB, with leaf directories when the tiles are many. */
export function buildDirectories(entries: readonly Entry[]): { root: Uint8Array; leaves: Uint8Array } {
  const limit = ROOT_SPACE - HEADER_BYTES;
  const flat = serializeDirectory(entries);
  if (flat.length <= limit) return { root: flat, leaves: new Uint8Array(0) };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const rootEntries: Entry[] = [];
    const parts: Uint8Array[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leaf = serializeDirectory(entries.slice(i, i + leafSize));
      rootEntries.push({ tileId: entries[i]!.tileId, offset, length: leaf.length, runLength: 0 });
      parts.push(leaf);
      offset += leaf.length;
    }
    const root = serializeDirectory(rootEntries);
    if (root.length <= limit) return { root, leaves: Buffer.concat(parts) };
  }
}

const e7 = (deg: number) => Math.round(deg * 10_000_000);

function headerBytes(h: {
  rootLength: number;
  metadataOffset: number;
  metadataLength: number;
  leafOffset: number;
  leafLength: number;
  tileOffset: number;
  tileLength: number;
  tiles: number;
  clustered: boolean;
  info: PackHeaderInfo;
  minZoom: number;
  maxZoom: number;
}): Buffer {
  const b = Buffer.alloc(HEADER_BYTES);
  b.write('PMTiles', 0, 'ascii');
  b.writeUInt8(3, 7);
  const u64 = (at: number, v: number) => b.writeBigUInt64LE(BigInt(v), at);
  u64(8, HEADER_BYTES);
  u64(16, h.rootLength);
  u64(24, h.metadataOffset);
  u64(32, h.metadataLength);
  u64(40, h.leafOffset);
  u64(48, h.leafLength);
  u64(56, h.tileOffset);
  u64(64, h.tileLength);
  u64(72, h.tiles);
  u64(80, h.tiles);
  u64(88, h.tiles);
  b.writeUInt8(h.clustered ? 1 : 0, 96);
  b.writeUInt8(Compression.None, 97);
  b.writeUInt8(h.info.tileCompression, 98);
  b.writeUInt8(h.info.tileType, 99);
  b.writeUInt8(h.minZoom, 100);
  b.writeUInt8(h.maxZoom, 101);
  const [w, s, e, n] = h.info.bounds ?? [-180, -85.0511, 180, 85.0511];
  b.writeInt32LE(e7(w), 102);
  b.writeInt32LE(e7(s), 106);
  b.writeInt32LE(e7(e), 110);
  b.writeInt32LE(e7(n), 114);
  const [cz, clon, clat] = h.info.center ?? [h.minZoom, (w + e) / 2, (s + n) / 2];
  b.writeUInt8(cz, 118);
  b.writeInt32LE(e7(clon), 119);
  b.writeInt32LE(e7(clat), 123);
  return b;
}

export class PmtilesWriter {
  private readonly fd: number;
  private position: number;
  private readonly tileStart: number;
  private readonly metadataLength: number;
  private readonly entries: Entry[] = [];
  private minZoom = 255;
  private maxZoom = 0;
  private clustered = true;

  constructor(
    readonly file: string,
    metadata: Record<string, unknown>,
  ) {
    this.fd = fs.openSync(file, 'wx');
    const meta = Buffer.from(JSON.stringify(metadata), 'utf8');
    fs.writeSync(this.fd, meta, 0, meta.length, ROOT_SPACE);
    this.metadataLength = meta.length;
    this.tileStart = ROOT_SPACE + meta.length;
    this.position = this.tileStart;
  }

  get tileCount(): number {
    return this.entries.length;
  }

  add(z: number, x: number, y: number, data: Uint8Array): void {
    const tileId = zxyToTileId(z, x, y);
    const last = this.entries[this.entries.length - 1];
    if (last && tileId <= last.tileId) this.clustered = false;
    fs.writeSync(this.fd, data, 0, data.length, this.position);
    this.entries.push({ tileId, offset: this.position - this.tileStart, length: data.length, runLength: 1 });
    this.position += data.length;
    if (z < this.minZoom) this.minZoom = z;
    if (z > this.maxZoom) this.maxZoom = z;
  }

  /** Writes the directories and header, flushes to disk and closes; returns the file size. */
  finish(info: PackHeaderInfo): number {
    try {
      if (!this.clustered) this.entries.sort((a, b) => a.tileId - b.tileId);
      for (let i = 1; i < this.entries.length; i++) {
        if (this.entries[i]!.tileId === this.entries[i - 1]!.tileId) throw new Error('The same tile appears twice in the archive');
      }
      const { root, leaves } = buildDirectories(this.entries);
      const tileLength = this.position - this.tileStart;
      const leafOffset = this.position;
      fs.writeSync(this.fd, leaves, 0, leaves.length, leafOffset);
      const header = headerBytes({
        rootLength: root.length,
        metadataOffset: ROOT_SPACE,
        metadataLength: this.metadataLength,
        leafOffset,
        leafLength: leaves.length,
        tileOffset: this.tileStart,
        tileLength,
        tiles: this.entries.length,
        clustered: this.clustered,
        info,
        minZoom: this.entries.length ? this.minZoom : 0,
        maxZoom: this.entries.length ? this.maxZoom : 0,
      });
      fs.writeSync(this.fd, header, 0, header.length, 0);
      fs.writeSync(this.fd, root, 0, root.length, HEADER_BYTES);
      fs.fsyncSync(this.fd);
      return leafOffset + leaves.length;
    } finally {
      fs.closeSync(this.fd);
    }
  }

  /** Closes and deletes a half-written archive. */
  abort(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed by finish()
    }
    fs.rmSync(this.file, { force: true });
  }
}

export { Compression, TileType };
