import type {
  ActivationLevel,
  ChecklistItem,
  Incident,
  IncidentTemplate,
  Objective,
  Period,
  Staffing,
} from '../../../../shared/contract';
import type { Db } from '../../db/open';

export interface IncidentRow {
  id: string;
  name: string;
  number: string | null;
  exercise: number;
  hazard_type: string;
  description: string;
  template_id: string | null;
  activation_level_id: string;
  level_name: string | null;
  status: 'open' | 'closed';
  started_at: number;
  closed_at: number | null;
  closing_note: string | null;
  board_approvers: string;
  created_at: number;
}

const INCIDENT_SELECT = `
  SELECT i.id, i.name, i.number, i.exercise, i.hazard_type, i.description, i.template_id, i.activation_level_id,
         l.name AS level_name, i.status, i.started_at, i.closed_at, i.closing_note, i.board_approvers, i.created_at
  FROM incidents i LEFT JOIN activation_levels l ON l.id = i.activation_level_id`;

export const toIncident = (r: IncidentRow): Incident => ({
  id: r.id,
  name: r.name,
  number: r.number,
  exercise: r.exercise === 1,
  hazardType: r.hazard_type,
  description: r.description,
  templateId: r.template_id,
  activationLevelId: r.activation_level_id,
  activationLevelName: r.level_name ?? 'Unknown level',
  status: r.status,
  startedAt: r.started_at,
  closedAt: r.closed_at,
  closingNote: r.closing_note,
  boardApproverPositionIds: JSON.parse(r.board_approvers) as string[],
  createdAt: r.created_at,
});

export function getIncidentRow(db: Db, id: string): IncidentRow | null {
  return (db.prepare(`${INCIDENT_SELECT} WHERE i.id = ? AND i.deleted = 0`).get(id) as IncidentRow | undefined) ?? null;
}

/**
 * An incident's name and whether it is open, from its own row only: the check every record
 * added to an incident makes, without the full row and its level's join.
 */
export function incidentState(db: Db, id: string): { id: string; name: string; status: 'open' | 'closed' } | null {
  return (db.prepare('SELECT id, name, status FROM incidents WHERE id = ? AND deleted = 0').get(id) as { id: string; name: string; status: 'open' | 'closed' } | undefined) ?? null;
}

export function getIncident(db: Db, id: string): Incident | null {
  const r = getIncidentRow(db, id);
  return r ? toIncident(r) : null;
}

export function listIncidents(db: Db, status: 'open' | 'closed' | 'all'): Incident[] {
  const rows =
    status === 'all'
      ? db.prepare(`${INCIDENT_SELECT} WHERE i.deleted = 0 ORDER BY i.started_at DESC, i.id`).all()
      : db.prepare(`${INCIDENT_SELECT} WHERE i.status = ? AND i.deleted = 0 ORDER BY i.started_at DESC, i.id`).all(status);
  return (rows as IncidentRow[]).map(toIncident);
}

export function openIncidentsAtLevel(db: Db, levelId: string): { id: string; name: string }[] {
  return db
    .prepare("SELECT id, name FROM incidents WHERE activation_level_id = ? AND status = 'open' AND deleted = 0")
    .all(levelId) as { id: string; name: string }[];
}

// Activation levels and templates -------------------------------------------------

export function listLevels(db: Db): ActivationLevel[] {
  return db
    .prepare('SELECT id, name, rank, description FROM activation_levels WHERE deleted = 0 ORDER BY rank, name')
    .all() as ActivationLevel[];
}

export function getLevel(db: Db, id: string): ActivationLevel | null {
  return (
    (db.prepare('SELECT id, name, rank, description FROM activation_levels WHERE id = ? AND deleted = 0').get(id) as
      | ActivationLevel
      | undefined) ?? null
  );
}

export function levelByName(db: Db, name: string): ActivationLevel | null {
  return (
    (db
      .prepare('SELECT id, name, rank, description FROM activation_levels WHERE lower(name) = lower(?) AND deleted = 0')
      .get(name) as ActivationLevel | undefined) ?? null
  );
}

interface TemplateRow {
  id: string;
  name: string;
  hazard_type: string;
  description: string;
  objectives: string;
  position_codes: string;
  checklists: string;
}

const toTemplate = (r: TemplateRow): IncidentTemplate => ({
  id: r.id,
  name: r.name,
  hazardType: r.hazard_type,
  description: r.description,
  objectives: JSON.parse(r.objectives) as string[],
  positionCodes: JSON.parse(r.position_codes) as string[],
  checklists: JSON.parse(r.checklists) as IncidentTemplate['checklists'],
});

