import { newId as uuidv7 } from '../../db/ids';
import type { logMethods } from '../../../../shared/contract/log';
import { conflict, forbidden, invalid, notFound } from '../../errors';
import type { HandlersFor } from '../../registry';
import { getPosition } from '../session/queries';
import {
  actorPosition,
  assertNotFuture,
  requireIncident,
  assertOpenIncident,
  requireOpenIncident,
  requirePosition,
} from '../incident/guards';
import { timeFormatter } from '../incident/time';
import { keyQuery, pageOf } from '../timeline/page';
import { appendEntry, appendEntryAsWritten, appendProposal, appendReview } from './append';
import { requireSettingsRole } from '../settings/queries';
import {
  blockingProposal,
  correctionChain,
  getEntries,
  getEntry,
  getProposal,
  listBoard,
  listCategories,
  listProposals,
} from './queries';

/** Names compared as a person would: case, repeated spaces and surrounding blanks aside. */
function samePerson(a: string | null, b: string | null): boolean {
  const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  return !!a && !!b && norm(a) === norm(b);
}

export const logHandlers: HandlersFor<keyof typeof logMethods> = {
  'log.append': (input, ctx) =>
    ctx.write((tx) => {
      assertOpenIncident(ctx.db, input.incidentId);
      // The session's position was read with the session; only one given is looked up.
      const position = input.positionId ? requirePosition(ctx.db, input.positionId) : actorPosition(ctx);
      const occurredAt = input.occurredAt ?? tx.now();
      assertNotFuture(ctx.db, occurredAt, tx.now(), 'The time it happened', 'occurredAt');
      return appendEntryAsWritten(tx, { ...input, positionId: position.id, occurredAt }, position);
    }),
  'log.import': (input, ctx) => {
    return ctx.write((tx) => {
      const incident = requireOpenIncident(ctx.db, input.incidentId);
      const positionId = input.positionId ?? actorPosition(ctx).id;
      const position = requirePosition(ctx.db, positionId);
      const now = tx.now();
      input.entries.forEach((e, i) =>
        assertNotFuture(ctx.db, e.occurredAt, now, `Entry ${i + 1}'s time`, `entries.${i}.occurredAt`),
      );
      const ids = tx.bulk(() =>
        input.entries.map((e) => appendEntry(tx, { ...e, incidentId: incident.id, positionId, source: input.source })),
      );
      tx.audit('log.imported', {
        incidentId: incident.id,
        position: position.title,
        source: input.source,
        count: ids.length,
      });
      return { imported: ids.length, firstId: ids[0]!, lastId: ids.at(-1)! };
    });
  },
  'log.correct': (input, ctx) =>
    ctx.write((tx) => {
      const original = getEntry(ctx.db, input.entryId);
      if (!original) throw notFound('That log entry');
      requireOpenIncident(ctx.db, original.incidentId);
      if (original.correctedById) {
        const by = getEntry(ctx.db, original.correctedById)!;
        throw conflict(
          `This entry was already corrected (by ${by.operatorName ?? 'someone'} at ${timeFormatter(ctx.db)(by.recordedAt)}); correct that correction instead.`,
          { correctedById: by.id },
        );
      }
      const category = input.category ?? original.category;
      const occurredAt = input.occurredAt ?? original.occurredAt;
      assertNotFuture(ctx.db, occurredAt, tx.now(), 'The time it happened', 'occurredAt');
      if (input.text === original.text && category === original.category && occurredAt === original.occurredAt) {
        throw invalid('The correction is the same as the entry: change its text, category or time', {
          issues: [{ path: ['text'], message: 'Same as the entry' }],
        });
      }
      const id = appendEntry(tx, {
        incidentId: original.incidentId,
        positionId: original.positionId,
        category,
        text: input.text,
        occurredAt,
        source: original.source,
        correctsId: original.id,
        transcribed: original.transcribed,
        heardFrom: original.heardFrom,
      });
      return { original: getEntry(ctx.db, original.id)!, correction: getEntry(ctx.db, id)! };
    }),
  'log.get': ({ id }, { db }) => {
    const entry = getEntry(db, id);
    if (!entry) throw notFound('That log entry');
    return { entry, chain: correctionChain(db, entry) };
  },
  'log.list': (input, { db }) => {
    requireIncident(db, input.incidentId);
    const filters = { kinds: ['entry' as const], positionId: input.positionId, periodId: input.periodId };
    const { rows, nextCursor } = pageOf(
      db,
      keyQuery(db, input.incidentId, filters, 'oldest', input.limit, input.cursor),
    );
    return {
      entries: getEntries(
        db,
        rows.map((r) => r.recordId),
      ),
      nextCursor,
    };
  },
  'log.proposeSignificant': (input, ctx) =>
    ctx.write((tx) => {
      const entry = getEntry(ctx.db, input.entryId);
      if (!entry) throw notFound('That log entry');
      requireOpenIncident(ctx.db, entry.incidentId);
      const existing = blockingProposal(ctx.db, entry.id);
      if (existing?.status === 'approved') throw conflict('This entry is already on the significant events board.');
      if (existing) {
        throw conflict(
          `This entry was already proposed (by ${existing.proposedBy ?? 'someone'} at ${timeFormatter(ctx.db)(existing.proposedAt)}) and is waiting for approval.`,
        );
      }
      const id = appendProposal(tx, {
        incidentId: entry.incidentId,
        entryId: entry.id,
        proposerPositionId: actorPosition(ctx).id,
        note: input.note,
        occurredAt: tx.now(),
      });
      return getProposal(ctx.db, id)!;
    }),
  'log.reviewSignificant': (input, ctx) =>
    ctx.write((tx) => {
      const proposal = getProposal(ctx.db, input.proposalId);
      if (!proposal) throw notFound('That proposal');
      const incident = requireOpenIncident(ctx.db, proposal.incidentId);
      const me = actorPosition(ctx);
      const approvers = JSON.parse(incident.board_approvers) as string[];
      if (!approvers.includes(me.id)) {
        const names = approvers.map((id) => getPosition(ctx.db, id)?.title).filter(Boolean);
        throw forbidden(
          `Only the ${names.join(' or ') || 'designated position'} can approve or decline significant events for this incident; ` +
            `you are signed in as ${me.title}. Ask them to review it, or change the approving positions in the incident's settings.`,
        );
      }
      if (proposal.status !== 'pending') {
        throw conflict(
          `This proposal was already ${proposal.status} (by ${proposal.reviewedBy ?? 'someone'} at ${timeFormatter(ctx.db)(proposal.reviewedAt ?? 0)}).`,
        );
      }
      // Two people, not two positions: switching position must not let a proposer approve.
      if (samePerson(proposal.proposedBy, ctx.actor.operatorName)) {
        throw forbidden(
          `You proposed this event, so another person must approve or decline it; ${proposal.proposedBy} cannot review it under any position.`,
        );
      }
      appendReview(tx, {
        incidentId: proposal.incidentId,
        proposalId: proposal.id,
        entryId: proposal.entry.id,
        approve: input.approve,
        approverPositionId: me.id,
        note: input.note,
        occurredAt: tx.now(),
      });
      return getProposal(ctx.db, proposal.id)!;
    }),
  'log.categories': (_i, { db }) => ({ categories: listCategories(db) }),
  'log.saveCategory': ({ id, name }, ctx) =>
    ctx.write((tx) => {
      requireSettingsRole(ctx.db, ctx.services.workstationId);
      const all = listCategories(ctx.db);
      if (id && !all.some((c) => c.id === id)) throw notFound('That log category');
      const clash = all.find((c) => c.id !== id && c.name.toLowerCase() === name.toLowerCase());
      if (clash) throw conflict(`There is already a category "${clash.name}"`);
      const row: Record<string, string | number> = id ? { name } : { name, ordinal: all.length + 1 };
      const saved = id ?? uuidv7();
      tx.put('log_categories', saved, row);
      return { id: saved, name };
    }),
  'log.removeCategory': ({ id }, ctx) =>
    ctx.write((tx) => {
      requireSettingsRole(ctx.db, ctx.services.workstationId);
      if (!listCategories(ctx.db).some((c) => c.id === id)) throw notFound('That log category');
      return { removed: tx.remove('log_categories', id) };
    }),
  'log.proposals': ({ incidentId, status }, { db }) => {
    requireIncident(db, incidentId);
    return { proposals: listProposals(db, incidentId, status === 'pending') };
  },
  'log.board': ({ incidentId }, { db }) => {
    requireIncident(db, incidentId);
    return { events: listBoard(db, incidentId) };
  },
};
