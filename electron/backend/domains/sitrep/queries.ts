import type { Sitrep, SitrepFields, SitrepRecord, SitrepVersion } from '../../../../shared/contract';
import type { Prognosis } from '../../../../shared/contract/sitrep';
import type { Db } from '../../db/open';
import { getIncidentRow, getPeriodRow } from '../incident/queries';
import { textChecks } from './basis';

export interface SitrepRow {
  id: string;
  incident_id: string;
  period_id: string;
  summary: string;
  needs_12h: string;
  needs_24h: string;
  needs_48h: string;
  needs_72h: string;
  objectives_next: string;
  prognosis: Prognosis | null;
  record: string;
  drafted_at: number;
  /** What each text was written against (JSON, see basis.ts); NULL before migration 19. */
  summary_basis: string | null;
  needs_12h_basis: string | null;
  needs_24h_basis: string | null;
  needs_48h_basis: string | null;
  needs_72h_basis: string | null;
  objectives_next_basis: string | null;
}

interface VersionRow {
  id: string;
  sitrep_id: string;
  incident_id: string;
  period_id: string;
  version: number;
  supersedes_id: string | null;
  content: string;
  operator_name: string | null;
  position_title: string | null;
  occurred_at: number;
}

export const fieldsOf = (r: SitrepRow): SitrepFields => ({
  summary: r.summary,
  needs12h: r.needs_12h,
  needs24h: r.needs_24h,
  needs48h: r.needs_48h,
  needs72h: r.needs_72h,
  objectivesNext: r.objectives_next,
  prognosis: r.prognosis,
});

export function sitrepRow(db: Db, id: string): SitrepRow | null {
  return (db.prepare('SELECT * FROM sitreps WHERE id = ? AND deleted = 0').get(id) as SitrepRow | undefined) ?? null;
}

export function sitrepForPeriod(db: Db, periodId: string): SitrepRow | null {
  return (db.prepare('SELECT * FROM sitreps WHERE period_id = ? AND deleted = 0').get(periodId) as SitrepRow | undefined) ?? null;
}

export function sitrepRows(db: Db, incidentId: string): SitrepRow[] {
  return db.prepare('SELECT * FROM sitreps WHERE incident_id = ? AND deleted = 0 ORDER BY drafted_at').all(incidentId) as SitrepRow[];
}

function versionRows(db: Db, sitrepId: string): VersionRow[] {
  return db.prepare('SELECT * FROM sitrep_versions WHERE sitrep_id = ? ORDER BY version').all(sitrepId) as VersionRow[];
}

export function versionRow(db: Db, id: string): VersionRow | null {
  return (db.prepare('SELECT * FROM sitrep_versions WHERE id = ?').get(id) as VersionRow | undefined) ?? null;
}

/** When the incident's latest approved report was as of: the next one covers what happened since. */
export function lastApprovedAsOf(db: Db, incidentId: string, exceptSitrepId?: string): number | null {
  const r = db
    .prepare('SELECT content FROM sitrep_versions WHERE incident_id = ? AND sitrep_id <> ? ORDER BY occurred_at DESC LIMIT 1')
    .get(incidentId, exceptSitrepId ?? '') as { content: string } | undefined;
  return r ? (JSON.parse(r.content) as { record: SitrepRecord }).record.asOf : null;
}

export function nextVersionNumber(db: Db, sitrepId: string): { version: number; supersedesId: string | null } {
  const last = versionRows(db, sitrepId).at(-1);
  return { version: (last?.version ?? 0) + 1, supersedesId: last?.id ?? null };
}

const sameFields = (a: SitrepFields, b: SitrepFields) => JSON.stringify(a) === JSON.stringify(b);

export function toSitrep(db: Db, r: SitrepRow): Sitrep {
  const incident = getIncidentRow(db, r.incident_id)!;
  const period = getPeriodRow(db, r.period_id)!;
  const versions = versionRows(db, r.id);
  const latest = versions.at(-1);
  const fields = fieldsOf(r);
  const approved = latest ? (JSON.parse(latest.content) as { fields: SitrepFields; record: SitrepRecord }) : null;
  return {
    ...fields,
    id: r.id,
    incidentId: r.incident_id,
    incidentName: incident.name,
    exercise: incident.exercise === 1,
    periodId: r.period_id,
    periodNumber: period.number,
    periodStartsAt: period.starts_at,
    periodEndsAt: period.ends_at,
    record: JSON.parse(r.record) as SitrepRecord,
    draftedAt: r.drafted_at,
    versions: versions.map((v, i) => ({
      id: v.id,
      version: v.version,
      approvedAt: v.occurred_at,
      approvedBy: v.operator_name,
      positionTitle: v.position_title,
      supersededById: versions[i + 1]?.id ?? null,
    })),
    unapprovedChanges: !approved || !sameFields(approved.fields, fields) || approved.record.asOf !== (JSON.parse(r.record) as SitrepRecord).asOf,
    textChecks: textChecks(db, r, period),
  };
}

export function toVersion(db: Db, v: VersionRow): SitrepVersion {
  const incident = getIncidentRow(db, v.incident_id)!;
  const period = getPeriodRow(db, v.period_id)!;
  const content = JSON.parse(v.content) as { fields: SitrepFields; record: SitrepRecord };
  const next = db.prepare('SELECT id FROM sitrep_versions WHERE sitrep_id = ? AND version = ?').get(v.sitrep_id, v.version + 1) as { id: string } | undefined;
  return {
    id: v.id,
    sitrepId: v.sitrep_id,
    version: v.version,
    approvedAt: v.occurred_at,
    approvedBy: v.operator_name,
    positionTitle: v.position_title,
    supersededById: next?.id ?? null,
    incidentId: v.incident_id,
    incidentName: incident.name,
    exercise: incident.exercise === 1,
    periodNumber: period.number,
    periodStartsAt: period.starts_at,
    periodEndsAt: period.ends_at,
    fields: content.fields,
    record: content.record,
  };
}