export function listTemplates(db: Db): IncidentTemplate[] {
  return (db.prepare('SELECT * FROM incident_templates WHERE deleted = 0 ORDER BY name').all() as TemplateRow[]).map(toTemplate);
}

export function getTemplate(db: Db, id: string): IncidentTemplate | null {
  const r = db.prepare('SELECT * FROM incident_templates WHERE id = ? AND deleted = 0').get(id) as TemplateRow | undefined;
  return r ? toTemplate(r) : null;
}

// Operational periods ---------------------------------------------------------------

interface PeriodRow {
  id: string;
  incident_id: string;
  number: number;
  starts_at: number;
  ends_at: number;
  status: 'open' | 'closed';
  closed_at: number | null;
  command_emphasis: string;
  situational_awareness: string;
  site_safety_plan_required: number;
  site_safety_plan_location: string;
  prepared_by: string;
  approved_by: string;
}

export type PeriodSpanRow = Pick<PeriodRow, 'id' | 'incident_id' | 'number' | 'starts_at' | 'ends_at' | 'status' | 'closed_at'>;

export function periodRows(db: Db, incidentId: string): PeriodRow[] {
  return db.prepare('SELECT * FROM periods WHERE incident_id = ? AND deleted = 0 ORDER BY number').all(incidentId) as PeriodRow[];
}

export function getPeriodRow(db: Db, id: string): PeriodRow | null {
  return (db.prepare('SELECT * FROM periods WHERE id = ? AND deleted = 0').get(id) as PeriodRow | undefined) ?? null;
}

export function openPeriodRow(db: Db, incidentId: string): PeriodRow | null {
  return (
    (db.prepare("SELECT * FROM periods WHERE incident_id = ? AND status = 'open' AND deleted = 0").get(incidentId) as
      | PeriodRow
      | undefined) ?? null
  );
}

export function listObjectives(db: Db, periodId: string): Objective[] {
  return db
    .prepare('SELECT id, period_id AS periodId, ordinal, text FROM objectives WHERE period_id = ? AND deleted = 0 ORDER BY ordinal')
    .all(periodId) as Objective[];
}

interface StaffingRow {
  id: string;
  incident_id: string;
  period_id: string;
  position_id: string;
  code: string | null;
  title: string | null;
  section: string | null;
  holder_name: string | null;
  home_agency: string | null;
  contact: string | null;
}

const toStaffing = (r: StaffingRow): Staffing => ({
  id: r.id,
  incidentId: r.incident_id,
  periodId: r.period_id,
  positionId: r.position_id,
  positionCode: r.code ?? '',
  positionTitle: r.title ?? 'Unknown position',
  section: r.section ?? '',
  holderName: r.holder_name,
  homeAgency: r.home_agency,
  contact: r.contact,
});

const STAFFING_SELECT = `
  SELECT s.id, s.incident_id, s.period_id, s.position_id, p.code, p.title, p.section, s.holder_name, s.home_agency, s.contact
  FROM staffing s LEFT JOIN positions p ON p.id = s.position_id`;

export function listStaffing(db: Db, periodId: string): Staffing[] {
  return (db.prepare(`${STAFFING_SELECT} WHERE s.period_id = ? AND s.deleted = 0 ORDER BY p.section, p.title`).all(periodId) as StaffingRow[]).map(
    toStaffing,
  );
}

export function getStaffing(db: Db, id: string): Staffing | null {
  const r = db.prepare(`${STAFFING_SELECT} WHERE s.id = ? AND s.deleted = 0`).get(id) as StaffingRow | undefined;
  return r ? toStaffing(r) : null;
}

export function staffingFor(db: Db, periodId: string, positionId: string): Staffing | null {
  const r = db.prepare(`${STAFFING_SELECT} WHERE s.period_id = ? AND s.position_id = ? AND s.deleted = 0`).get(periodId, positionId) as
    | StaffingRow
    | undefined;
  return r ? toStaffing(r) : null;
}

export function toPeriod(db: Db, r: PeriodRow): Period {
  return {
    id: r.id,
    incidentId: r.incident_id,
    number: r.number,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    status: r.status,
    closedAt: r.closed_at,
    commandEmphasis: r.command_emphasis,
    situationalAwareness: r.situational_awareness,
    siteSafetyPlanRequired: r.site_safety_plan_required === 1,
    siteSafetyPlanLocation: r.site_safety_plan_location,
    preparedBy: r.prepared_by,
    approvedBy: r.approved_by,
    objectives: listObjectives(db, r.id),
    staffing: listStaffing(db, r.id),
  };
}

export function getPeriod(db: Db, id: string): Period | null {
  const r = getPeriodRow(db, id);
  return r ? toPeriod(db, r) : null;
}

