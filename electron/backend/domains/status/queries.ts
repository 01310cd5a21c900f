import type { CurrentValue, FacilityStatus, ReportSummary } from '../../../../shared/contract';
import type { Discipline } from '../../../../shared/domain/disciplines';
import { conditionsOf, facilityMatches, headlineOf, staleness, worseStaleness, type ReportSource, type Staleness } from '../../../../shared/domain/status-rules';
import type { Db } from '../../db/open';
import { allOrganisations, contactsOf } from '../directory/queries';
import { coalitionTimeZone } from '../incident/time';
import { currentLevel, eeiSets, intervalAt, typeById, type Level, type TypeDef } from './catalogue';
import { display, parseVals } from './values';

export interface CurrentRow {
  organisation_id: string;
  type_id: string;
  value_num: number | null;
  value_text: string | null;
  occurred_at: number;
  report_id: string;
}

/**
 * Every current value, grouped by facility: one scan of the facilities x types table, in
 * its primary-key order (rows of a facility are adjacent), read as arrays rather than
 * objects since this runs on every board refresh.
 */
function currentByOrganisation(db: Db): Map<string, CurrentRow[]> {
  // Prepared through the store's statement cache each time (which hands it back in its
  // default mode), then set to arrays: never kept here in a mode another caller could reset.
  const stmt = db.prepare<[]>('SELECT organisation_id, type_id, value_num, value_text, occurred_at FROM status_current').raw(true);
  const out = new Map<string, CurrentRow[]>();
  let last: string | null = null;
  let l: CurrentRow[] = [];
  for (const [organisation_id, type_id, value_num, value_text, occurred_at] of stmt.all() as [string, string, number | null, string | null, number][]) {
    if (organisation_id !== last) {
      l = out.get(organisation_id) ?? [];
      out.set(organisation_id, l);
      last = organisation_id;
    }
    l.push({ organisation_id, type_id, value_num, value_text, occurred_at, report_id: '' });
  }
  return out;
}

export interface FacilityComputed extends FacilityStatus {
  /** Every condition that holds, for the board (a facility can be on diversion and on generator). */
  conditions: { words: string; severity: FacilityStatus['headline']['severity']; staleness: Staleness | null }[];
}

/** One facility's headline, staleness and counts from its current values. */
function computeFacility(
  org: ReturnType<typeof allOrganisations>[number],
  rows: readonly CurrentRow[],
  set: readonly string[],
  types: ReadonlyMap<string, TypeDef>,
  level: Level | null,
  now: number,
): FacilityComputed {
  const byCode = new Map<string, string | null>();
  const ageOf = new Map<string, { age: number; st: Staleness }>();
  let last: number | null = null;
  for (const r of rows) {
    const t = types.get(r.type_id);
    if (!t) continue;
    byCode.set(t.code, r.value_text ?? (r.value_num === null ? null : String(r.value_num)));
    const age = Math.max(0, now - r.occurred_at);
    ageOf.set(t.code, { age, st: staleness(age, intervalAt(t, level)) });
    if (last === null || r.occurred_at > last) last = r.occurred_at;
  }
  const freshness = (codes: readonly string[]) => {
    let st: Staleness | null = null;
    let age: number | null = null;
    for (const c of codes) {
      const a = ageOf.get(c);
      if (!a) continue;
      st = st ? worseStaleness(st, a.st) : a.st;
      age = Math.max(age ?? 0, a.age);
    }
    return { st, age };
  };
  const h = headlineOf(byCode);
  const hf = freshness(h.from);
  let stale = 0;
  let overdue = 0;
  let missing = 0;
  for (const id of set) {
    const t = types.get(id);
    const a = t && ageOf.get(t.code);
    if (!a) missing++;
    else if (a.st === 'STALE') stale++;
    else if (a.st === 'OVERDUE') overdue++;
  }
  return {
    organisationId: org.id,
    name: org.name,
    shortName: org.shortName,
    discipline: org.discipline,
    disciplineLabel: org.disciplineLabel,
    town: org.town,
    region: org.region,
    headline: { words: h.words, severity: h.severity, staleness: hf.st, ageMs: hf.age },
    lastReportAt: last,
    stale,
    overdue,
    missing,
    conditions: conditionsOf(byCode).map((c) => ({ words: c.words, severity: c.severity, staleness: freshness(c.from).st })),
  };
}

export interface FacilityFilter {
  discipline?: Discipline | undefined;
  search?: string | null | undefined;
  limit?: number;
}

/**
 * Every facility that reports (its discipline has an EEI set), with its headline status in
 * words, severity and staleness. This is the one read the map colours facilities from.
 */
export function facilityStatuses(db: Db, now: number, f: FacilityFilter = {}): { level: Level | null; facilities: FacilityComputed[] } {
  const level = currentLevel(db);
  const types = typeById(db);
  const sets = eeiSets(db);
  const current = currentByOrganisation(db);
  const facilities: FacilityComputed[] = [];
  for (const org of allOrganisations(db)) {
    const set = sets.get(org.discipline);
    if (!set?.length) continue;
    if (f.discipline && org.discipline !== f.discipline) continue;
    if (f.search && !facilityMatches(org, f.search)) continue;
    facilities.push(computeFacility(org, current.get(org.id) ?? [], set, types, level, now));
    if (f.limit && facilities.length >= f.limit) break;
  }
  return { level, facilities };
}

