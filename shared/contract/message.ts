import { z } from 'zod';
import { epochMs, read, text, uuid, write, lazySchema } from './define';
import { recordTime } from './incident';
import { pageCursor, pageLimit } from './log';

export const MESSAGE_VIA = ['radio', 'phone', 'email', 'in_person', 'paper', 'fax', 'digital', 'other'] as const;

/** ICS 213 General Message, blocks 1-10, as recorded; the reply (blocks 9-10) is added once. */
export const messageSchema = lazySchema(() => z.object({
  id: z.string(),
  incidentId: z.string(),
  direction: z.enum(['in', 'out']),
  via: z.enum(MESSAGE_VIA),
  /** HICS 213 adds a priority; routine unless stated. */
  priority: z.enum(['routine', 'urgent', 'immediate']),
  /** Block 2. */
  toName: z.string(),
  toPosition: z.string(),
  /** Block 3. */
  fromName: z.string(),
  fromPosition: z.string(),
  /** Block 4. */
  subject: z.string(),
  /** Blocks 5-6: the actual time, even when typed in later from phone or radio. */
  messageAt: epochMs(),
  /** Block 7. */
  body: z.string(),
  /** Block 8. */
  approvedByName: z.string().nullable(),
  approvedByPosition: z.string().nullable(),
  /**
   * The position log the message is linked into: it shows in that log, the timeline
   * and the position's ICS 214 as a row of its own (not copied into an entry).
   */
  positionId: z.string(),
  positionTitle: z.string(),
  recordedAt: epochMs(),
  transcribed: z.boolean(),
  operatorName: z.string().nullable(),
  operatorPositionTitle: z.string().nullable(),
  /** Blocks 9-10. */
  reply: z
    .object({
      id: z.string(),
      text: z.string(),
      repliedByName: z.string(),
      repliedByPosition: z.string(),
      repliedAt: epochMs(),
      recordedAt: epochMs(),
    })
    .nullable(),
}));
export type Message = z.infer<typeof messageSchema>;

const name = (label: string) => text(label, 80);
const position = (label: string) => text(label, 120);

export const messageMethods = {
  /** Records an ICS 213 in or out and links it into the position's log. */
  'message.record': write(
    () => z
      .object({
        incidentId: uuid('Incident'),
        direction: z.enum(['in', 'out'], { error: 'Say whether the message came in or went out' }),
        via: z.enum(MESSAGE_VIA, { error: `How it came must be one of ${MESSAGE_VIA.join(', ')}` }),
        priority: z.enum(['routine', 'urgent', 'immediate']).default('routine'),
        toName: name('To (name)'),
        toPosition: position('To (position)'),
        fromName: name('From (name)'),
        fromPosition: position('From (position)'),
        subject: text('Subject', 200),
        body: text('Message', 8000),
        /** Default now; for phone and radio, the time it was actually said. */
        messageAt: recordTime('Message time').optional(),
        approvedByName: name('Approved by (name)').optional(),
        approvedByPosition: position('Approved by (position)').optional(),
        /** The log it goes into; default the operator's position. */
        positionId: uuid('Position').optional(),
      })
      .strict(),
    () => messageSchema,
  ),
  /** Adds blocks 9-10 to a message; once. A later reply is a new message. */
  'message.reply': write(
    () => z
      .object({
        messageId: uuid('Message'),
        reply: text('Reply', 8000),
        repliedByName: name('Replied by (name)').optional(),
        repliedByPosition: position('Replied by (position)').optional(),
        repliedAt: recordTime('Reply time').optional(),
      })
      .strict(),
    () => messageSchema,
  ),
  'message.get': read(() => z.object({ id: uuid('Message') }).strict(), () => messageSchema, {
    reads: ['messages', 'message_replies', 'positions'],
  }),
  /** Newest first, keyset-paged. */
  'message.list': read(
    () => z
      .object({
        incidentId: uuid('Incident'),
        direction: z.enum(['in', 'out']).optional(),
        limit: pageLimit,
        cursor: pageCursor.optional(),
      })
      .strict(),
    () => z.object({ messages: z.array(messageSchema), nextCursor: z.string().nullable() }),
    { reads: ['messages', 'message_replies', 'positions'] },
  ),
} as const;
