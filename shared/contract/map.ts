import { z } from 'zod';
import { DISCIPLINES } from '../domain/disciplines';
import { MEMBER_STALENESS, MEMBER_STATUS_CODES } from '../domain/member-status';
import { PRIORITIES, REQUEST_STATUSES } from '../domain/request-state';
import { base64Text, cleanString, epochMs, longText, read, text, uuid, write, lazySchema } from './define';
import { INVENTORY_STATUSES } from './inventory';

/**
 * The map: layer reads built from the other domains' records, annotations (mutable records
 * through the one write path, per incident), imported overlays, map packs kept on this
 * workstation, and exports. Every feature carries how it was placed, in words, because a
 * request "delivered to the ED entrance" has no coordinates of its own.
 */

// ---------- geometry ----------

const lon = lazySchema(() => z.number({ error: 'Longitude must be a number' }).min(-180, { error: 'Longitude must be between -180 and 180' }).max(180, { error: 'Longitude must be between -180 and 180' }));
const lat = lazySchema(() => z.number({ error: 'Latitude must be a number' }).min(-90, { error: 'Latitude must be between -90 and 90' }).max(90, { error: 'Latitude must be between -90 and 90' }));
const position = lazySchema(() => z.tuple([lon, lat], { error: 'A position is [longitude, latitude]' }));
/** A drawn shape is drawn by hand: a few thousand vertices is already far more than that. */
const MAX_VERTICES = 5000;

export const annotationGeometrySchema = lazySchema(() => z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('Point'), coordinates: position }).strict(),
    z
      .object({
        type: z.literal('LineString'),
        coordinates: z.array(position).min(2, { error: 'A line needs at least 2 points' }).max(MAX_VERTICES, { error: `A line may have at most ${MAX_VERTICES} points` }),
      })
      .strict(),
    z
      .object({
        type: z.literal('Polygon'),
        coordinates: z
          .array(z.array(position).min(4, { error: 'An area needs at least 3 corners' }).max(MAX_VERTICES, { error: `An area may have at most ${MAX_VERTICES} corners` }))
          .min(1, { error: 'An area needs an outline' })
          .max(20, { error: 'An area may have at most 20 rings' }),
      })
      .strict(),
  ],
  { error: 'Geometry must be a GeoJSON Point, LineString or Polygon' },
));
export type AnnotationGeometry = z.infer<typeof annotationGeometrySchema>;

export const ANNOTATION_SHAPES = ['point', 'line', 'polygon', 'circle'] as const;
export type AnnotationShape = (typeof ANNOTATION_SHAPES)[number];

/** What a drawing marks: an operator's note, or the incident's own location or area. */
export const ANNOTATION_PURPOSES = ['note', 'incident_site', 'incident_area'] as const;
export type AnnotationPurpose = (typeof ANNOTATION_PURPOSES)[number];
export const ANNOTATION_PURPOSE_LABELS: Readonly<Record<AnnotationPurpose, string>> = {
  note: 'Annotation',
  incident_site: 'Incident location',
  incident_area: 'Incident area',
};

/** The geometry a shape must have: a circle is its centre point and a radius. */
export const SHAPE_GEOMETRY: Readonly<Record<AnnotationShape, AnnotationGeometry['type']>> = {
  point: 'Point',
  line: 'LineString',
  polygon: 'Polygon',
  circle: 'Point',
};

export const annotationInput = lazySchema(() => z
  .object({
    /** Absent: draw a new one. Present: change that one. */
    id: uuid('Annotation').optional(),
    incidentId: uuid('Incident'),
    purpose: z.enum(ANNOTATION_PURPOSES, { error: 'Purpose must be note, incident_site or incident_area' }).default('note'),
    shape: z.enum(ANNOTATION_SHAPES, { error: 'Shape must be point, line, polygon or circle' }),
    geometry: annotationGeometrySchema,
    /** Metres; circles only. */
    radiusM: z.number({ error: 'Radius must be a number of metres' }).positive({ error: 'Radius must be more than 0 metres' }).max(500_000, { error: 'Radius must be at most 500 km' }).nullish(),
    label: text('Label', 120),
    note: longText('Note', 2000).nullish(),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (SHAPE_GEOMETRY[a.shape] !== a.geometry.type) {
      ctx.addIssue({ code: 'custom', path: ['geometry'], message: `A ${a.shape} is drawn as a GeoJSON ${SHAPE_GEOMETRY[a.shape]}, not a ${a.geometry.type}` });
    }
    if (a.shape === 'circle' && !a.radiusM) ctx.addIssue({ code: 'custom', path: ['radiusM'], message: 'A circle needs its radius in metres' });
    if (a.shape !== 'circle' && a.radiusM) ctx.addIssue({ code: 'custom', path: ['radiusM'], message: 'Only a circle has a radius' });
  }));