export function listPeriods(db: Db, incidentId: string): Period[] {
  return periodRows(db, incidentId).map((r) => toPeriod(db, r));
}

// Checklists --------------------------------------------------------------------------

interface ChecklistRow {
  id: string;
  incident_id: string;
  position_id: string;
  title: string | null;
  ordinal: number;
  text: string;
}

interface TickRow {
  id: string;
  item_id: string;
  done: number;
  note: string | null;
  operator_name: string | null;
  position_title: string | null;
  occurred_at: number;
}

function withTicks(db: Db, rows: ChecklistRow[]): ChecklistItem[] {
  if (!rows.length) return [];
  const ticks = db
    .prepare(
      `SELECT t.id, t.item_id, t.done, t.note, t.operator_name, t.position_title, t.occurred_at
       FROM checklist_ticks t WHERE t.item_id IN (SELECT value FROM json_each(?)) ORDER BY t.recorded_at, t.id`,
    )
    .all(JSON.stringify(rows.map((r) => r.id))) as TickRow[];
  const byItem = new Map<string, TickRow[]>();
  for (const t of ticks) byItem.set(t.item_id, [...(byItem.get(t.item_id) ?? []), t]);
  return rows.map((r) => {
    const its = (byItem.get(r.id) ?? []).map((t) => ({
      id: t.id,
      done: t.done === 1,
      note: t.note,
      operatorName: t.operator_name,
      positionTitle: t.position_title,
      at: t.occurred_at,
    }));
    return {
      id: r.id,
      incidentId: r.incident_id,
      positionId: r.position_id,
      positionTitle: r.title ?? 'Unknown position',
      ordinal: r.ordinal,
      text: r.text,
      done: its.at(-1)?.done ?? false,
      ticks: its,
    };
  });
}

const CHECKLIST_SELECT = `
  SELECT c.id, c.incident_id, c.position_id, p.title, c.ordinal, c.text
  FROM checklist_items c LEFT JOIN positions p ON p.id = c.position_id`;

export function listChecklist(db: Db, incidentId: string, positionId?: string): ChecklistItem[] {
  const rows = positionId
    ? db.prepare(`${CHECKLIST_SELECT} WHERE c.incident_id = ? AND c.position_id = ? AND c.deleted = 0 ORDER BY c.ordinal`).all(incidentId, positionId)
    : db.prepare(`${CHECKLIST_SELECT} WHERE c.incident_id = ? AND c.deleted = 0 ORDER BY p.section, p.title, c.ordinal`).all(incidentId);
  return withTicks(db, rows as ChecklistRow[]);
}

export function getChecklistItem(db: Db, id: string): ChecklistItem | null {
  const r = db.prepare(`${CHECKLIST_SELECT} WHERE c.id = ? AND c.deleted = 0`).get(id) as ChecklistRow | undefined;
  return r ? (withTicks(db, [r])[0] ?? null) : null;
}

export function nextChecklistOrdinal(db: Db, incidentId: string, positionId: string): number {
  const r = db
    .prepare('SELECT coalesce(max(ordinal), 0) + 1 AS n FROM checklist_items WHERE incident_id = ? AND position_id = ? AND deleted = 0')
    .get(incidentId, positionId) as { n: number };
  return r.n;
}

// This workstation's active incident -----------------------------------------------------

export function activeIncidentId(db: Db, workstationId: string): string | null {
  const r = db.prepare('SELECT incident_id FROM local_active_incident WHERE workstation_id = ?').get(workstationId) as
    | { incident_id: string }
    | undefined;
  return r?.incident_id ?? null;
}

/** This workstation's active incident when it is open (one indexed read), else null. */
export function openActiveIncidentId(db: Db, workstationId: string): string | null {
  const r = db
    .prepare(
      `SELECT i.id FROM local_active_incident a JOIN incidents i ON i.id = a.incident_id
       WHERE a.workstation_id = ? AND i.status = 'open' AND i.deleted = 0`,
    )
    .get(workstationId) as { id: string } | undefined;
  return r?.id ?? null;
}

export function setActiveIncident(db: Db, workstationId: string, incidentId: string | null, at: number): void {
  if (incidentId === null) {
    db.prepare('DELETE FROM local_active_incident WHERE workstation_id = ?').run(workstationId);
    return;
  }
  db.prepare(
    `INSERT INTO local_active_incident (workstation_id, incident_id, set_at) VALUES (?, ?, ?)
     ON CONFLICT(workstation_id) DO UPDATE SET incident_id = excluded.incident_id, set_at = excluded.set_at`,
  ).run(workstationId, incidentId, at);
}
