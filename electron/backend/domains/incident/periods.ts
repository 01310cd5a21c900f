import { newId as uuidv7 } from '../../db/ids';
import { overlappingPeriod } from '../../../../shared/domain/incident-rules';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { conflict, invalid } from '../../errors';
import { getTemplate, listObjectives, listStaffing, openPeriodRow, periodRows, staffingFor, type IncidentRow } from './queries';
import { positionByCode } from '../session/queries';
import { timeFormatter } from './time';

export interface OpenPeriodInput {
  startsAt: number;
  endsAt: number;
  objectives?: string[];
  copyStaffing: boolean;
}

const spans = (db: Db, incidentId: string) =>
  periodRows(db, incidentId).map((p) => ({ id: p.id, number: p.number, startsAt: p.starts_at, endsAt: p.ends_at }));

/** Refuses a span that ends before it starts or shares time with another period of the incident. */
export function assertSpanFree(db: Db, incidentId: string, startsAt: number, endsAt: number, ignoreId?: string): void {
  const fmt = timeFormatter(db);
  if (endsAt <= startsAt) {
    throw invalid(`The period must end after it starts: ${fmt(endsAt)} is not after ${fmt(startsAt)}`, {
      issues: [{ path: ['endsAt'], message: 'Ends before it starts' }],
    });
  }
  const clash = overlappingPeriod(spans(db, incidentId), startsAt, endsAt, ignoreId);
  if (clash) {
    throw conflict(
      `Those times (${fmt(startsAt)} to ${fmt(endsAt)}) overlap operational period ${clash.number} (${fmt(clash.startsAt)} to ${fmt(clash.endsAt)}). ` +
        `Start at or after ${fmt(clash.endsAt)}, or change period ${clash.number}.`,
    );
  }
}

/**
 * Opens the incident's next period. Objectives and staffing carry over from the previous
 * period (the usual IAP practice), or come from the template for period 1.
 */
export function openPeriod(db: Db, tx: WriteTx, incident: IncidentRow, input: OpenPeriodInput): string {
  const open = openPeriodRow(db, incident.id);
  if (open) {
    throw conflict(`Operational period ${open.number} is still open: close it before opening the next one.`);
  }
  assertSpanFree(db, incident.id, input.startsAt, input.endsAt);
  const all = periodRows(db, incident.id);
  const previous = all.at(-1) ?? null;
  const number = (previous?.number ?? 0) + 1;
  const id = uuidv7();
  tx.put('periods', id, {
    incident_id: incident.id,
    number,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    status: 'open',
    closed_at: null,
  });
  const template = !previous && incident.template_id ? getTemplate(db, incident.template_id) : null;
  const objectives = input.objectives ?? (previous ? listObjectives(db, previous.id).map((o) => o.text) : (template?.objectives ?? []));
  objectives.forEach((text, i) => tx.put('objectives', uuidv7(), { incident_id: incident.id, period_id: id, ordinal: i + 1, text }));

  if (previous && input.copyStaffing) {
    for (const s of listStaffing(db, previous.id)) {
      tx.put('staffing', uuidv7(), {
        incident_id: incident.id,
        period_id: id,
        position_id: s.positionId,
        holder_name: s.holderName,
        home_agency: s.homeAgency,
        contact: s.contact,
      });
    }
  } else if (!previous && template) {
    for (const code of template.positionCodes) {
      const p = positionByCode(db, code);
      if (p) tx.put('staffing', uuidv7(), { incident_id: incident.id, period_id: id, position_id: p.id, holder_name: null, home_agency: null, contact: null });
    }
  }
  tx.audit('period.opened', { incidentId: incident.id, incident: incident.name, number, startsAt: input.startsAt, endsAt: input.endsAt });
  return id;
}

/** Closing makes the closing time the period's end, so period filters match what happened. */
export function closePeriod(db: Db, tx: WriteTx, incident: IncidentRow, periodId: string, closedAt: number): void {
  const p = periodRows(db, incident.id).find((r) => r.id === periodId);
  if (!p) throw invalid('That operational period does not belong to the incident');
  const fmt = timeFormatter(db);
  if (p.status === 'closed') {
    throw conflict(`Operational period ${p.number} is already closed (at ${fmt(p.closed_at ?? p.ends_at)}).`);
  }
  if (closedAt <= p.starts_at) {
    throw invalid(`Operational period ${p.number} started at ${fmt(p.starts_at)}; it cannot close at ${fmt(closedAt)}, before it started.`, {
      issues: [{ path: ['closedAt'], message: 'Before the period started' }],
    });
  }
  assertSpanFree(db, incident.id, p.starts_at, closedAt, p.id);
  tx.put('periods', p.id, { status: 'closed', closed_at: closedAt, ends_at: closedAt });
  tx.audit('period.closed', { incidentId: incident.id, incident: incident.name, number: p.number, closedAt });
}

/** ICS 202 blocks 2 (start and planned end), 4, 5, 7 and 8, as given (the caller checks the period is editable and the span free). */
export interface PeriodBlocks {
  startsAt?: number;
  endsAt?: number;
  commandEmphasis?: string;
  situationalAwareness?: string;
  siteSafetyPlanRequired?: boolean;
  siteSafetyPlanLocation?: string;
  preparedBy?: string;
  approvedBy?: string;
}

export function updatePeriodBlocks(tx: WriteTx, periodId: string, input: PeriodBlocks): void {
  const fields: Record<string, string | number> = {};
  if (input.startsAt !== undefined) fields.starts_at = input.startsAt;
  if (input.endsAt !== undefined) fields.ends_at = input.endsAt;
  if (input.commandEmphasis !== undefined) fields.command_emphasis = input.commandEmphasis;
  if (input.situationalAwareness !== undefined) fields.situational_awareness = input.situationalAwareness;
  if (input.siteSafetyPlanRequired !== undefined) fields.site_safety_plan_required = input.siteSafetyPlanRequired ? 1 : 0;
  if (input.siteSafetyPlanLocation !== undefined) fields.site_safety_plan_location = input.siteSafetyPlanLocation;
  if (input.preparedBy !== undefined) fields.prepared_by = input.preparedBy;
  if (input.approvedBy !== undefined) fields.approved_by = input.approvedBy;
  tx.put('periods', periodId, fields);
}

/**
 * Who holds a position in a period: one holder per position and period, so an existing
 * assignment is updated (home agency and contact kept unless given). Returns the staffing id.
 */
export function staffPosition(
  db: Db,
  tx: WriteTx,
  period: { id: string; incident_id: string },
  positionId: string,
  holder: { holderName: string | null; homeAgency?: string; contact?: string },
): string {
  const existing = staffingFor(db, period.id, positionId);
  const id = existing?.id ?? uuidv7();
  const fields: Record<string, string | null> = {
    incident_id: period.incident_id,
    period_id: period.id,
    position_id: positionId,
    holder_name: holder.holderName || null,
  };
  if (holder.homeAgency !== undefined || !existing) fields.home_agency = holder.homeAgency || null;
  if (holder.contact !== undefined || !existing) fields.contact = holder.contact || null;
  tx.put('staffing', id, fields);
  return id;
}
