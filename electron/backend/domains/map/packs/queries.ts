import type { MapPack } from '../../../../../shared/contract';
import type { Db } from '../../../db/open';

interface PackRow {
  id: string;
  name: string;
  source_file: string;
  source_format: MapPack['sourceFormat'];
  sha256: string;
  source_bytes: number;
  bytes: number;
  kind: MapPack['kind'];
  tile_type: string;
  min_zoom: number;
  max_zoom: number;
  bounds: string | null;
  vector_layers: string;
  attribution: string | null;
  added_at: number;
  added_by: string | null;
}

const toPack = (r: PackRow): MapPack => ({
  id: r.id,
  name: r.name,
  sourceFile: r.source_file,
  sourceFormat: r.source_format,
  sha256: r.sha256,
  sourceBytes: r.source_bytes,
  bytes: r.bytes,
  kind: r.kind,
  tileType: r.tile_type,
  minZoom: r.min_zoom,
  maxZoom: r.max_zoom,
  bounds: r.bounds ? (JSON.parse(r.bounds) as MapPack['bounds']) : null,
  vectorLayers: JSON.parse(r.vector_layers) as string[],
  attribution: r.attribution,
  addedAt: r.added_at,
  addedBy: r.added_by,
  url: `/map-packs/${r.id}.pmtiles`,
});

export function listPacks(db: Db): MapPack[] {
  return (db.prepare('SELECT * FROM local_map_packs ORDER BY added_at, id').all() as PackRow[]).map(toPack);
}

export function getPack(db: Db, id: string): MapPack | null {
  const r = db.prepare('SELECT * FROM local_map_packs WHERE id = ?').get(id) as PackRow | undefined;
  return r ? toPack(r) : null;
}

/** Local state (this workstation's files), written beside the audit entry that records it. */
export function insertPack(db: Db, p: MapPack, position: string | null): void {
  db.prepare(
    `INSERT INTO local_map_packs (id, name, source_file, source_format, sha256, source_bytes, bytes, kind, tile_type, min_zoom, max_zoom, bounds, vector_layers, attribution, added_at, added_by)
     VALUES (@id, @name, @sourceFile, @sourceFormat, @sha256, @sourceBytes, @bytes, @kind, @tileType, @minZoom, @maxZoom, @bounds, @vectorLayers, @attribution, @addedAt, @addedBy)`,
  ).run({
    id: p.id,
    name: p.name,
    sourceFile: p.sourceFile,
    sourceFormat: p.sourceFormat,
    sha256: p.sha256,
    sourceBytes: p.sourceBytes,
    bytes: p.bytes,
    kind: p.kind,
    tileType: p.tileType,
    minZoom: p.minZoom,
    maxZoom: p.maxZoom,
    bounds: p.bounds ? JSON.stringify(p.bounds) : null,
    vectorLayers: JSON.stringify(p.vectorLayers),
    attribution: p.attribution,
    addedAt: p.addedAt,
    addedBy: p.addedBy ? `${p.addedBy}${position ? ` (${position})` : ''}` : null,
  });
}

export function deletePackRow(db: Db, id: string): void {
  db.prepare('DELETE FROM local_map_packs WHERE id = ?').run(id);
}