export function facilityStatus(db: Db, organisationId: string, now: number): FacilityComputed | null {
  const org = allOrganisations(db).find((o) => o.id === organisationId);
  if (!org) return null;
  const rows = db
    .prepare('SELECT organisation_id, type_id, value_num, value_text, occurred_at, report_id FROM status_current WHERE organisation_id = ?')
    .all(organisationId) as CurrentRow[];
  return computeFacility(org, rows, eeiSets(db).get(org.discipline) ?? [], typeById(db), currentLevel(db), now);
}

/** A facility's current values with their age and staleness, in words. */
export function currentValues(db: Db, organisationId: string, now: number): CurrentValue[] {
  const types = typeById(db);
  const level = currentLevel(db);
  const tz = coalitionTimeZone(db);
  const rows = db
    .prepare('SELECT organisation_id, type_id, value_num, value_text, occurred_at, report_id FROM status_current WHERE organisation_id = ?')
    .all(organisationId) as CurrentRow[];
  return rows.flatMap((r) => {
    const t = types.get(r.type_id);
    if (!t) return [];
    const ageMs = Math.max(0, now - r.occurred_at);
    const v = { n: r.value_num, s: r.value_text };
    return [{ typeId: t.id, ...v, display: display(t, v, tz), occurredAt: r.occurred_at, ageMs, staleness: staleness(ageMs, intervalAt(t, level)), reportId: r.report_id }];
  });
}

/** The current values of the facilities and types asked for, with their age and staleness. */
export function currentValuesOf(db: Db, organisationIds: readonly string[], typeIds: readonly string[], now: number): (CurrentValue & { organisationId: string })[] {
  const types = typeById(db);
  const level = currentLevel(db);
  const tz = coalitionTimeZone(db);
  const rows = db
    .prepare(
      `SELECT organisation_id, type_id, value_num, value_text, occurred_at, report_id FROM status_current
       WHERE organisation_id IN (SELECT value FROM json_each(?)) AND type_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(organisationIds), JSON.stringify(typeIds)) as CurrentRow[];
  return rows.flatMap((r) => {
    const t = types.get(r.type_id);
    if (!t) return [];
    const ageMs = Math.max(0, now - r.occurred_at);
    const v = { n: r.value_num, s: r.value_text };
    return [{ organisationId: r.organisation_id, typeId: t.id, ...v, display: display(t, v, tz), occurredAt: r.occurred_at, ageMs, staleness: staleness(ageMs, intervalAt(t, level)), reportId: r.report_id }];
  });
}

export function contactLines(db: Db, organisationId: string) {
  return contactsOf(db, organisationId).map((c) => ({ name: c.name, role: c.role, phone24x7: c.phone24x7, radio: c.radio }));
}

interface ReportRow {
  id: string;
  organisation_id: string;
  incident_id: string | null;
  status_request_id: string | null;
  source: ReportSource;
  reported_by: string | null;
  note: string | null;
  vals: string;
  flags: string;
  import_ref: string | null;
  operator_name: string | null;
  position_title: string | null;
  recorded_at: number;
  occurred_at: number;
}

export function toSummary(db: Db, r: ReportRow): ReportSummary {
  const types = typeById(db);
  const tz = coalitionTimeZone(db);
  return {
    id: r.id,
    organisationId: r.organisation_id,
    occurredAt: r.occurred_at,
    recordedAt: r.recorded_at,
    source: r.source,
    reportedBy: r.reported_by,
    note: r.note,
    operatorName: r.operator_name,
    positionTitle: r.position_title,
    statusRequestId: r.status_request_id,
    importRef: r.import_ref,
    values: parseVals(r.vals).flatMap((v) => {
      const t = types.get(v.t);
      return t ? [{ typeId: t.id, label: t.label, display: display(t, { n: v.n, s: v.s }, tz) }] : [];
    }),
    flags: (JSON.parse(r.flags) as { message: string; reason: string }[]).map((f) => ({ message: f.message, reason: f.reason })),
  };
}

/** A facility's reports, newest first (by the time they were true). */
export function reportHistory(db: Db, organisationId: string, limit: number): ReportSummary[] {
  const rows = db
    .prepare('SELECT * FROM status_reports WHERE organisation_id = ? ORDER BY occurred_at DESC, recorded_at DESC LIMIT ?')
    .all(organisationId, limit) as ReportRow[];
  return rows.map((r) => toSummary(db, r));
}

export function reportsBetween(db: Db, from: number, to: number): ReportRow[] {
  return db.prepare('SELECT * FROM status_reports WHERE occurred_at >= ? AND occurred_at <= ? ORDER BY occurred_at, recorded_at').all(from, to) as ReportRow[];
}

export { contactsOf };
