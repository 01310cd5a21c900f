import { newId as uuidv7 } from '../../db/ids';
import type { z } from 'zod';
import type { agreementInput, contactInput, organisationInput } from '../../../../shared/contract';
import type { WriteTx } from '../../db/writer';
import type { Db } from '../../db/open';
import { conflict, invalid, notFound } from '../../errors';
import { geocode, stateOfZip } from '../geocode/geocode';
import { getOrganisation, organisationByName } from './queries';

/**
 * Writes of the directory, shared by the handlers, the CSV import and the demo generator:
 * one place decides how a location is found and what makes a record valid.
 */
export type OrganisationFields = Omit<z.output<typeof organisationInput>, 'id'>;
export type ContactFields = Omit<z.output<typeof contactInput>, 'id'>;
export type AgreementFields = Omit<z.output<typeof agreementInput>, 'id'>;

/** Blank text is no value: stored as NULL, never as an empty string. */
export const blank = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s.trim());

export interface ResolvedLocation {
  latitude: number | null;
  longitude: number | null;
  state: string | null;
  source: 'entered' | 'zip' | 'town' | 'none';
}

/** Typed coordinates win; otherwise the ZIP centroid, then the town's, all offline. */
export function resolveLocation(f: Pick<OrganisationFields, 'latitude' | 'longitude' | 'zip' | 'town' | 'state'>): ResolvedLocation {
  const hasLat = f.latitude !== null && f.latitude !== undefined;
  const hasLon = f.longitude !== null && f.longitude !== undefined;
  if (hasLat !== hasLon) throw invalid('Give both latitude and longitude, or neither to have the location found from the ZIP code or town');
  const zip = blank(f.zip);
  const state = blank(f.state) ?? (zip ? stateOfZip(zip) : null);
  if (hasLat && hasLon) return { latitude: f.latitude!, longitude: f.longitude!, state, source: 'entered' };
  const found = geocode({ zip, town: f.town, state });
  return found
    ? { latitude: found.latitude, longitude: found.longitude, state, source: found.source }
    : { latitude: null, longitude: null, state, source: 'none' };
}

/**
 * The place columns of a directory record (a member organisation or a regional service): the
 * address as typed and where it is on the map, found the same way for both.
 */
export function placeColumns(f: Pick<OrganisationFields, 'address' | 'latitude' | 'longitude' | 'zip' | 'town' | 'state'>) {
  const loc = resolveLocation(f);
  return {
    address: blank(f.address),
    town: f.town,
    state: loc.state,
    zip: blank(f.zip),
    latitude: loc.latitude,
    longitude: loc.longitude,
    location_source: loc.source,
  };
}

export function putOrganisation(tx: WriteTx, db: Db, id: string | undefined, f: OrganisationFields, demo = false): string {
  const existing = id ? getOrganisation(db, id) : null;
  if (id && !existing) throw notFound('That organisation');
  const clash = organisationByName(db, f.name);
  if (clash && clash.id !== id) throw conflict(`An organisation named "${clash.name}" is already in the directory; edit that one or choose another name`);
  const place = placeColumns(f);
  const rowId = id ?? uuidv7();
  tx.put('organisations', rowId, {
    name: f.name,
    short_name: blank(f.shortName),
    discipline: f.discipline,
    membership: f.membership,
    region: blank(f.region),
    ...place,
    notes: blank(f.notes),
    ...(existing ? {} : { demo: demo ? 1 : 0 }),
  });
  return rowId;
}

export function putContact(tx: WriteTx, db: Db, id: string | undefined, f: ContactFields, demo = false): string {
  if (!getOrganisation(db, f.organisationId)) throw notFound('The contact’s organisation');
  if (id) {
    const row = db.prepare('SELECT id FROM contacts WHERE id = ? AND deleted = 0').get(id);
    if (!row) throw notFound('That contact');
  }
  const rowId = id ?? uuidv7();
  tx.put('contacts', rowId, {
    organisation_id: f.organisationId,
    name: f.name,
    role: blank(f.role),
    phone_24x7: blank(f.phone24x7),
    other_phones: JSON.stringify((f.otherPhones ?? []).map((p) => p.trim()).filter(Boolean)),
    email: blank(f.email),
    radio: blank(f.radio),
    notes: blank(f.notes),
    ...(id ? {} : { demo: demo ? 1 : 0 }),
  });
  return rowId;
}

export function putAgreement(tx: WriteTx, db: Db, id: string | undefined, f: AgreementFields, demo = false): string {
  if (id && !db.prepare('SELECT id FROM agreements WHERE id = ? AND deleted = 0').get(id)) throw notFound('That agreement');
  const parties = [...new Set(f.partyIds)];
  for (const p of parties) if (!getOrganisation(db, p)) throw notFound(`Party ${p}`);
  if (f.expiresOn && f.expiresOn < f.effectiveOn) throw invalid('Expiry date must be on or after the effective date');
  const rowId = id ?? uuidv7();
  tx.put('agreements', rowId, {
    title: f.title,
    kind: f.kind,
    party_ids: JSON.stringify(parties),
    scope: f.scope,
    resources_covered: JSON.stringify(f.resourcesCovered ?? []),
    effective_on: f.effectiveOn,
    expires_on: f.expiresOn ?? null,
    document_ref: blank(f.documentRef),
    notes: blank(f.notes),
    ...(id ? {} : { demo: demo ? 1 : 0 }),
  });
  return rowId;
}
