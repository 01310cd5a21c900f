import type { decisionMethods } from '../../../../shared/contract/decision';
import { conflict, invalid, notFound } from '../../errors';
import type { HandlersFor } from '../../registry';
import { actorPosition, assertNotFuture, requireIncident, requireOpenIncident, requirePosition } from '../incidents/guards';
import { timeFormatter } from '../incidents/time';
import { resolveLinks } from './links';
import { decisionChain, getDecision, listDecisions } from './queries';
import { takeSnapshot } from './snapshot';

export const decisionHandlers: HandlersFor<keyof typeof decisionMethods> = {
  'decision.record': (input, ctx) =>
    ctx.write((tx) => {
      const incident = requireOpenIncident(ctx.db, input.incidentId);
      const now = tx.now();
      const decidedAt = input.decidedAt ?? now;
      assertNotFuture(ctx.db, decidedAt, now, 'The time of the decision', 'decidedAt');
      if (input.options.filter((o) => o.chosen).length > 1) {
        throw invalid('Mark at most one option as the one chosen', { issues: [{ path: ['options'], message: 'More than one chosen' }] });
      }
      const maker = input.madeByPositionId ? requirePosition(ctx.db, input.madeByPositionId) : actorPosition(ctx);
      if (input.supersedesId) {
        const old = getDecision(ctx.db, input.supersedesId);
        if (!old || old.incidentId !== incident.id) throw notFound('The decision to supersede, in this incident,');
        if (old.supersededById) {
          const by = getDecision(ctx.db, old.supersededById)!;
          throw conflict(
            `"${old.title}" was already superseded by "${by.title}" (${timeFormatter(ctx.db)(by.decidedAt)}); supersede that decision instead.`,
            { supersededById: by.id },
          );
        }
      }
      const links = resolveLinks(ctx.db, incident.id, input.links);
      const id = tx.appendFact('decisions', {
        occurred_at: decidedAt,
        incident_id: incident.id,
        title: input.title,
        decision: input.decision,
        options: JSON.stringify(input.options.map((o) => ({ text: o.text, chosen: o.chosen }))),
        rationale: input.rationale,
        authority: input.authority,
        made_by_name: input.madeByName ?? ctx.actor.operatorName ?? 'Unknown',
        made_by_position_id: maker.id,
        made_by_position_title: maker.title,
        links: JSON.stringify(links),
        snapshot: JSON.stringify(takeSnapshot(ctx.db, incident, now)),
        supersedes_id: input.supersedesId ?? null,
      });
      return getDecision(ctx.db, id)!;
    }),
  'decision.list': ({ incidentId, includeSuperseded }, { db }) => {
    requireIncident(db, incidentId);
    return { decisions: listDecisions(db, incidentId, includeSuperseded) };
  },
  'decision.get': ({ id }, { db }) => {
    const decision = getDecision(db, id);
    if (!decision) throw notFound('That decision');
    return { decision, chain: decisionChain(db, decision) };
  },
};
