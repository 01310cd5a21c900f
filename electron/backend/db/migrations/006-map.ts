/** Mutable-record columns the write path fills: created_at, the HLC of the last change, tombstone. */
const MUTABLE = `created_at INTEGER NOT NULL,
  updated_hlc TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))`;

/**
 * Migration 6 (numbered 006 for the merge; its version is its place in the list): the map.
 * Annotations and imported overlays are mutable records, changed only through the write
 * path (outbox, tombstones), so they reach every workstation. Map packs are files on this
 * workstation: their list is local state, never synced. No fact tables: what an operator
 * drew is attributed through the changes outbox, and loading or removing a map pack is
 * an audit entry. Frozen once released.
 */
export const sql = /* sql */ `
-- No foreign key to incidents: sync may deliver an annotation before its incident.
CREATE TABLE map_annotations (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL,
  purpose TEXT NOT NULL CHECK (purpose IN ('note', 'incident_site', 'incident_area')),
  shape TEXT NOT NULL CHECK (shape IN ('point', 'line', 'polygon', 'circle')),
  geometry TEXT NOT NULL CHECK (json_valid(geometry)),
  radius_m REAL CHECK (radius_m IS NULL OR radius_m > 0),
  label TEXT NOT NULL,
  note TEXT,
  demo INTEGER NOT NULL DEFAULT 0,
  ${MUTABLE}
) STRICT;
CREATE INDEX map_annotations_incident ON map_annotations(incident_id) WHERE deleted = 0;

-- Reference data for every incident (evacuation zones, shelters): the features as a
-- GeoJSON FeatureCollection checked at import.
CREATE TABLE map_overlays (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  source_file TEXT NOT NULL,
  source_format TEXT NOT NULL CHECK (source_format IN ('geojson', 'kml', 'kmz')),
  feature_count INTEGER NOT NULL CHECK (feature_count >= 0),
  geojson TEXT NOT NULL CHECK (json_valid(geojson)),
  ${MUTABLE}
) STRICT;

-- The archive is map-packs/<id>.pmtiles in the data folder; this row says what it is.
CREATE TABLE local_map_packs (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  source_file TEXT NOT NULL,
  source_format TEXT NOT NULL CHECK (source_format IN ('pmtiles', 'mbtiles')),
  sha256 TEXT NOT NULL,
  source_bytes INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('raster', 'vector')),
  tile_type TEXT NOT NULL,
  min_zoom INTEGER NOT NULL,
  max_zoom INTEGER NOT NULL,
  bounds TEXT,
  vector_layers TEXT NOT NULL DEFAULT '[]',
  attribution TEXT,
  added_at INTEGER NOT NULL,
  added_by TEXT
) STRICT;
`;
