import type { Agreement, Contact, Organisation } from '../../../../shared/contract';
import { AGREEMENT_KIND_LABELS, agreementStanding, type AgreementKind } from '../../../../shared/domain/agreements';
import { DISCIPLINE_LABELS, type Discipline, type Membership } from '../../../../shared/domain/disciplines';
import type { Db } from '../../db/open';

/** The place columns of a directory record (members and regional services alike). */
export interface PlaceRow {
  address: string | null;
  town: string;
  state: string | null;
  zip: string | null;
  latitude: number | null;
  longitude: number | null;
  location_source: Organisation['locationSource'];
}

interface OrganisationRow extends PlaceRow {
  id: string;
  name: string;
  short_name: string | null;
  discipline: Discipline;
  membership: Membership;
  region: string | null;
  notes: string | null;
  demo: number;
  contact_count: number;
}

const ORG_COLUMNS = `o.id, o.name, o.short_name, o.discipline, o.membership, o.region, o.address, o.town, o.state, o.zip,
  o.latitude, o.longitude, o.location_source, o.notes, o.demo,
  (SELECT count(*) FROM contacts c WHERE c.organisation_id = o.id AND c.deleted = 0) AS contact_count`;

/** The place of a directory record as the contract gives it (members and services alike). */
export const placeOf = (r: PlaceRow) => ({
  address: r.address,
  town: r.town,
  state: r.state,
  zip: r.zip,
  latitude: r.latitude,
  longitude: r.longitude,
  locationSource: r.location_source,
});

const toOrganisation = (r: OrganisationRow): Organisation => ({
  id: r.id,
  name: r.name,
  shortName: r.short_name,
  discipline: r.discipline,
  disciplineLabel: DISCIPLINE_LABELS[r.discipline],
  membership: r.membership,
  region: r.region,
  ...placeOf(r),
  notes: r.notes,
  contactCount: r.contact_count,
  demo: r.demo === 1,
});

export interface OrganisationFilter {
  search?: string | null | undefined;
  discipline?: Discipline | undefined;
  membership?: Membership | undefined;
  limit: number;
  offset: number;
}

/** The directory is hundreds of rows, not millions: LIKE over name, short name and town is enough. */
export function listOrganisations(db: Db, f: OrganisationFilter): { organisations: Organisation[]; total: number } {
  const where = ['o.deleted = 0'];
  const params: Record<string, unknown> = { limit: f.limit, offset: f.offset };
  if (f.search) {
    where.push("(o.name LIKE @q ESCAPE '\\' OR o.short_name LIKE @q ESCAPE '\\' OR o.town LIKE @q ESCAPE '\\')");
    params.q = `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (f.discipline) {
    where.push('o.discipline = @discipline');
    params.discipline = f.discipline;
  }
  if (f.membership) {
    where.push('o.membership = @membership');
    params.membership = f.membership;
  }
  const w = where.join(' AND ');
  const rows = db
    .prepare(`SELECT ${ORG_COLUMNS} FROM organisations o WHERE ${w} ORDER BY o.name COLLATE NOCASE LIMIT @limit OFFSET @offset`)
    .all(params) as OrganisationRow[];
  const { n } = db.prepare(`SELECT count(*) AS n FROM organisations o WHERE ${w}`).get(params) as { n: number };
  return { organisations: rows.map(toOrganisation), total: n };
}

export function getOrganisation(db: Db, id: string): Organisation | null {
  const r = db.prepare(`SELECT ${ORG_COLUMNS} FROM organisations o WHERE o.id = ? AND o.deleted = 0`).get(id) as OrganisationRow | undefined;
  return r ? toOrganisation(r) : null;
}

/** What a write about a facility needs of it (a status report): its own row, no contact count. */
export type OrganisationRef = Pick<Organisation, 'id' | 'name' | 'discipline' | 'disciplineLabel'>;

export function organisationRef(db: Db, id: string): OrganisationRef | null {
  const r = db.prepare('SELECT id, name, discipline FROM organisations WHERE id = ? AND deleted = 0').get(id) as
    | { id: string; name: string; discipline: Discipline }
    | undefined;
  return r ? { id: r.id, name: r.name, discipline: r.discipline, disciplineLabel: DISCIPLINE_LABELS[r.discipline] } : null;
}

export function organisationByName(db: Db, name: string): Organisation | null {
  const r = db
    .prepare(`SELECT ${ORG_COLUMNS} FROM organisations o WHERE o.name = ? COLLATE NOCASE AND o.deleted = 0 LIMIT 1`)
    .get(name.trim()) as OrganisationRow | undefined;
  return r ? toOrganisation(r) : null;
}

export function allOrganisations(db: Db): Organisation[] {
  return (db.prepare(`SELECT ${ORG_COLUMNS} FROM organisations o WHERE o.deleted = 0 ORDER BY o.name COLLATE NOCASE`).all() as OrganisationRow[]).map(
    toOrganisation,
  );
}

export function organisationNames(db: Db, ids: readonly string[]): Map<string, string> {
  if (!ids.length) return new Map();
  const rows = db
    .prepare(`SELECT id, name FROM organisations WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---------- contacts ----------

interface ContactRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  name: string;
  role: string | null;
  phone_24x7: string | null;
  other_phones: string;
  email: string | null;
  radio: string | null;
  notes: string | null;
  demo: number;
}

const CONTACT_SELECT = `SELECT c.id, c.organisation_id, o.name AS organisation_name, c.name, c.role, c.phone_24x7, c.other_phones,
  c.email, c.radio, c.notes, c.demo FROM contacts c JOIN organisations o ON o.id = c.organisation_id`;

const toContact = (r: ContactRow): Contact => ({
  id: r.id,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  name: r.name,
  role: r.role,
  phone24x7: r.phone_24x7,
  otherPhones: JSON.parse(r.other_phones) as string[],
  email: r.email,
  radio: r.radio,
  notes: r.notes,
  demo: r.demo === 1,
});

export function contactsOf(db: Db, organisationId: string): Contact[] {
  return (db.prepare(`${CONTACT_SELECT} WHERE c.organisation_id = ? AND c.deleted = 0 ORDER BY c.name COLLATE NOCASE`).all(organisationId) as ContactRow[]).map(
    toContact,
  );
}

export function getContact(db: Db, id: string): Contact | null {
  const r = db.prepare(`${CONTACT_SELECT} WHERE c.id = ? AND c.deleted = 0`).get(id) as ContactRow | undefined;
  return r ? toContact(r) : null;
}

export function allContacts(db: Db): Contact[] {
  return (db.prepare(`${CONTACT_SELECT} WHERE c.deleted = 0 AND o.deleted = 0 ORDER BY o.name COLLATE NOCASE, c.name COLLATE NOCASE`).all() as ContactRow[]).map(
    toContact,
  );
}

// ---------- agreements ----------

interface AgreementRow {
  id: string;
  title: string;
  kind: AgreementKind;
  party_ids: string;
  scope: string;
  resources_covered: string;
  effective_on: string;
  expires_on: string | null;
  document_ref: string | null;
  notes: string | null;
  demo: number;
}

const AGREEMENT_SELECT = `SELECT id, title, kind, party_ids, scope, resources_covered, effective_on, expires_on, document_ref, notes, demo
  FROM agreements`;

function toAgreement(db: Db, r: AgreementRow, today: string, withinDays: number): Agreement {
  const ids = JSON.parse(r.party_ids) as string[];
  const names = organisationNames(db, ids);
  const s = agreementStanding(r.effective_on, r.expires_on, today, withinDays);
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    kindLabel: AGREEMENT_KIND_LABELS[r.kind],
    parties: ids.map((id) => ({ id, name: names.get(id) ?? '(removed organisation)' })),
    scope: r.scope,
    resourcesCovered: JSON.parse(r.resources_covered) as string[],
    effectiveOn: r.effective_on,
    expiresOn: r.expires_on,
    documentRef: r.document_ref,
    notes: r.notes,
    standing: s.standing,
    standingLabel: s.label,
    daysToExpiry: s.daysToExpiry,
    demo: r.demo === 1,
  };
}

