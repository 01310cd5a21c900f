import type { decisionMethods } from '../../../../shared/contract/decision';
import { invalid, notFound } from '../../errors';
import type { HandlersFor } from '../../registry';
import { actorPosition, assertNotFuture, requireIncident, requireOpenIncident, requirePosition } from '../incident/guards';
import { decisionChain, getDecision, listDecisions } from './queries';
import { appendDecision } from './record';

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
      const id = appendDecision(
        ctx.db,
        tx,
        incident,
        {
          title: input.title,
          decision: input.decision,
          options: input.options,
          rationale: input.rationale,
          authority: input.authority,
          madeByName: input.madeByName ?? ctx.actor.operatorName ?? 'Unknown',
          maker,
          decidedAt,
          links: input.links,
          citation: input.citation ?? null,
          supersedesId: input.supersedesId,
        },
        decidedAt,
      );
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
