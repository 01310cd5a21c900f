import { z } from 'zod';
import { epochMs, optionalText, read, text, uuid, lazySchema } from './define';
import { recordTime } from './incident';
import { entrySourceSchema, pageCursor } from './log';

/** Every kind of record the timeline shows. */
export const TIMELINE_KINDS = ['entry', 'decision', 'message', 'reply', 'proposal', 'review', 'tick', 'request', 'staffing'] as const;
export const timelineKindSchema = lazySchema(() => z.enum(TIMELINE_KINDS, { error: `Type must be one of ${TIMELINE_KINDS.join(', ')}` }));
export type TimelineKind = z.infer<typeof timelineKindSchema>;

/** Tables whose inserts change the timeline: what a cached timeline read depends on. */
export const TIMELINE_TABLES = [
  'log_entries',
  'decisions',
  'messages',
  'message_replies',
  'significant_proposals',
  'significant_reviews',
  'checklist_ticks',
  'request_events',
  'audit_entries',
] as const;

export const timelineFiltersSchema = lazySchema(() => z
  .object({
    /** One or more kinds; none means all. */
    kinds: z.array(timelineKindSchema).max(TIMELINE_KINDS.length).optional(),
    /** The position whose record it is (the log's position, the decision maker's…). */
    positionId: uuid('Position').optional(),
    /** Exactly as recorded (operator names are free text). */
    operatorName: text('Operator name', 80).optional(),
    /** Records whose time falls inside the operational period. */
    periodId: uuid('Operational period').optional(),
    category: text('Category', 60).optional(),
    /**
     * Words to find (full-text, every word must appear; end a word with * to match its
     * beginning). Searches entries, decisions, messages and replies.
     */
    text: optionalText('Search text', 200).optional(),
    from: recordTime('From').optional(),
    to: recordTime('To').optional(),
  })
  .strict());
export type TimelineFilters = z.infer<typeof timelineFiltersSchema>;

export const timelineItemSchema = lazySchema(() => z.object({
  kind: timelineKindSchema,
  /** The record's id: fetch it with log.get, decision.get, message.get. */
  id: z.string(),
  occurredAt: epochMs(),
  recordedAt: epochMs(),
  positionId: z.string().nullable(),
  positionTitle: z.string().nullable(),
  operatorName: z.string().nullable(),
  operatorPositionTitle: z.string().nullable(),
  category: z.string().nullable(),
  /** The record's text, shortened to 500 characters for the list. */
  summary: z.string(),
  source: entrySourceSchema.nullable(),
  transcribed: z.boolean(),
  /** The entry this corrects, the decision this supersedes, the message replied to, the entry proposed/reviewed. */
  refId: z.string().nullable(),
  /** An entry that has a correction, or a decision that was superseded. */
  replaced: z.boolean(),
  /** An entry approved onto the significant events board. */
  significant: z.boolean(),
}));
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const timelineMethods = {
  /**
   * One page of an incident's records in time order, filtered. Keyset-paged: pass
   * `nextCursor` back with the same filters and order for the next page; null at the end.
   */
  'timeline.page': read(
    () => z
      .object({
        incidentId: uuid('Incident'),
        filters: timelineFiltersSchema.default({}),
        order: z.enum(['newest', 'oldest']).default('newest'),
        limit: z.number({ error: 'Limit must be a number' }).int().min(1).max(200).default(50),
        cursor: pageCursor.optional(),
      })
      .strict(),
    () => z.object({ items: z.array(timelineItemSchema), nextCursor: z.string().nullable(), exercise: z.boolean() }),
    { reads: [...TIMELINE_TABLES, 'positions', 'incidents', 'periods'] },
  ),
  /** Values present in the incident's records, for the filter pickers. */
  'timeline.facets': read(
    () => z.object({ incidentId: uuid('Incident') }).strict(),
    () => z.object({
      positions: z.array(z.object({ id: z.string(), code: z.string(), title: z.string() })),
      operators: z.array(z.string()),
      categories: z.array(z.string()),
      periods: z.array(z.object({ id: z.string(), number: z.number().int(), startsAt: epochMs(), endsAt: epochMs() })),
      total: z.number().int(),
    }),
    { reads: [...TIMELINE_TABLES, 'positions', 'periods'] },
  ),
} as const;
