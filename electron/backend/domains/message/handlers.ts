import type { Message } from '../../../../shared/contract';
import type { messageMethods } from '../../../../shared/contract/message';
import { conflict, invalid, notFound } from '../../errors';
import type { HandlersFor } from '../../registry';
import { actorPosition, assertNotFuture, requireIncident, requireOpenIncident, requirePosition } from '../incident/guards';
import { timeFormatter } from '../incident/time';
import { encodeCursor, type TimelinePosition } from '../timeline/cursor';
import { keyQuery, pageOf } from '../timeline/page';
import { appendMessage, appendReply } from './append';
import { getMessage, getMessages } from './queries';

export const messageHandlers: HandlersFor<keyof typeof messageMethods> = {
  'message.record': (input, ctx) =>
    ctx.write((tx) => {
      const incident = requireOpenIncident(ctx.db, input.incidentId);
      const position = input.positionId ? requirePosition(ctx.db, input.positionId) : actorPosition(ctx);
      const now = tx.now();
      const messageAt = input.messageAt ?? now;
      assertNotFuture(ctx.db, messageAt, now, 'The message time', 'messageAt');
      if (!input.approvedByName !== !input.approvedByPosition) {
        throw invalid('Block 8 "Approved by" needs both a name and a position, or neither');
      }
      const id = appendMessage(tx, {
        incidentId: incident.id,
        positionId: position.id,
        direction: input.direction,
        via: input.via,
        priority: input.priority,
        toName: input.toName,
        toPosition: input.toPosition,
        fromName: input.fromName,
        fromPosition: input.fromPosition,
        subject: input.subject,
        body: input.body,
        messageAt,
        approvedByName: input.approvedByName,
        approvedByPosition: input.approvedByPosition,
      });
      return getMessage(ctx.db, id)!;
    }),
  'message.reply': (input, ctx) =>
    ctx.write((tx) => {
      const message = getMessage(ctx.db, input.messageId);
      if (!message) throw notFound('That message');
      requireOpenIncident(ctx.db, message.incidentId);
      const fmt = timeFormatter(ctx.db);
      if (message.reply) {
        throw conflict(
          `This message already has a reply (from ${message.reply.repliedByName} at ${fmt(message.reply.repliedAt)}); record a new message instead.`,
        );
      }
      const repliedAt = input.repliedAt ?? tx.now();
      assertNotFuture(ctx.db, repliedAt, tx.now(), 'The reply time', 'repliedAt');
      if (repliedAt < message.messageAt) {
        throw invalid(`The reply (${fmt(repliedAt)}) cannot come before the message (${fmt(message.messageAt)})`, {
          issues: [{ path: ['repliedAt'], message: 'Before the message' }],
        });
      }
      appendReply(tx, {
        incidentId: message.incidentId,
        messageId: message.id,
        reply: input.reply,
        repliedByName: input.repliedByName ?? ctx.actor.operatorName ?? 'Unknown',
        repliedByPosition: input.repliedByPosition ?? actorPosition(ctx).title,
        repliedAt,
      });
      return getMessage(ctx.db, message.id)!;
    }),
  'message.get': ({ id }, { db }) => {
    const m = getMessage(db, id);
    if (!m) throw notFound('That message');
    return m;
  },
  'message.list': (input, { db }) => {
    requireIncident(db, input.incidentId);
    const q = keyQuery(db, input.incidentId, { kinds: ['message'] }, 'newest', input.limit, input.cursor);
    if (!input.direction) {
      const { rows, nextCursor } = pageOf(db, q);
      return { messages: getMessages(db, rows.map((r) => r.recordId)), nextCursor };
    }
    // Direction is not in the timeline index: read the kind's pages until enough match.
    const out: { message: Message; at: TimelinePosition }[] = [];
    let cursor: string | undefined = input.cursor;
    while (out.length <= input.limit) {
      const { rows, nextCursor } = pageOf(db, keyQuery(db, input.incidentId, { kinds: ['message'] }, 'newest', 200, cursor));
      const byId = new Map(getMessages(db, rows.map((r) => r.recordId)).map((m) => [m.id, m]));
      for (const r of rows) {
        const m = byId.get(r.recordId);
        if (m?.direction === input.direction) out.push({ message: m, at: { occurredAt: r.occurredAt, n: r.n } });
      }
      if (!nextCursor) break;
      cursor = nextCursor;
    }
    const page = out.slice(0, input.limit);
    const last = page.at(-1);
    return { messages: page.map((p) => p.message), nextCursor: out.length > input.limit && last ? encodeCursor(last.at) : null };
  },
};
