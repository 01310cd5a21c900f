import type { MapLayers } from '../../../../shared/contract';
import { DISCIPLINE_LABELS } from '../../../../shared/domain/disciplines';
import { PRIORITY_LABELS, STATUS_LABELS } from '../../../../shared/domain/request-state';
import type { Db } from '../../db/open';
import { organisationPlaces, type OrganisationPlace } from '../directory/queries';
import { listInventory } from '../inventory/queries';
import { openRequestPlaces } from '../request/queries';
import { memberStatuses } from './member-status';
import { placeByWords, placeOrganisation } from './placement';

export type Layers = MapLayers;

const byName = new Intl.Collator('en', { sensitivity: 'base' });

/** A coalition's caches are tens to hundreds; this bounds one read, not the coalition. */
const MAX_CACHES = 100_000;

const NOT_REPORTING = { status: null } as const;

/** Members (with their facility status), open requests and caches, each placed, read through their own domains' queries. */
export function buildLayers(db: Db, now: number, incidentId?: string): Layers {
  // Ordered by name here, not in SQL: the same order as the directory, for the list and exports.
  const orgs = organisationPlaces(db).sort((a, b) => byName.compare(a.name, b.name));
  const byId = new Map<string, OrganisationPlace>(orgs.map((o) => [o.id, o]));
  const states = [...new Set(orgs.map((o) => o.state).filter((s): s is string => !!s))];
  const statuses = memberStatuses(db, now, orgs);
  const out: Layers = { organisations: [], requests: [], caches: [], unplaced: [] };
  for (const o of orgs) {
    const p = placeOrganisation(o);
    if (!p) {
      out.unplaced.push({ layer: 'organisations', id: o.id, label: o.name, reason: `No location: the directory has no coordinates, and neither ZIP code nor town "${o.town}" was found offline` });
      continue;
    }
    out.organisations.push({
      id: o.id,
      name: o.name,
      shortName: o.shortName,
      discipline: o.discipline,
      disciplineLabel: DISCIPLINE_LABELS[o.discipline],
      membership: o.membership,
      town: o.town,
      demo: o.demo,
      ...(statuses.get(o.id) ?? NOT_REPORTING),
      ...p,
    });
  }
  for (const r of openRequestPlaces(db, incidentId)) {
    const org = byId.get(r.requesting_organisation_id);
    const p = placeByWords(r.delivery_location, org, 'requesting organisation', states);
    if (!p) {
      out.unplaced.push({ layer: 'requests', id: r.id, label: r.number, reason: `"${r.delivery_location}" names no town or ZIP code found offline, and the requesting organisation has no location` });
      continue;
    }
    out.requests.push({
      id: r.id,
      number: r.number,
      incidentId: r.incident_id,
      priority: r.priority,
      priorityLabel: PRIORITY_LABELS[r.priority],
      status: r.status,
      statusLabel: STATUS_LABELS[r.status],
      summary: r.summary,
      organisationName: org?.name ?? 'Unknown organisation',
      deliveryLocation: r.delivery_location,
      demo: r.demo === 1,
      ...p,
    });
  }
  const { items } = listInventory(db, { availableOnly: false, limit: MAX_CACHES, offset: 0 });
  for (const i of items) {
    const p = placeByWords(i.location, byId.get(i.ownerOrganisationId), 'owner', states);
    if (!p) {
      out.unplaced.push({ layer: 'caches', id: i.id, label: i.name, reason: `"${i.location}" names no town or ZIP code found offline, and the owner has no location` });
      continue;
    }
    out.caches.push({
      id: i.id,
      name: i.name,
      kind: i.kind,
      ownerName: i.ownerName,
      location: i.location,
      status: i.status,
      statusLabel: i.statusLabel,
      availableQuantity: i.availableQuantity,
      heldQuantity: i.heldQuantity,
      unit: i.unit,
      demo: i.demo,
      ...p,
    });
  }
  return out;
}