/** Soonest expiry first; open-ended last. */
export function listAgreements(db: Db, today: string, withinDays: number, partyId?: string): Agreement[] {
  const rows = (
    partyId
      ? db
          .prepare(`${AGREEMENT_SELECT} WHERE deleted = 0 AND EXISTS (SELECT 1 FROM json_each(party_ids) WHERE value = ?) ORDER BY expires_on IS NULL, expires_on, title`)
          .all(partyId)
      : db.prepare(`${AGREEMENT_SELECT} WHERE deleted = 0 ORDER BY expires_on IS NULL, expires_on, title`).all()
  ) as AgreementRow[];
  return rows.map((r) => toAgreement(db, r, today, withinDays));
}

export function getAgreement(db: Db, id: string, today: string, withinDays: number): Agreement | null {
  const r = db.prepare(`${AGREEMENT_SELECT} WHERE id = ? AND deleted = 0`).get(id) as AgreementRow | undefined;
  return r ? toAgreement(db, r, today, withinDays) : null;
}

// ---------- the coalition's calendar ----------

/** Today's date (YYYY-MM-DD) in the coalition's time zone: agreements expire by local calendar day. */
export function coalitionToday(db: Db, now: number): string {
  const row = db.prepare('SELECT time_zone FROM coalition WHERE deleted = 0 LIMIT 1').get() as { time_zone: string } | undefined;
  return calendarDay(now, row?.time_zone ?? 'UTC');
}

export function calendarDay(now: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
}

export function openRequestCount(db: Db, organisationId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM requests WHERE requesting_organisation_id = ? AND is_open = 1 AND deleted = 0').get(organisationId) as { n: number }).n;
}

export function inventoryCount(db: Db, organisationId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM inventory WHERE owner_organisation_id = ? AND deleted = 0').get(organisationId) as { n: number }).n;
}

/** What the map needs of every member: where it is and what it is (no contacts, no order). */
export interface OrganisationPlace {
  id: string;
  name: string;
  shortName: string | null;
  discipline: Discipline;
  membership: Membership;
  town: string;
  state: string | null;
  zip: string | null;
  latitude: number | null;
  longitude: number | null;
  locationSource: Organisation['locationSource'];
  demo: boolean;
}

export function organisationPlaces(db: Db): OrganisationPlace[] {
  const rows = db
    .prepare('SELECT id, name, short_name, discipline, membership, town, state, zip, latitude, longitude, location_source, demo FROM organisations WHERE deleted = 0')
    .all() as (Omit<OrganisationRow, 'contact_count' | 'region' | 'address' | 'notes'>)[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    discipline: r.discipline,
    membership: r.membership,
    town: r.town,
    state: r.state,
    zip: r.zip,
    latitude: r.latitude,
    longitude: r.longitude,
    locationSource: r.location_source,
    demo: r.demo === 1,
  }));
}
