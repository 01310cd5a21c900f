import { newId as uuidv7 } from '../../db/ids';
import type { incidentMethods } from '../../../../shared/contract/incident';
import { conflict, invalid, notFound } from '../../errors';
import type { HandlersFor } from '../../registry';
import { createIncident } from './create';
import { assertNotFuture, requireIncident, requireOpenIncident, requirePosition } from './guards';
import { requireSettingsRole } from '../settings/queries';
import { appendTick } from './checklists';
import { assertSpanFree, closePeriod, openPeriod, staffPosition, updatePeriodBlocks } from './periods';
import {
  activeIncidentId,
  getChecklistItem,
  getIncident,
  getLevel,
  getPeriod,
  getPeriodRow,
  getStaffing,
  levelByName,
  listChecklist,
  listIncidents,
  listLevels,
  listObjectives,
  listPeriods,
  listTemplates,
  nextChecklistOrdinal,
  openIncidentsAtLevel,
  openPeriodRow,
  setActiveIncident,
  toPeriod,
} from './queries';
import { timeFormatter } from './time';
import { verifyIncident } from './verify';

/** A closed period is part of the record: its objectives and staffing no longer change. */
function requireEditablePeriod(db: Parameters<typeof getPeriodRow>[0], periodId: string) {
  const p = getPeriodRow(db, periodId);
  if (!p) throw notFound('That operational period');
  if (p.status === 'closed') throw conflict(`Operational period ${p.number} is closed: its record can no longer change.`);
  requireOpenIncident(db, p.incident_id);
  return p;
}