export type AnnotationInput = z.input<typeof annotationInput>;

export const annotationSchema = lazySchema(() => z.object({
  id: z.string(),
  incidentId: z.string(),
  purpose: z.enum(ANNOTATION_PURPOSES),
  purposeLabel: z.string(),
  shape: z.enum(ANNOTATION_SHAPES),
  geometry: annotationGeometrySchema,
  radiusM: z.number().nullable(),
  label: z.string(),
  note: z.string().nullable(),
  createdAt: epochMs(),
  createdBy: z.string().nullable(),
  updatedAt: epochMs(),
  updatedBy: z.string().nullable(),
  demo: z.boolean(),
}));
export type Annotation = z.infer<typeof annotationSchema>;

// ---------- layers ----------

/** How a point was found, said in words on the popup and in the list. */
export const placementSchema = lazySchema(() => z.object({
  source: z.enum(['entered', 'zip', 'town', 'organisation']),
  words: z.string(),
}));
export type Placement = z.infer<typeof placementSchema>;

const located = { latitude: z.number(), longitude: z.number(), placement: placementSchema };

export const mapOrganisationSchema = lazySchema(() => z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  discipline: z.enum(DISCIPLINES),
  disciplineLabel: z.string(),
  membership: z.string(),
  town: z.string(),
  demo: z.boolean(),
  /** Headline facility status as a short code (words and severity in shared/domain/member-status); null: the member does not report status. */
  status: z.enum(MEMBER_STATUS_CODES).nullable(),
  /** The headline's staleness when it is not current; absent when current (most members: the first read stays small). */
  stale: z.enum(MEMBER_STALENESS).optional(),
  ...located,
}));
export type MapOrganisation = z.infer<typeof mapOrganisationSchema>;

export const mapRequestSchema = lazySchema(() => z.object({
  id: z.string(),
  number: z.string(),
  incidentId: z.string(),
  priority: z.enum(PRIORITIES),
  priorityLabel: z.string(),
  status: z.enum(REQUEST_STATUSES),
  statusLabel: z.string(),
  summary: z.string(),
  organisationName: z.string(),
  deliveryLocation: z.string(),
  demo: z.boolean(),
  ...located,
}));
export type MapRequest = z.infer<typeof mapRequestSchema>;

export const mapCacheSchema = lazySchema(() => z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  ownerName: z.string(),
  location: z.string(),
  status: z.enum(INVENTORY_STATUSES),
  statusLabel: z.string(),
  availableQuantity: z.number().int(),
  heldQuantity: z.number().int(),
  unit: z.string(),
  demo: z.boolean(),
  ...located,
}));
export type MapCache = z.infer<typeof mapCacheSchema>;

export const unplacedSchema = lazySchema(() => z.object({ layer: z.enum(['organisations', 'requests', 'caches']), id: z.string(), label: z.string(), reason: z.string() }));

/** Every layer as the map and its exports use it: one object per feature. */
export interface MapLayers {
  organisations: MapOrganisation[];
  requests: MapRequest[];
  caches: MapCache[];
  unplaced: z.infer<typeof unplacedSchema>[];
}

/**
 * The layers as they travel to the map: one array per field rather than an object per
 * feature (no key repeated thousands of times), labels left to the shared label tables,
 * each distinct placement sent once and referred to by its index. With 5,000 members the
 * object form was 2 MB of JSON to write, send and parse before the first marker; see
 * map-layers.ts for the two ends.
 */
const flag = lazySchema(() => z.array(z.union([z.literal(0), z.literal(1)])));
const strings = lazySchema(() => z.array(z.string()));
const numbers = lazySchema(() => z.array(z.number()));
export const layerColumnsSchema = lazySchema(() => z.object({
  placements: z.array(placementSchema),
  organisations: z.object({
    id: strings,
    name: strings,
    shortName: z.array(z.string().nullable()),
    discipline: z.array(z.enum(DISCIPLINES)),
    membership: strings,
    town: strings,
    demo: flag,
    status: z.array(z.enum(MEMBER_STATUS_CODES).nullable()),
    stale: z.array(z.enum(MEMBER_STALENESS).nullable()),
    latitude: numbers,
    longitude: numbers,
    placement: z.array(z.number().int()),
  }),
  requests: z.object({
    id: strings,
    number: strings,
    incidentId: strings,
    priority: z.array(z.enum(PRIORITIES)),
    status: z.array(z.enum(REQUEST_STATUSES)),
    summary: strings,
    organisationName: strings,
    deliveryLocation: strings,
    demo: flag,
    latitude: numbers,
    longitude: numbers,
    placement: z.array(z.number().int()),
  }),
  /** Tens to hundreds: sent as they are. */
  caches: z.array(mapCacheSchema),
  unplaced: z.array(unplacedSchema),
}));
export type LayerColumns = z.infer<typeof layerColumnsSchema>;

