import { ANNOTATION_PURPOSE_LABELS, type Annotation, type AnnotationGeometry, type AnnotationPurpose, type AnnotationShape, type OverlayFormat } from '../../../../shared/contract';
import type { Db } from '../../db/open';

interface AnnotationRow {
  id: string;
  incident_id: string;
  purpose: AnnotationPurpose;
  shape: AnnotationShape;
  geometry: string;
  radius_m: number | null;
  label: string;
  note: string | null;
  demo: number;
  created_at: number;
  created_by: string | null;
  updated_at: number | null;
  updated_by: string | null;
}

/** Who drew and who last changed an annotation come from its changes (index changes_field, by its leading table and row). */
const who = (order: 'ASC' | 'DESC', col: string) =>
  `(SELECT ${col} FROM changes c WHERE c.table_name = 'map_annotations' AND c.row_id = a.id ORDER BY c.hlc ${order} LIMIT 1)`;
const BY = `operator_name || coalesce(' (' || position_title || ')', '')`;
const SELECT = `SELECT a.id, a.incident_id, a.purpose, a.shape, a.geometry, a.radius_m, a.label, a.note, a.demo, a.created_at,
  ${who('ASC', BY)} AS created_by, ${who('DESC', 'recorded_at')} AS updated_at, ${who('DESC', BY)} AS updated_by
  FROM map_annotations a`;

const toAnnotation = (r: AnnotationRow): Annotation => ({
  id: r.id,
  incidentId: r.incident_id,
  purpose: r.purpose,
  purposeLabel: ANNOTATION_PURPOSE_LABELS[r.purpose],
  shape: r.shape,
  geometry: JSON.parse(r.geometry) as AnnotationGeometry,
  radiusM: r.radius_m,
  label: r.label,
  note: r.note,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at ?? r.created_at,
  updatedBy: r.updated_by,
  demo: r.demo === 1,
});

/** Read on every refresh of the map: a test keeps it on map_annotations_incident and changes_field. */
export const ANNOTATIONS_OF_INCIDENT_SQL = `${SELECT} WHERE a.incident_id = ? AND a.deleted = 0 ORDER BY a.created_at, a.id`;

/** One incident's annotations (index map_annotations_incident), or every incident's. */
export function listAnnotations(db: Db, incidentId?: string): Annotation[] {
  const rows = incidentId
    ? db.prepare(ANNOTATIONS_OF_INCIDENT_SQL).all(incidentId)
    : db.prepare(`${SELECT} WHERE a.deleted = 0 ORDER BY a.incident_id, a.created_at, a.id`).all();
  return (rows as AnnotationRow[]).map(toAnnotation);
}

export function getAnnotation(db: Db, id: string): Annotation | null {
  const r = db.prepare(`${SELECT} WHERE a.id = ? AND a.deleted = 0`).get(id) as AnnotationRow | undefined;
  return r ? toAnnotation(r) : null;
}

interface OverlayRow {
  id: string;
  name: string;
  source_file: string;
  source_format: OverlayFormat;
  feature_count: number;
  geojson?: string;
  created_at: number;
  imported_by: string | null;
}

const OVERLAY_BY = `(SELECT ${BY} FROM changes c WHERE c.table_name = 'map_overlays' AND c.row_id = o.id ORDER BY c.hlc ASC LIMIT 1)`;

const toSummary = (r: OverlayRow) => ({
  id: r.id,
  name: r.name,
  sourceFile: r.source_file,
  sourceFormat: r.source_format,
  featureCount: r.feature_count,
  importedAt: r.created_at,
  importedBy: r.imported_by,
});

export function listOverlays(db: Db) {
  const rows = db
    .prepare(`SELECT o.id, o.name, o.source_file, o.source_format, o.feature_count, o.geojson, o.created_at, ${OVERLAY_BY} AS imported_by FROM map_overlays o WHERE o.deleted = 0 ORDER BY o.created_at, o.id`)
    .all() as OverlayRow[];
  return rows.map((r) => ({ ...toSummary(r), geojson: JSON.parse(r.geojson!) as { type: 'FeatureCollection'; features: unknown[] } }));
}

export function getOverlaySummary(db: Db, id: string) {
  const r = db
    .prepare(`SELECT o.id, o.name, o.source_file, o.source_format, o.feature_count, o.created_at, ${OVERLAY_BY} AS imported_by FROM map_overlays o WHERE o.id = ? AND o.deleted = 0`)
    .get(id) as OverlayRow | undefined;
  return r ? toSummary(r) : null;
}

export function overlayGeojson(db: Db, id: string): { name: string; geojson: string } | null {
  return (db.prepare('SELECT name, geojson FROM map_overlays WHERE id = ? AND deleted = 0').get(id) as { name: string; geojson: string } | undefined) ?? null;
}
