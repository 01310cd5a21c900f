import type { AarObjective, AarReport, Evidence } from '../../../../shared/contract';
import type { ActionStatus, Element, MissionArea, ObservationKind, ObservationStatus, Rating } from '../../../../shared/domain/aar-outline';
import type { Db } from '../../db/open';
import { capabilityLabels } from './catalogue';
import { changedSinceFinal } from './issued';

interface ReportRow {
  id: string;
  incident_id: string;
  framework_id: string;
  title: string;
  status: 'draft' | 'final';
  marking: string;
  mission_areas: string;
  exercise_id: string | null;
  created_at: number;
  incident_name: string;
  exercise: number;
  incident_status: 'open' | 'closed';
  started_at: number;
  closed_at: number | null;
  /** JSON [recorded_at, operator_name, position_title, hlc] of the newest change of the status. */
  status_change: string | null;
}

const REPORT_SELECT = `
  SELECT r.id, r.incident_id, r.framework_id, r.title, r.status, r.marking, r.mission_areas, r.exercise_id, r.created_at,
         i.name AS incident_name, i.exercise, i.status AS incident_status, i.started_at, i.closed_at,
         (SELECT json_array(c.recorded_at, c.operator_name, c.position_title, c.hlc) FROM changes c
          WHERE c.table_name = 'aar_reports' AND c.row_id = r.id AND c.column_name = 'status' ORDER BY c.hlc DESC LIMIT 1) AS status_change
  FROM aar_reports r JOIN incidents i ON i.id = r.incident_id`;

/**
 * Who made the report final, and when (the newest change of its status, which set it), and
 * whether it says something else now: an edit saved on another workstation that had not yet
 * received the Final (this one refuses them) merges in when it arrives, as every change
 * does, and the report must say so rather than pass for the version issued. Known from the
 * digest recorded with the Final; for a report made final before digests were kept, from
 * changes stamped later than the Final (which misses an edit made earlier, received later).
 */
function finalSince(db: Db, r: ReportRow): AarReport['finalSince'] {
  if (r.status !== 'final' || !r.status_change) return null;
  const [at, operator, position, hlc] = JSON.parse(r.status_change) as [number, string | null, string | null, string];
  const issued = changedSinceFinal(db, r.id);
  const changed = issued?.changed ?? changedAfterByClock(db, r.id, at, hlc);
  return { at, by: `${operator ?? 'unknown'}${position ? ` (${position})` : ''}`, changed, figuresKept: issued?.figuresKept ?? false };
}

