import type { calldownMethods } from '../../../../shared/contract/calldown';
import { invalid, notFound } from '../../errors';
import type { HandlersFor } from '../../registry';
import { printFileName, recordPrint } from '../activation/print-result';
import { isDemo } from '../demo/queries';
import { assertNotFuture, requireIncident, requireOpenIncident } from '../incident/guards';
import { coalitionTimeZone } from '../incident/time';
import { buildCalldownPdf } from './print';
import { callableContacts, getSummary, listSummaries, listTargets } from './queries';
import { recordAttempt, startCalldown } from './start';

export const calldownHandlers: HandlersFor<keyof typeof calldownMethods> = {
  'calldown.contacts': (_input, { db }) => ({ contacts: callableContacts(db) }),
  'calldown.start': ({ incidentId, title, source }, ctx) =>
    ctx.write((tx) => {
      requireOpenIncident(ctx.db, incidentId);
      const { id, skipped } = startCalldown(tx, ctx.db, incidentId, title, source);
      return { calldown: getSummary(ctx.db, id)!, skipped };
    }),
  'calldown.list': ({ incidentId }, { db }) => {
    requireIncident(db, incidentId);
    return { calldowns: listSummaries(db, incidentId) };
  },
  'calldown.get': ({ id }, { db }) => {
    const calldown = getSummary(db, id);
    if (!calldown) throw notFound('That call-down');
    return { calldown, targets: listTargets(db, id) };
  },
  'calldown.attempt': (input, ctx) =>
    ctx.write((tx) => {
      const calldown = getSummary(ctx.db, input.calldownId);
      if (!calldown) throw notFound('That call-down');
      requireOpenIncident(ctx.db, calldown.incidentId);
      const target = ctx.db.prepare('SELECT id FROM calldown_targets WHERE id = ? AND calldown_id = ?').get(input.targetId, input.calldownId);
      if (!target) throw invalid('That contact is not on this call-down list', { issues: [{ path: ['targetId'], message: 'Not on the list' }] });
      const now = tx.now();
      const at = input.occurredAt ?? now;
      assertNotFuture(ctx.db, at, now, 'The time of the call', 'occurredAt');
      if (input.outcome !== 'reached' && input.acknowledgedBy) {
        throw invalid('Only a call that reached someone has an acknowledgement; leave "Acknowledged by" empty', { issues: [{ path: ['acknowledgedBy'], message: 'Only when reached' }] });
      }
      recordAttempt(tx, { ...input, at });
      return { calldown: getSummary(ctx.db, input.calldownId)! };
    }),
  'calldown.print': async ({ id }, ctx) => {
    const calldown = getSummary(ctx.db, id);
    if (!calldown) throw notFound('That call-down');
    const incident = requireIncident(ctx.db, calldown.incidentId);
    const now = ctx.services.now();
    const demo = isDemo(ctx.db);
    const by = `${ctx.actor.operatorName ?? 'unknown'}${ctx.actor.positionTitle ? ` (${ctx.actor.positionTitle})` : ''}`;
    const pdf = await buildCalldownPdf({ calldown, targets: listTargets(ctx.db, id), incidentName: incident.name, exercise: incident.exercise === 1, demo, timeZone: coalitionTimeZone(ctx.db), printedAt: now, printedBy: by });
    const name = printFileName({ demo, what: `${incident.exercise === 1 ? 'EXERCISE_' : ''}Call-down`, detail: calldown.title, at: now, ext: 'pdf' });
    return recordPrint(ctx, 'Call-down', name, 'application/pdf', pdf.bytes, pdf.pages, { calldownId: id, incidentId: incident.id });
  },
};
