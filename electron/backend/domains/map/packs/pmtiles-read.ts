import fs from 'node:fs';
import { bytesToHeader, PMTiles, TileType, type Header, type RangeResponse, type Source } from 'pmtiles';
import { invalid } from '../../../errors';
import { HEADER_BYTES } from './pmtiles-write';

/** Reads byte ranges of a local archive with positioned reads: the file is never loaded whole. */
export class LocalFileSource implements Source {
  constructor(private readonly file: string) {}
  getKey(): string {
    return this.file;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const h = await fs.promises.open(this.file, 'r');
    try {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await h.read(buf, 0, length, offset);
      const data = buf.subarray(0, bytesRead);
      return { data: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer };
    } finally {
      await h.close();
    }
  }
}

export interface PmtilesInfo {
  header: Header;
  kind: 'raster' | 'vector';
  tileType: string;
  metadata: Record<string, unknown>;
}

const TILE_TYPES: Partial<Record<TileType, { name: string; kind: 'raster' | 'vector' }>> = {
  [TileType.Mvt]: { name: 'mvt', kind: 'vector' },
  [TileType.Png]: { name: 'png', kind: 'raster' },
  [TileType.Jpeg]: { name: 'jpg', kind: 'raster' },
  [TileType.Webp]: { name: 'webp', kind: 'raster' },
  [TileType.Avif]: { name: 'avif', kind: 'raster' },
};

const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;

/**
 * Checks a PMTiles archive as far as the map will read it: version 3, every section inside
 * the file (a copy cut short by a pulled USB stick fails here), a readable root directory,
 * metadata and first tile. Refuses in words otherwise.
 */
export async function checkPmtiles(file: string): Promise<PmtilesInfo> {
  const size = fs.statSync(file).size;
  if (size < HEADER_BYTES) throw invalid(`The map pack is truncated: a PMTiles archive starts with a ${HEADER_BYTES}-byte header, but the file is ${size} bytes`);
  const first = await new LocalFileSource(file).getBytes(0, HEADER_BYTES);
  const version = new Uint8Array(first.data)[7];
  if (version !== 3) throw invalid(`This is a PMTiles version ${version} archive; the console reads version 3. Convert it with "pmtiles convert" first`);
  const header = bytesToHeader(first.data);
  const sections: [string, number, number][] = [
    ['root directory', header.rootDirectoryOffset, header.rootDirectoryLength],
    ['metadata', header.jsonMetadataOffset, header.jsonMetadataLength],
    ['leaf directories', header.leafDirectoryOffset, header.leafDirectoryLength ?? 0],
    ['tile data', header.tileDataOffset, header.tileDataLength ?? 0],
  ];
  for (const [name, offset, length] of sections) {
    if (offset + length > size) {
      throw invalid(`The map pack is truncated: its ${name} should end at ${mb(offset + length)} but the file is only ${mb(size)}. Copy it again from the original`);
    }
  }
  const type = TILE_TYPES[header.tileType as TileType];
  if (!type) throw invalid('The map pack holds tiles of a type the map cannot draw; it needs vector (MVT) or raster (PNG, JPEG, WebP) tiles');
  const archive = new PMTiles(new LocalFileSource(file));
  let metadata: Record<string, unknown>;
  try {
    metadata = ((await archive.getMetadata()) ?? {}) as Record<string, unknown>;
    // Reading one tile walks the directories: a damaged directory fails here, not on screen.
    const z = header.minZoom;
    const n = 2 ** z;
    const x = Math.min(n - 1, Math.max(0, Math.floor(((header.centerLon + 180) / 360) * n)));
    const latRad = (header.centerLat * Math.PI) / 180;
    const y = Math.min(n - 1, Math.max(0, Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n)));
    await archive.getZxy(z, x, y);
  } catch (e) {
    throw invalid(`The map pack is damaged: its directory or metadata cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
  return { header, kind: type.kind, tileType: type.name, metadata };
}

/** The names of a vector pack's layers, from its TileJSON-style metadata. */
export function vectorLayerNames(metadata: Record<string, unknown>): string[] {
  const layers = metadata.vector_layers;
  if (!Array.isArray(layers)) return [];
  return layers.map((l) => (l as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string').slice(0, 200);
}