function changedAfterByClock(db: Db, id: string, at: number, hlc: string): boolean {
  const later = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM aar_section_revisions WHERE report_id = :id AND recorded_at > :at)
           OR EXISTS (SELECT 1 FROM changes c WHERE c.hlc > :hlc AND (
                (c.table_name = 'aar_reports' AND c.row_id = :id)
                OR (c.table_name = 'aar_objectives' AND c.row_id IN (SELECT id FROM aar_objectives WHERE report_id = :id))
                OR (c.table_name = 'aar_ratings' AND c.row_id IN (SELECT id FROM aar_ratings WHERE report_id = :id))
                OR (c.table_name = 'aar_observations' AND c.row_id IN (SELECT id FROM aar_observations WHERE report_id = :id))))`,
    )
    .pluck()
    .get({ id, at, hlc }) as number;
  return later === 1;
}

const toReport = (db: Db, r: ReportRow): AarReport => ({
  id: r.id,
  incidentId: r.incident_id,
  incidentName: r.incident_name,
  exercise: r.exercise === 1,
  incidentStatus: r.incident_status,
  startedAt: r.started_at,
  endedAt: r.closed_at,
  exerciseId: r.exercise_id,
  frameworkId: r.framework_id,
  title: r.title,
  status: r.status,
  marking: r.marking,
  missionAreas: JSON.parse(r.mission_areas) as MissionArea[],
  createdAt: r.created_at,
  finalSince: finalSince(db, r),
});

/** A report's status alone, or null when there is none: what a write checks first (the full report, with its digest, is for showing it). */
export function reportStatus(db: Db, id: string): AarReport['status'] | null {
  return (db.prepare('SELECT status FROM aar_reports WHERE id = ? AND deleted = 0').pluck().get(id) as AarReport['status'] | undefined) ?? null;
}

export function reportOfIncident(db: Db, incidentId: string): AarReport | null {
  const r = db.prepare(`${REPORT_SELECT} WHERE r.incident_id = ? AND r.deleted = 0`).get(incidentId) as ReportRow | undefined;
  return r ? toReport(db, r) : null;
}

export function getReport(db: Db, id: string): AarReport | null {
  const r = db.prepare(`${REPORT_SELECT} WHERE r.id = ? AND r.deleted = 0`).get(id) as ReportRow | undefined;
  return r ? toReport(db, r) : null;
}

export function listReports(db: Db): AarReport[] {
  return (db.prepare(`${REPORT_SELECT} WHERE r.deleted = 0 ORDER BY i.started_at DESC`).all() as ReportRow[]).map((r) => toReport(db, r));
}

export function reportCounts(db: Db): Map<string, { observations: number; actions: number }> {
  const rows = db
    .prepare(
      `SELECT r.id, (SELECT count(*) FROM aar_observations o WHERE o.report_id = r.id AND o.deleted = 0 AND o.status = 'accepted') AS observations,
              (SELECT count(*) FROM aar_actions a WHERE a.report_id = r.id AND a.deleted = 0) AS actions
       FROM aar_reports r WHERE r.deleted = 0`,
    )
    .all() as { id: string; observations: number; actions: number }[];
  return new Map(rows.map((r) => [r.id, r]));
}

// Objectives and ratings ------------------------------------------------------------

export interface ObjectiveRow {
  id: string;
  report_id: string;
  ordinal: number;
  text: string;
  source: AarObjective['source'];
}

export function objectiveRow(db: Db, id: string): ObjectiveRow | null {
  return (db.prepare('SELECT id, report_id, ordinal, text, source FROM aar_objectives WHERE id = ? AND deleted = 0').get(id) as ObjectiveRow | undefined) ?? null;
}

export function listObjectives(db: Db, reportId: string): AarObjective[] {
  const objectives = db
    .prepare('SELECT id, report_id, ordinal, text, source FROM aar_objectives WHERE report_id = ? AND deleted = 0 ORDER BY ordinal')
    .all(reportId) as ObjectiveRow[];
  const ratings = db
    .prepare(
      `SELECT r.id, r.objective_id, r.capability_id, r.rating FROM aar_ratings r LEFT JOIN capabilities c ON c.id = r.capability_id
       WHERE r.report_id = ? AND r.deleted = 0 ORDER BY c.ordinal, c.code, r.id`,
    )
    .all(reportId) as { id: string; objective_id: string; capability_id: string; rating: Rating | null }[];
  const names = capabilityLabels(db, ratings.map((r) => r.capability_id));
  return objectives.map((o) => ({
    id: o.id,
    ordinal: o.ordinal,
    text: o.text,
    source: o.source,
    ratings: ratings
      .filter((r) => r.objective_id === o.id)
      .map((r) => ({ id: r.id, objectiveId: o.id, capabilityId: r.capability_id, capabilityLabel: names.get(r.capability_id) ?? 'Removed capability', rating: r.rating })),
  }));
}

export function nextObjectiveOrdinal(db: Db, reportId: string): number {
  return (db.prepare('SELECT coalesce(max(ordinal), 0) + 1 AS n FROM aar_objectives WHERE report_id = ? AND deleted = 0').get(reportId) as { n: number }).n;
}

export function ratingRows(db: Db, objectiveId: string): { id: string; capability_id: string; deleted: number }[] {
  return db.prepare('SELECT id, capability_id, deleted FROM aar_ratings WHERE objective_id = ?').all(objectiveId) as { id: string; capability_id: string; deleted: number }[];
}

// Observations ----------------------------------------------------------------------

export interface ObservationRow {
  id: string;
  report_id: string;
  kind: ObservationKind;
  status: ObservationStatus;
  rule_key: string | null;
  objective_id: string | null;
  capability_id: string | null;
  title: string;
  reference: string;
  analysis: string;
  root_cause: string;
  evidence: string;
  deleted: number;
}

/** Including tombstoned rows when asked: a candidate the planner removed is not proposed again. */
export function observationRow(db: Db, id: string, withDeleted = false): ObservationRow | null {
  return (
    (db.prepare(`SELECT * FROM aar_observations WHERE id = ? ${withDeleted ? '' : 'AND deleted = 0'}`).get(id) as ObservationRow | undefined) ?? null
  );
}

export function observationRows(db: Db, reportId: string): ObservationRow[] {
  return db.prepare('SELECT * FROM aar_observations WHERE report_id = ? AND deleted = 0 ORDER BY kind DESC, created_at, id').all(reportId) as ObservationRow[];
}

export const evidenceOf = (r: ObservationRow): Evidence[] => JSON.parse(r.evidence) as Evidence[];

/** Every accepted area for improvement with its event: the ground recurrence is matched on. */
export interface AfiRow {
  id: string;
  report_id: string;
  rule_key: string | null;
  capability_id: string | null;
  title: string;
  incident_id: string;
  incident_name: string;
  exercise: number;
  started_at: number;
}

export function acceptedAfis(db: Db): AfiRow[] {
  return db
    .prepare(
      `SELECT o.id, o.report_id, o.rule_key, o.capability_id, o.title, i.id AS incident_id, i.name AS incident_name, i.exercise, i.started_at
       FROM aar_observations o JOIN aar_reports r ON r.id = o.report_id AND r.deleted = 0 JOIN incidents i ON i.id = r.incident_id
       WHERE o.kind = 'afi' AND o.status = 'accepted' AND o.deleted = 0`,
    )
    .all() as AfiRow[];
}

// Corrective actions ----------------------------------------------------------------

export interface ActionRow {
  id: string;
  report_id: string;
  observation_id: string;
  capability_id: string | null;
  element: Element;
  action: string;
  responsible_org_id: string | null;
  responsible_org_name: string | null;
  poc: string;
  start_on: string | null;
  due_on: string | null;
  incident_id: string;
  incident_name: string;
  exercise: number;
  observation_title: string;
}

const ACTION_SELECT = `
  SELECT a.id, a.report_id, a.observation_id, a.capability_id, a.element, a.action, a.responsible_org_id, org.name AS responsible_org_name,
         a.poc, a.start_on, a.due_on, i.id AS incident_id, i.name AS incident_name, i.exercise, coalesce(o.title, '') AS observation_title
  FROM aar_actions a JOIN aar_reports r ON r.id = a.report_id JOIN incidents i ON i.id = r.incident_id
  LEFT JOIN aar_observations o ON o.id = a.observation_id LEFT JOIN organisations org ON org.id = a.responsible_org_id`;

export function actionRows(db: Db, by: { reportId?: string; id?: string } = {}): ActionRow[] {
  if (by.id) return db.prepare(`${ACTION_SELECT} WHERE a.id = ? AND a.deleted = 0`).all(by.id) as ActionRow[];
  if (by.reportId) return db.prepare(`${ACTION_SELECT} WHERE a.report_id = ? AND a.deleted = 0 ORDER BY a.due_on IS NULL, a.due_on, a.created_at`).all(by.reportId) as ActionRow[];
  return db.prepare(`${ACTION_SELECT} WHERE a.deleted = 0 AND r.deleted = 0 ORDER BY a.due_on IS NULL, a.due_on, a.created_at`).all() as ActionRow[];
}

export interface ActionEventRow {
  id: string;
  action_id: string;
  status: ActionStatus;
  note: string | null;
  operator_name: string | null;
  position_title: string | null;
  occurred_at: number;
}

/** Status events of the given actions, oldest first (the newest is the current status). */
export function actionEvents(db: Db, actionIds: readonly string[]): ActionEventRow[] {
  if (!actionIds.length) return [];
  return db
    .prepare(
      `SELECT id, action_id, status, note, operator_name, position_title, occurred_at FROM aar_action_events
       WHERE action_id IN (SELECT value FROM json_each(?)) ORDER BY occurred_at, recorded_at, id`,
    )
    .all(JSON.stringify(actionIds)) as ActionEventRow[];
}

export function actionsOfObservation(db: Db, observationId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM aar_actions WHERE observation_id = ? AND deleted = 0').get(observationId) as { n: number }).n;
}