export const incidentHandlers: HandlersFor<keyof typeof incidentMethods> = {
  'incident.levels': (_i, { db }) => ({ levels: listLevels(db) }),
  'incident.saveLevel': (input, ctx) =>
    ctx.write((tx) => {
      requireSettingsRole(ctx.db, ctx.services.workstationId);
      if (input.id && !getLevel(ctx.db, input.id)) throw notFound('That activation level');
      const clash = levelByName(ctx.db, input.name);
      if (clash && clash.id !== input.id) throw conflict(`There is already an activation level named "${clash.name}"`);
      const id = input.id ?? uuidv7();
      tx.put('activation_levels', id, { name: input.name, rank: input.rank, description: input.description });
      tx.audit(input.id ? 'activationLevel.changed' : 'activationLevel.added', { id, name: input.name, rank: input.rank });
      return getLevel(ctx.db, id)!;
    }),
  'incident.removeLevel': ({ id }, ctx) =>
    ctx.write((tx) => {
      requireSettingsRole(ctx.db, ctx.services.workstationId);
      const level = getLevel(ctx.db, id);
      if (!level) throw notFound('That activation level');
      const using = openIncidentsAtLevel(ctx.db, id);
      if (using.length) {
        throw conflict(`"${level.name}" is the level of open incident "${using[0]!.name}"; change that incident's level first`);
      }
      if (listLevels(ctx.db).length <= 1) throw conflict('The last activation level cannot be removed: incidents need one');
      tx.remove('activation_levels', id);
      tx.audit('activationLevel.removed', { id, name: level.name });
      return { removed: true };
    }),
  'incident.templates': (_i, { db }) => ({ templates: listTemplates(db) }),

  'incident.list': ({ status }, { db }) => ({ incidents: listIncidents(db, status) }),
  'incident.get': ({ id }, { db }) => {
    const incident = getIncident(db, id);
    if (!incident) throw notFound('That incident');
    const periods = listPeriods(db, id);
    return { incident, periods, currentPeriod: periods.find((p) => p.status === 'open') ?? null };
  },
  'incident.create': (input, ctx) =>
    ctx.write((tx) => {
      const { incidentId, periodId } = createIncident(ctx.db, tx, input);
      // The incident just created is what this operator works on next.
      setActiveIncident(ctx.db, ctx.services.workstationId, incidentId, tx.now());
      tx.touched('local_active_incident');
      return { incident: getIncident(ctx.db, incidentId)!, period: periodId ? getPeriod(ctx.db, periodId) : null };
    }),
  'incident.update': (input, ctx) =>
    ctx.write((tx) => {
      const before = requireIncident(ctx.db, input.id);
      if (input.activationLevelId && !getLevel(ctx.db, input.activationLevelId)) throw notFound('That activation level');
      for (const p of input.boardApproverPositionIds ?? []) requirePosition(ctx.db, p);
      const fields: Record<string, string | null> = {};
      if (input.name !== undefined) fields.name = input.name;
      if (input.number !== undefined) fields.number = input.number || null;
      if (input.hazardType !== undefined) fields.hazard_type = input.hazardType;
      if (input.description !== undefined) fields.description = input.description;
      if (input.activationLevelId !== undefined) fields.activation_level_id = input.activationLevelId;
      if (input.boardApproverPositionIds !== undefined) fields.board_approvers = JSON.stringify([...new Set(input.boardApproverPositionIds)]);
      if (tx.put('incidents', input.id, fields)) {
        tx.audit('incident.changed', { incidentId: input.id, name: before.name, fields: Object.keys(fields) });
      }
      if (input.activationLevelId && input.activationLevelId !== before.activation_level_id) {
        tx.audit('incident.levelChanged', {
          incidentId: input.id,
          from: before.level_name,
          to: getLevel(ctx.db, input.activationLevelId)!.name,
        });
      }
      return getIncident(ctx.db, input.id)!;
    }),
  'incident.close': (input, ctx) =>
    ctx.write((tx) => {
      const incident = requireIncident(ctx.db, input.id);
      const fmt = timeFormatter(ctx.db);
      if (incident.status === 'closed') throw conflict(`Incident "${incident.name}" is already closed (at ${fmt(incident.closed_at ?? 0)}).`);
      const closedAt = input.closedAt ?? tx.now();
      assertNotFuture(ctx.db, closedAt, tx.now(), 'The closing time', 'closedAt');
      if (closedAt < incident.started_at) {
        throw invalid(`Incident "${incident.name}" started at ${fmt(incident.started_at)}; it cannot close before that.`);
      }
      const open = openPeriodRow(ctx.db, incident.id);
      if (open) closePeriod(ctx.db, tx, incident, open.id, closedAt);
      tx.put('incidents', incident.id, { status: 'closed', closed_at: closedAt, closing_note: input.note || null });
      tx.audit('incident.closed', { incidentId: incident.id, name: incident.name, closedAt });
      return getIncident(ctx.db, incident.id)!;
    }),
  'incident.reopen': (input, ctx) =>
    ctx.write((tx) => {
      const incident = requireIncident(ctx.db, input.id);
      if (incident.status === 'open') throw conflict(`Incident "${incident.name}" is open already.`);
      tx.put('incidents', incident.id, { status: 'open', closed_at: null });
      tx.audit('incident.reopened', { incidentId: incident.id, name: incident.name, reason: input.reason });
      return getIncident(ctx.db, incident.id)!;
    }),

  'incident.setActive': ({ incidentId }, ctx) =>
    ctx.write((tx) => {
      if (incidentId !== null) requireIncident(ctx.db, incidentId);
      setActiveIncident(ctx.db, ctx.services.workstationId, incidentId, tx.now());
      tx.touched('local_active_incident');
      return { incidentId };
    }),
  'incident.active': (_i, { db, services }) => {
    const id = activeIncidentId(db, services.workstationId);
    const incident = id ? getIncident(db, id) : null;
    const open = incident ? openPeriodRow(db, incident.id) : null;
    return { incident, currentPeriod: open ? toPeriod(db, open) : null, now: services.now() };
  },

  'incident.periods': ({ incidentId }, { db }) => {
    requireIncident(db, incidentId);
    return { periods: listPeriods(db, incidentId) };
  },
  'incident.openPeriod': (input, ctx) =>
    ctx.write((tx) => {
      const incident = requireOpenIncident(ctx.db, input.incidentId);
      const now = tx.now();
      const startsAt = input.startsAt ?? now;
      assertNotFuture(ctx.db, startsAt, now, 'The period start', 'startsAt');
      const id = openPeriod(ctx.db, tx, incident, { startsAt, endsAt: input.endsAt, objectives: input.objectives, copyStaffing: input.copyStaffing });
      return getPeriod(ctx.db, id)!;
    }),
  'incident.closePeriod': (input, ctx) =>
    ctx.write((tx) => {
      const p = getPeriodRow(ctx.db, input.periodId);
      if (!p) throw notFound('That operational period');
      const incident = requireIncident(ctx.db, p.incident_id);
      const closedAt = input.closedAt ?? tx.now();
      assertNotFuture(ctx.db, closedAt, tx.now(), 'The closing time', 'closedAt');
      closePeriod(ctx.db, tx, incident, p.id, closedAt);
      return getPeriod(ctx.db, p.id)!;
    }),
  'incident.updatePeriod': (input, ctx) =>
    ctx.write((tx) => {
      const p = requireEditablePeriod(ctx.db, input.periodId);
      if (input.startsAt !== undefined) assertNotFuture(ctx.db, input.startsAt, tx.now(), 'The period start', 'startsAt');
      if (input.startsAt !== undefined || input.endsAt !== undefined) {
        assertSpanFree(ctx.db, p.incident_id, input.startsAt ?? p.starts_at, input.endsAt ?? p.ends_at, p.id);
      }
      updatePeriodBlocks(tx, p.id, input);
      return getPeriod(ctx.db, p.id)!;
    }),
  'incident.setObjectives': (input, ctx) =>
    ctx.write((tx) => {
      const p = requireEditablePeriod(ctx.db, input.periodId);
      const existing = new Map(listObjectives(ctx.db, p.id).map((o) => [o.id, o]));
      const kept = new Set<string>();
      input.objectives.forEach((o, i) => {
        if (o.id && !existing.has(o.id)) throw invalid(`Objective ${i + 1} does not belong to operational period ${p.number}`);
        if (o.id && kept.has(o.id)) throw invalid(`Objective ${i + 1} is listed twice`);
        const id = o.id ?? uuidv7();
        kept.add(id);
        tx.put('objectives', id, { incident_id: p.incident_id, period_id: p.id, ordinal: i + 1, text: o.text });
      });
      for (const id of existing.keys()) if (!kept.has(id)) tx.remove('objectives', id);
      return getPeriod(ctx.db, p.id)!;
    }),
  'incident.staff': (input, ctx) =>
    ctx.write((tx) => {
      const p = requireEditablePeriod(ctx.db, input.periodId);
      const position = requirePosition(ctx.db, input.positionId);
      const id = staffPosition(ctx.db, tx, p, input.positionId, input);
      // Into the audit trail, and so into the timeline: who held which position, from when.
      tx.audit('staffing.assigned', { incidentId: p.incident_id, periodId: p.id, period: p.number, positionId: position.id, position: position.title, holderName: input.holderName ?? null });
      return getStaffing(ctx.db, id)!;
    }),
  'incident.unstaff': ({ staffingId }, ctx) =>
    ctx.write((tx) => {
      const s = getStaffing(ctx.db, staffingId);
      if (!s) throw notFound('That staffing assignment');
      const p = requireEditablePeriod(ctx.db, s.periodId);
      tx.audit('staffing.removed', { incidentId: p.incident_id, periodId: p.id, period: p.number, positionId: s.positionId, position: s.positionTitle, holderName: s.holderName });
      return { removed: tx.remove('staffing', staffingId) };
    }),

  'incident.checklists': ({ incidentId, positionId }, { db }) => {
    requireIncident(db, incidentId);
    return { items: listChecklist(db, incidentId, positionId) };
  },
  'incident.addChecklistItem': (input, ctx) =>
    ctx.write((tx) => {
      requireOpenIncident(ctx.db, input.incidentId);
      requirePosition(ctx.db, input.positionId);
      const id = uuidv7();
      tx.put('checklist_items', id, {
        incident_id: input.incidentId,
        position_id: input.positionId,
        ordinal: nextChecklistOrdinal(ctx.db, input.incidentId, input.positionId),
        text: input.text,
      });
      return getChecklistItem(ctx.db, id)!;
    }),
  'incident.tick': (input, ctx) =>
    ctx.write((tx) => {
      const item = getChecklistItem(ctx.db, input.itemId);
      if (!item) throw notFound('That checklist item');
      requireOpenIncident(ctx.db, item.incidentId);
      const last = item.ticks.at(-1);
      if (item.done === input.done) {
        const fmt = timeFormatter(ctx.db);
        throw conflict(
          last
            ? `"${item.text}" is already ${input.done ? 'ticked' : 'unticked'} (by ${last.operatorName ?? 'someone'} at ${fmt(last.at)}).`
            : `"${item.text}" is not ticked yet.`,
        );
      }
      appendTick(tx, { item, done: input.done, note: input.note, occurredAt: tx.now() });
      return getChecklistItem(ctx.db, item.id)!;
    }),

  'incident.verify': ({ incidentId }, { db }) => {
    requireIncident(db, incidentId);
    return verifyIncident(db, incidentId);
  },
};
