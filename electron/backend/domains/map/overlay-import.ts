import type * as Togeojson from '@tmcw/togeojson';
import type * as Xmldom from '@xmldom/xmldom';
import type * as Fflate from 'fflate';
import { MAX_OVERLAY_FEATURES, type OverlayFormat } from '../../../../shared/contract';
import { invalid } from '../../errors';
import { lazyPackage } from '../../lazy-package';

// Loaded when a KMZ overlay is imported, not at start-up (about 15-30 ms of the backend's start).
const fflate = lazyPackage<typeof Fflate>('fflate');

// Loaded when an overlay is imported, not at start-up.
const xmldom = lazyPackage<typeof Xmldom>('@xmldom/xmldom');
const togeojson = lazyPackage<typeof Togeojson>('@tmcw/togeojson');

export interface ParsedOverlay {
  features: OverlayFeature[];
  /** Features without a usable location (a KML folder's note, a null geometry). */
  skipped: number;
}

interface OverlayFeature {
  type: 'Feature';
  geometry: Geometry;
  properties: Record<string, string | number | boolean | null>;
}
type Geometry = { type: string; coordinates?: unknown; geometries?: Geometry[] };

/** A KMZ is a zip; its KML is far smaller than this once unpacked, or it is not a map overlay. */
const MAX_UNZIPPED_BYTES = 50_000_000;
const MAX_PROPERTIES = 50;

/** Reads GeoJSON, KML or KMZ into checked GeoJSON features, or refuses the file in words. */
export function parseOverlay(format: OverlayFormat, content: string): ParsedOverlay {
  const raw = format === 'geojson' ? readGeoJson(content) : readKml(format === 'kmz' ? unpackKmz(content) : content);
  const features: OverlayFeature[] = [];
  let skipped = 0;
  for (const f of raw) {
    const geometry = checkGeometry((f as { geometry?: unknown })?.geometry);
    if (!geometry) {
      skipped++;
      continue;
    }
    features.push({ type: 'Feature', geometry, properties: flatProperties((f as { properties?: unknown }).properties) });
    if (features.length > MAX_OVERLAY_FEATURES) {
      throw invalid(`The file has more than ${MAX_OVERLAY_FEATURES.toLocaleString('en-US')} features, too many for an overlay; split it or simplify it first`);
    }
  }
  if (!features.length) throw invalid('The file has no feature with a location on the map, so there is nothing to show');
  return { features, skipped };
}

function readGeoJson(content: string): unknown[] {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (e) {
    throw invalid(`The file is not valid GeoJSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const t = (json as { type?: unknown })?.type;
  if (t === 'FeatureCollection') {
    const list = (json as { features?: unknown }).features;
    if (!Array.isArray(list)) throw invalid('The GeoJSON FeatureCollection has no list of features');
    return list;
  }
  if (t === 'Feature') return [json];
  if (typeof t === 'string' && GEOMETRY_TYPES.has(t)) return [{ type: 'Feature', geometry: json, properties: {} }];
  throw invalid('The file is JSON but not GeoJSON: it needs a "type" of FeatureCollection, Feature or a geometry');
}

function unpackKmz(base64: string): string {
  let files: Record<string, Uint8Array>;
  try {
    let total = 0;
    files = fflate().unzipSync(Buffer.from(base64, 'base64'), {
      filter: (f) => {
        total += f.originalSize;
        if (total > MAX_UNZIPPED_BYTES) throw new Error('too large');
        return /\.kml$/i.test(f.name);
      },
    });
  } catch (e) {
    if (e instanceof Error && e.message === 'too large') throw invalid('The KMZ unpacks to more than 50 MB, too large for an overlay');
    throw invalid('The file is not a KMZ: it could not be opened as a zip archive');
  }
  const names = Object.keys(files).sort((a, b) => Number(b.toLowerCase() === 'doc.kml') - Number(a.toLowerCase() === 'doc.kml') || a.localeCompare(b));
  if (!names.length) throw invalid('The KMZ holds no KML file');
  return fflate().strFromU8(files[names[0]!]!);
}

function readKml(text: string): unknown[] {
  // No DTD is ever read, so no entity expansion or external fetch can happen.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw invalid('The KML contains a DOCTYPE or entity declaration, which the console refuses for safety');
  let fatal: string | null = null;
  const doc = new (xmldom().DOMParser)({
    onError: (level, msg) => {
      if (level === 'fatalError' || level === 'error') fatal ??= msg;
    },
  }).parseFromString(text, 'text/xml');
  if (fatal || !doc.documentElement) throw invalid(`The file is not valid KML: ${String(fatal ?? 'no document').split('\n')[0]}`);
  if (doc.documentElement.localName !== 'kml') throw invalid(`The file is XML but not KML: its root element is <${doc.documentElement.localName}>`);
  return togeojson().kml(doc).features;
}

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

const isPosition = (p: unknown): boolean =>
  Array.isArray(p) && p.length >= 2 && p.length <= 3 && p.every((n) => typeof n === 'number' && Number.isFinite(n)) && Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90;
const depthOk = (c: unknown, depth: number): boolean => (depth === 0 ? isPosition(c) : Array.isArray(c) && c.length > 0 && c.every((x) => depthOk(x, depth - 1)));
const DEPTH: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

/** A geometry whose every position is [longitude, latitude] on the Earth, or null. */
function checkGeometry(g: unknown): Geometry | null {
  const type = (g as { type?: unknown })?.type;
  if (typeof type !== 'string' || !GEOMETRY_TYPES.has(type)) return null;
  if (type === 'GeometryCollection') {
    const parts = (g as { geometries?: unknown }).geometries;
    if (!Array.isArray(parts)) return null;
    const ok = parts.map(checkGeometry).filter((x): x is Geometry => !!x);
    return ok.length ? { type, geometries: ok } : null;
  }
  const coordinates = (g as { coordinates?: unknown }).coordinates;
  return depthOk(coordinates, DEPTH[type]!) ? { type, coordinates } : null;
}

/** Properties as flat text for popups and KML: nested values are written out as JSON. */
function flatProperties(p: unknown): OverlayFeature['properties'] {
  const out: OverlayFeature['properties'] = {};
  if (!p || typeof p !== 'object') return out;
  for (const [k, v] of Object.entries(p).slice(0, MAX_PROPERTIES)) {
    out[k.slice(0, 100)] = v === null || typeof v === 'number' || typeof v === 'boolean' ? v : typeof v === 'string' ? v.slice(0, 2000) : JSON.stringify(v).slice(0, 2000);
  }
  return out;
}