// Members carry their facility status, so a status report (or a new activation level, which changes staleness) refreshes the map.
const LAYER_TABLES = ['organisations', 'inventory', 'requests', 'incidents', 'status_reports', 'status_types', 'eei_sets', 'activation_levels'];
const ANNOTATION_TABLES = ['map_annotations'];

// ---------- overlays ----------

export const OVERLAY_FORMATS = ['geojson', 'kml', 'kmz'] as const;
export type OverlayFormat = (typeof OVERLAY_FORMATS)[number];
/** Larger files are refused before anything is parsed: an overlay is reference data, not a GIS. */
export const MAX_OVERLAY_CHARS = 12_000_000;
export const MAX_OVERLAY_FEATURES = 20_000;

export const overlayImportInput = lazySchema(() => z
  .object({
    fileName: text('File name', 200),
    format: z.enum(OVERLAY_FORMATS, { error: 'The file must be GeoJSON, KML or KMZ' }),
    /** GeoJSON or KML text; KMZ as base64. */
    content: cleanString('The file content')
      .min(1, { error: 'The file is empty' })
      .max(MAX_OVERLAY_CHARS, { error: `The file is too large to import as an overlay: at most ${MAX_OVERLAY_CHARS / 1_000_000} MB` }),
    name: text('Overlay name', 120).optional(),
  })
  .strict());

export const overlaySummarySchema = lazySchema(() => z.object({
  id: z.string(),
  name: z.string(),
  sourceFile: z.string(),
  sourceFormat: z.enum(OVERLAY_FORMATS),
  featureCount: z.number().int(),
  importedAt: epochMs(),
  importedBy: z.string().nullable(),
}));
export type OverlaySummary = z.infer<typeof overlaySummarySchema>;
/** The features as stored: a GeoJSON FeatureCollection checked at import. */
export const overlaySchema = lazySchema(() => overlaySummarySchema.extend({ geojson: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }) }));
export type Overlay = z.infer<typeof overlaySchema>;

// ---------- exports ----------

export const EXPORT_LAYERS = ['organisations', 'requests', 'caches', 'annotations', 'overlay'] as const;
export type ExportLayer = (typeof EXPORT_LAYERS)[number];
export const EXPORT_FORMATS = ['geojson', 'kml'] as const;

export const layerExportSchema = lazySchema(() => z.object({ fileName: z.string(), mimeType: z.string(), content: z.string(), featureCount: z.number().int() }));

// ---------- map packs ----------

export const PACK_FORMATS = ['pmtiles', 'mbtiles'] as const;
export const mapPackSchema = lazySchema(() => z.object({
  id: z.string(),
  name: z.string(),
  sourceFile: z.string(),
  sourceFormat: z.enum(PACK_FORMATS),
  /** Of the file as loaded: what the operator compares against the printed one. */
  sha256: z.string(),
  sourceBytes: z.number().int(),
  /** The archive served, always PMTiles (an MBTiles file is rewritten once at load). */
  bytes: z.number().int(),
  kind: z.enum(['raster', 'vector']),
  tileType: z.string(),
  minZoom: z.number().int(),
  maxZoom: z.number().int(),
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  vectorLayers: z.array(z.string()),
  attribution: z.string().nullable(),
  addedAt: epochMs(),
  addedBy: z.string().nullable(),
  /** Same origin: the browser host's server or the app:// protocol. */
  url: z.string(),
}));
export type MapPack = z.infer<typeof mapPackSchema>;

/** Map packs are a few hundred MB to a few GB; 8 MB a piece keeps each message small. */
export const PACK_CHUNK_BYTES = 8 * 1024 * 1024;
const uploadId = lazySchema(() => z.string({ error: 'Upload must be text' }).regex(/^[0-9a-f-]{36}$/, { error: 'That upload is not known' }));

// ---------- search ----------

export const placeResultSchema = lazySchema(() => z.object({
  kind: z.enum(['town', 'zip', 'organisation', 'cache', 'request']),
  id: z.string().nullable(),
  label: z.string(),
  detail: z.string(),
  latitude: z.number(),
  longitude: z.number(),
}));
export type PlaceResult = z.infer<typeof placeResultSchema>;

