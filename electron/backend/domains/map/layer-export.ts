import type * as Tokml from '@placemarkio/tokml';
import type * as TurfCircle from '@turf/circle';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Annotation, ExportLayer, MethodOutput, MethodParsedInput } from '../../../../shared/contract';
import { memberStatusWords } from '../../../../shared/domain/member-status';
import { notFound } from '../../errors';
import { lazyPackage } from '../../lazy-package';
import type { Db } from '../../db/open';
import { demoLoadedAt } from '../demo/queries';
import { buildLayers } from './layers';
import { listAnnotations, overlayGeojson } from './queries';

// Loaded when a layer is exported, not at start-up.
const tokml = lazyPackage<typeof Tokml>('@placemarkio/tokml');
const turfCircle = lazyPackage<typeof TurfCircle>('@turf/circle');

type Props = Record<string, string | number | boolean | null>;

const point = (longitude: number, latitude: number): Geometry => ({ type: 'Point', coordinates: [longitude, latitude] });
const feature = (geometry: Geometry, properties: Props): Feature => ({ type: 'Feature', geometry, properties });

/** KML has no circle: a circle leaves as the 64-sided polygon every GIS can read, its radius kept beside it. */
export function annotationGeometry(a: Annotation): Geometry {
  if (a.shape === 'circle' && a.radiusM) {
    return turfCircle().circle(a.geometry.coordinates as [number, number], a.radiusM / 1000, { steps: 64, units: 'kilometers' }).geometry;
  }
  return a.geometry as Geometry;
}

/** One layer's features, with the properties an operator reads (name, kind, status in words). */
export function layerFeatures(db: Db, layer: ExportLayer, now: number, incidentId?: string, overlayId?: string): { name: string; features: Feature[] } {
  if (layer === 'overlay') {
    const o = overlayId ? overlayGeojson(db, overlayId) : null;
    if (!o) throw notFound('That overlay');
    return { name: o.name, features: (JSON.parse(o.geojson) as FeatureCollection).features };
  }
  if (layer === 'annotations') {
    return {
      name: 'Annotations',
      features: listAnnotations(db, incidentId).map((a) =>
        feature(annotationGeometry(a), {
          id: a.id,
          name: a.label,
          description: a.note,
          purpose: a.purposeLabel,
          shape: a.shape,
          radius_m: a.radiusM,
          incident_id: a.incidentId,
          drawn_by: a.createdBy,
          drawn_at: new Date(a.createdAt).toISOString(),
          demo: a.demo,
        }),
      ),
    };
  }
  const layers = buildLayers(db, now, incidentId);
  if (layer === 'organisations') {
    return {
      name: 'Member organisations',
      features: layers.organisations.map((o) =>
        feature(point(o.longitude, o.latitude), {
          id: o.id,
          name: o.name,
          short_name: o.shortName,
          discipline: o.disciplineLabel,
          membership: o.membership,
          town: o.town,
          // In words as the popup says it; a GIS reader has no legend for the map's codes.
          facility_status: o.status ? memberStatusWords(o.status, o.stale) : 'Does not report facility status',
          status_code: o.status,
          placed: o.placement.words,
          demo: o.demo,
        }),
      ),
    };
  }
  if (layer === 'requests') {
    return {
      name: 'Open resource requests',
      features: layers.requests.map((r) =>
        feature(point(r.longitude, r.latitude), {
          id: r.id,
          name: `${r.number} ${r.summary}`,
          number: r.number,
          priority: r.priorityLabel,
          status: r.statusLabel,
          requesting_organisation: r.organisationName,
          delivery_location: r.deliveryLocation,
          incident_id: r.incidentId,
          placed: r.placement.words,
          demo: r.demo,
        }),
      ),
    };
  }
  return {
    name: 'Caches and inventory',
    features: layers.caches.map((c) =>
      feature(point(c.longitude, c.latitude), {
        id: c.id,
        name: c.name,
        kind: c.kind,
        owner: c.ownerName,
        location: c.location,
        status: c.statusLabel,
        available: c.availableQuantity,
        held: c.heldQuantity,
        unit: c.unit,
        placed: c.placement.words,
        demo: c.demo,
      }),
    ),
  };
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);

/** The layer as a file; demonstration data says so in the file itself, not only in its name. */
export function exportLayer(db: Db, input: MethodParsedInput<'map.exportLayer'>, now: number): MethodOutput<'map.exportLayer'> {
  const { name, features } = layerFeatures(db, input.layer, now, input.incidentId, input.overlayId);
  const demo = demoLoadedAt(db) !== null;
  const title = `${demo ? 'DEMO DATA - ' : ''}${name}`;
  const day = new Date(now).toISOString().slice(0, 10);
  const base = `${demo ? 'DEMO-' : ''}map-${input.layer}-${day}`;
  const fc: FeatureCollection & { name: string; exported_at: string } = { type: 'FeatureCollection', name: title, exported_at: new Date(now).toISOString(), features };
  if (input.format === 'geojson') {
    return { fileName: `${base}.geojson`, mimeType: 'application/geo+json', content: JSON.stringify(fc), featureCount: features.length };
  }
  const kml = tokml().toKML(fc).replace('<Document>', `<Document><name>${escapeXml(title)}</name>`);
  return { fileName: `${base}.kml`, mimeType: 'application/vnd.google-earth.kml+xml', content: kml, featureCount: features.length };
}
