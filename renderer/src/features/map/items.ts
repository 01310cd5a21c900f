import type { Annotation, MapCache, MapOrganisation, MapRequest } from '../../../../shared/contract';
import type { Discipline } from '../../../../shared/domain/disciplines';
import { memberStatusWords } from '../../../../shared/domain/member-status';

/** The switchable layers, in legend order. */
export const LAYER_KEYS = ['organisations', 'requests', 'caches', 'incident', 'annotations', 'overlays', 'places', 'pack'] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];

export const LAYER_LABELS: Readonly<Record<LayerKey, string>> = {
  organisations: 'Member organisations',
  requests: 'Open resource requests',
  caches: 'Caches and inventory',
  incident: 'Incident location and area',
  annotations: 'Annotations',
  overlays: 'Imported overlays',
  places: 'Town and ZIP labels',
  pack: 'Street map (map pack)',
};

/** A short code drawn inside every member's symbol: the discipline is read, not guessed from a colour. */
export const DISCIPLINE_CODES: Readonly<Record<Discipline, string>> = {
  hospital: 'H',
  ems: 'EMS',
  public_health: 'PH',
  emergency_management: 'EM',
  long_term_care: 'LTC',
  community_health_center: 'CHC',
  dialysis: 'DIA',
  home_health: 'HH',
  pharmacy: 'Rx',
  behavioral_health: 'BH',
  urgent_care: 'UC',
  other: 'OTH',
};

/** One thing on the map, as the list beside it and the popups show it. */
export interface MapItem {
  key: string;
  layer: LayerKey;
  /** The record it stands for; overlays' features have none. */
  recordId: string | null;
  label: string;
  /** The kind in words: "Hospital", "Urgent request, Submitted", "Cache: N95 respirator". */
  kind: string;
  detail: string;
  /** A member's facility status in words ("On diversion, stale"); absent for other records. */
  status?: string;
  placedHow: string | null;
  latitude: number;
  longitude: number;
}

export const orgItem = (o: MapOrganisation): MapItem => ({
  key: `organisations:${o.id}`,
  layer: 'organisations',
  recordId: o.id,
  label: o.name,
  kind: `${o.disciplineLabel} (${o.membership} member)`,
  detail: o.town,
  status: o.status ? memberStatusWords(o.status, o.stale) : 'Does not report facility status',
  placedHow: o.placement.words,
  latitude: o.latitude,
  longitude: o.longitude,
});

export const requestItem = (r: MapRequest): MapItem => ({
  key: `requests:${r.id}`,
  layer: 'requests',
  recordId: r.id,
  label: `${r.number} ${r.summary}`,
  kind: `${r.priorityLabel} request, ${r.statusLabel}`,
  detail: `For ${r.organisationName}; deliver to ${r.deliveryLocation}`,
  placedHow: r.placement.words,
  latitude: r.latitude,
  longitude: r.longitude,
});

export const cacheItem = (c: MapCache): MapItem => ({
  key: `caches:${c.id}`,
  layer: 'caches',
  recordId: c.id,
  label: c.name,
  kind: `Cache: ${c.kind}, ${c.statusLabel}`,
  detail: `${c.availableQuantity.toLocaleString('en-US')} of ${c.heldQuantity.toLocaleString('en-US')} ${c.unit} available; ${c.ownerName}, ${c.location}`,
  placedHow: c.placement.words,
  latitude: c.latitude,
  longitude: c.longitude,
});

/** Where an annotation's entry sits in the list: its point, or the middle of its outline. */
export function annotationCentre(a: Annotation): [number, number] {
  const g = a.geometry;
  if (g.type === 'Point') return [g.coordinates[1], g.coordinates[0]];
  const pts = g.type === 'LineString' ? g.coordinates : g.coordinates[0]!;
  const lons = pts.map((p) => p[0]);
  const lats = pts.map((p) => p[1]);
  return [(Math.min(...lats) + Math.max(...lats)) / 2, (Math.min(...lons) + Math.max(...lons)) / 2];
}

const SHAPE_WORDS = { point: 'point', line: 'line', polygon: 'area', circle: 'circle' } as const;

export function annotationItem(a: Annotation): MapItem {
  const [latitude, longitude] = annotationCentre(a);
  return {
    key: `annotations:${a.id}`,
    layer: a.purpose === 'note' ? 'annotations' : 'incident',
    recordId: a.id,
    label: a.label,
    kind: `${a.purposeLabel} (${SHAPE_WORDS[a.shape]}${a.radiusM ? `, ${(a.radiusM / 1000).toFixed(1)} km radius` : ''})`,
    detail: `${a.note ? `${a.note} ` : ''}Drawn by ${a.createdBy ?? 'unknown'}${a.updatedBy && a.updatedAt !== a.createdAt ? `, last changed by ${a.updatedBy}` : ''}`,
    placedHow: null,
    latitude,
    longitude,
  };
}