export const mapMethods = {
  /** Members, open requests and caches with where each is drawn (as columns: decodeLayers); what could not be placed, and why. */
  'map.layers': read(
    () => z.object({ incidentId: uuid('Incident').optional() }).strict(),
    () => layerColumnsSchema,
    { reads: LAYER_TABLES },
  ),
  /** Town and ZIP labels for the states the members are in, from the offline geocoding data. */
  'map.places': read(
    () => z.object({}).strict(),
    () => z.object({
      towns: z.array(z.object({ name: z.string(), state: z.string(), latitude: z.number(), longitude: z.number() })),
      zips: z.array(z.object({ zip: z.string(), town: z.string(), state: z.string(), latitude: z.number(), longitude: z.number() })),
    }),
    { reads: ['organisations'] },
  ),
  /** Find a town, ZIP code, organisation, cache or request by name, offline. */
  'map.search': read(
    () => z.object({ query: text('Search', 100), incidentId: uuid('Incident').optional() }).strict(),
    () => z.object({ results: z.array(placeResultSchema) }),
    { reads: LAYER_TABLES },
  ),
  'map.annotations': read(
    () => z.object({ incidentId: uuid('Incident') }).strict(),
    () => z.object({ annotations: z.array(annotationSchema) }),
    { reads: ANNOTATION_TABLES },
  ),
  'map.annotationSave': write(() => annotationInput, () => z.object({ annotation: annotationSchema })),
  /** A tombstone: the annotation leaves every map; its changes stay in the record. */
  'map.annotationRemove': write(() => z.object({ id: uuid('Annotation') }).strict(), () => z.object({ removed: z.literal(true) })),
  'map.overlays': read(() => z.object({}).strict(), () => z.object({ overlays: z.array(overlaySchema) }), { reads: ['map_overlays'] }),
  'map.overlayImport': write(() => overlayImportInput, () => z.object({ overlay: overlaySummarySchema, skipped: z.number().int() })),
  'map.overlayRemove': write(() => z.object({ id: uuid('Overlay') }).strict(), () => z.object({ removed: z.literal(true) })),
  /** One layer as a GeoJSON or KML file. Reads only, so the command line can run it. */
  'map.exportLayer': read(
    () => z
      .object({
        layer: z.enum(EXPORT_LAYERS, { error: `Layer must be one of: ${EXPORT_LAYERS.join(', ')}` }),
        format: z.enum(EXPORT_FORMATS, { error: 'Format must be geojson or kml' }),
        /** Requests and annotations of one incident; every incident when absent. */
        incidentId: uuid('Incident').optional(),
        overlayId: uuid('Overlay').optional(),
      })
      .strict()
      .refine((x) => x.layer !== 'overlay' || !!x.overlayId, { error: 'Say which overlay to export', path: ['overlayId'] }),
    () => layerExportSchema,
    { reads: [...LAYER_TABLES, ...ANNOTATION_TABLES, 'map_overlays'] },
  ),
  'map.packs': read(() => z.object({}).strict(), () => z.object({ packs: z.array(mapPackSchema) }), { reads: ['local_map_packs'] }),
  /** Checks the disk has room before a byte is written. */
  'map.packBegin': write(
    () => z
      .object({
        fileName: text('File name', 200),
        bytes: z.number({ error: 'Size must be a number' }).int({ error: 'Size must be a whole number of bytes' }).min(1, { error: 'The file is empty' }).max(2 ** 50, { error: 'The file is too large' }),
      })
      .strict(),
    () => z.object({ uploadId: z.string(), chunkBytes: z.number().int() }),
  ),
  'map.packChunk': write(
    () => z
      .object({
        uploadId,
        offset: z.number({ error: 'Offset must be a number' }).int({ error: 'Offset must be a whole number' }).min(0, { error: 'Offset must be 0 or more' }),
        base64: base64Text('Data', Math.ceil(PACK_CHUNK_BYTES / 3) * 4, 'A piece may be at most 8 MB'),
      })
      .strict(),
    () => z.object({ received: z.number().int() }),
  ),
  /** Checks the archive, keeps it in the data folder and lists it; refuses in words and keeps nothing otherwise. */
  'map.packFinish': write(() => z.object({ uploadId, name: text('Map pack name', 120).optional() }).strict(), () => z.object({ pack: mapPackSchema })),
  'map.packCancel': write(() => z.object({ uploadId }).strict(), () => z.object({ cancelled: z.literal(true) })),
  'map.packRemove': write(() => z.object({ id: uuid('Map pack') }).strict(), () => z.object({ removed: z.literal(true) })),
  /** The printed view: one Letter page around the image the map screen drew. Audited like every export. */
  'map.printPdf': write(
    () => z
      .object({
        title: text('Title', 160),
        orientation: z.enum(['landscape', 'portrait'], { error: 'Orientation must be landscape or portrait' }),
        /** The whole page, drawn by the map screen at print resolution, as PNG. */
        pngBase64: base64Text('The image', 40_000_000, 'The image is too large to print').min(1, { error: 'The image is empty' }),
        incidentId: uuid('Incident').optional(),
      })
      .strict(),
    () => z.object({ fileName: z.string(), base64: z.string(), sha256: z.string() }),
  ),
} as const;
