import { DISCIPLINE_LABELS } from '../domain/disciplines';
import { PRIORITY_LABELS, STATUS_LABELS } from '../domain/request-state';
import type { LayerColumns, MapLayers, MapOrganisation, MapRequest, Placement } from './map';

/** The two ends of the map's first read: the backend writes columns, the map reads features (see layerColumnsSchema). */

export function encodeLayers(layers: MapLayers): LayerColumns {
  const placements: Placement[] = [];
  const seen = new Map<string, number>();
  const placement = (p: Placement) => {
    const key = `${p.source}\u0000${p.words}`;
    let i = seen.get(key);
    if (i === undefined) {
      seen.set(key, (i = placements.length));
      placements.push(p);
    }
    return i;
  };
  const os = layers.organisations;
  const rs = layers.requests;
  const organisations: LayerColumns['organisations'] = {
    id: os.map((o) => o.id),
    name: os.map((o) => o.name),
    shortName: os.map((o) => o.shortName),
    discipline: os.map((o) => o.discipline),
    membership: os.map((o) => o.membership),
    town: os.map((o) => o.town),
    demo: os.map((o) => (o.demo ? 1 : 0)),
    status: os.map((o) => o.status),
    stale: os.map((o) => o.stale ?? null),
    latitude: os.map((o) => o.latitude),
    longitude: os.map((o) => o.longitude),
    placement: os.map((o) => placement(o.placement)),
  };
  const requests: LayerColumns['requests'] = {
    id: rs.map((r) => r.id),
    number: rs.map((r) => r.number),
    incidentId: rs.map((r) => r.incidentId),
    priority: rs.map((r) => r.priority),
    status: rs.map((r) => r.status),
    summary: rs.map((r) => r.summary),
    organisationName: rs.map((r) => r.organisationName),
    deliveryLocation: rs.map((r) => r.deliveryLocation),
    demo: rs.map((r) => (r.demo ? 1 : 0)),
    latitude: rs.map((r) => r.latitude),
    longitude: rs.map((r) => r.longitude),
    placement: rs.map((r) => placement(r.placement)),
  };
  return { placements, organisations, requests, caches: layers.caches, unplaced: layers.unplaced };
}

/** The features again, with their labels from the shared tables: what encodeLayers was given. */
export function decodeLayers(c: LayerColumns): MapLayers {
  const o = c.organisations;
  const organisations: MapOrganisation[] = new Array<MapOrganisation>(o.id.length);
  for (let i = 0; i < o.id.length; i++) {
    const stale = o.stale[i];
    organisations[i] = {
      id: o.id[i]!,
      name: o.name[i]!,
      shortName: o.shortName[i] ?? null,
      discipline: o.discipline[i]!,
      disciplineLabel: DISCIPLINE_LABELS[o.discipline[i]!],
      membership: o.membership[i]!,
      town: o.town[i]!,
      demo: o.demo[i] === 1,
      status: o.status[i] ?? null,
      ...(stale ? { stale } : {}),
      latitude: o.latitude[i]!,
      longitude: o.longitude[i]!,
      placement: c.placements[o.placement[i]!]!,
    };
  }
  const r = c.requests;
  const requests: MapRequest[] = new Array<MapRequest>(r.id.length);
  for (let i = 0; i < r.id.length; i++) {
    requests[i] = {
      id: r.id[i]!,
      number: r.number[i]!,
      incidentId: r.incidentId[i]!,
      priority: r.priority[i]!,
      priorityLabel: PRIORITY_LABELS[r.priority[i]!],
      status: r.status[i]!,
      statusLabel: STATUS_LABELS[r.status[i]!],
      summary: r.summary[i]!,
      organisationName: r.organisationName[i]!,
      deliveryLocation: r.deliveryLocation[i]!,
      demo: r.demo[i] === 1,
      latitude: r.latitude[i]!,
      longitude: r.longitude[i]!,
      placement: c.placements[r.placement[i]!]!,
    };
  }
  return { organisations, requests, caches: c.caches, unplaced: c.unplaced };
}
