import { newId as uuidv7 } from '../../db/ids';
import type { CorrectiveAction, MethodParsedInput } from '../../../../shared/contract';
import { isOverdue, refuseStatusChange, type ActionStatus } from '../../../../shared/domain/aar-outline';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { conflict, invalid, notFound } from '../../errors';
import { getOrganisation } from '../directory/queries';
import { capabilityLabels, getCapability } from './catalogue';
import { acceptedAfis, actionEvents, actionRows, observationRow, type ActionRow } from './queries';
import { recurrences } from './recurrence';

const DAY = 86_400_000;
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);

/** Actions with their status (the newest event), history, overdue and recurrence flags. */
export function toActions(db: Db, rows: readonly ActionRow[], today: string): CorrectiveAction[] {
  const events = actionEvents(db, rows.map((r) => r.id));
  const names = capabilityLabels(db, rows.flatMap((r) => (r.capability_id ? [r.capability_id] : [])));
  const recurring = recurrences(acceptedAfis(db));
  return rows.map((r) => {
    const history = events
      .filter((e) => e.action_id === r.id)
      .map((e) => ({ id: e.id, status: e.status, note: e.note, operatorName: e.operator_name, positionTitle: e.position_title, at: e.occurred_at }));
    const last = history.at(-1);
    const status: ActionStatus = last?.status ?? 'open';
    const overdue = isOverdue(status, r.due_on, today);
    return {
      id: r.id,
      reportId: r.report_id,
      incidentId: r.incident_id,
      incidentName: r.incident_name,
      exercise: r.exercise === 1,
      observationId: r.observation_id,
      observationTitle: r.observation_title,
      capabilityId: r.capability_id,
      capabilityLabel: r.capability_id ? (names.get(r.capability_id) ?? 'Removed capability') : null,
      element: r.element,
      action: r.action,
      responsibleOrgId: r.responsible_org_id,
      responsibleOrgName: r.responsible_org_name,
      poc: r.poc,
      startOn: r.start_on,
      dueOn: r.due_on,
      status,
      statusBy: last ? `${last.operatorName ?? 'unknown'}${last.positionTitle ? ` (${last.positionTitle})` : ''}` : null,
      statusAt: last?.at ?? 0,
      overdue,
      daysFromDue: r.due_on ? dayNumber(today) - dayNumber(r.due_on) : null,
      recurring: recurring.has(r.observation_id),
      history,
    };
  });
}

export function getAction(db: Db, id: string, today: string): CorrectiveAction | null {
  return toActions(db, actionRows(db, { id }), today)[0] ?? null;
}

/**
 * Creates or edits a corrective action. It addresses an accepted area for improvement of a
 * report; a new one starts "open", recorded as its first status event.
 */
export function saveAction(tx: WriteTx, db: Db, input: MethodParsedInput<'aar.saveAction'>): string {
  const obs = observationRow(db, input.observationId);
  if (!obs) throw notFound('That area for improvement');
  if (obs.kind !== 'afi') throw invalid('A corrective action addresses an area for improvement, not a strength');
  if (obs.status !== 'accepted') throw conflict('Accept the area for improvement before planning corrective actions for it');
  if (input.capabilityId && !getCapability(db, input.capabilityId)) throw notFound('That capability');
  if (input.responsibleOrgId && !getOrganisation(db, input.responsibleOrgId)) throw notFound('That responsible organisation');
  const existing = input.id ? actionRows(db, { id: input.id })[0] : undefined;
  if (input.id && !existing) throw notFound('That corrective action');
  const startOn = input.startOn !== undefined ? input.startOn : (existing?.start_on ?? null);
  const dueOn = input.dueOn !== undefined ? input.dueOn : (existing?.due_on ?? null);
  // Named as the field at fault, so the form marks the completion date and takes the focus there.
  if (startOn && dueOn && dueOn < startOn) throw invalid('The completion date is before the start date', { issues: [{ path: ['dueOn'], message: `Before the start date (${startOn})` }] });
  const id = input.id ?? uuidv7();
  tx.put('aar_actions', id, {
    report_id: obs.report_id,
    observation_id: obs.id,
    capability_id: input.capabilityId !== undefined ? input.capabilityId : (existing?.capability_id ?? obs.capability_id),
    element: input.element,
    action: input.action,
    responsible_org_id: input.responsibleOrgId !== undefined ? input.responsibleOrgId : (existing?.responsible_org_id ?? null),
    poc: input.poc,
    start_on: startOn,
    due_on: dueOn,
  });
  if (!existing) tx.appendFact('aar_action_events', { action_id: id, report_id: obs.report_id, status: 'open', note: null, occurred_at: tx.now() });
  return id;
}

/** A status change is a record of fact: who moved it, when, and why when it matters. */
export function setActionStatus(tx: WriteTx, db: Db, input: MethodParsedInput<'aar.setActionStatus'>, today: string): void {
  const a = getAction(db, input.id, today);
  if (!a) throw notFound('That corrective action');
  const completed = [...a.history].reverse().find((e) => e.status === 'completed');
  const refusal = refuseStatusChange({
    from: a.status,
    to: input.status,
    note: input.note || null,
    by: tx.actor.operatorName,
    completedBy: a.status === 'completed' ? (completed?.operatorName ?? null) : null,
  });
  if (refusal) throw conflict(refusal);
  tx.appendFact('aar_action_events', { action_id: a.id, report_id: a.reportId, status: input.status, note: input.note || null, occurred_at: tx.now() });
}
