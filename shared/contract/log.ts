import { z } from 'zod';
import { ENTRY_SOURCES } from '../domain/incident-rules';
import { empty, epochMs, optionalNullishText, optionalText, read, text, uuid, write, lazySchema } from './define';
import { recordTime } from './incident';

export const entrySourceSchema = lazySchema(() => z.enum(ENTRY_SOURCES, {
  error: `Source must be one of ${ENTRY_SOURCES.join(', ')}`,
}));

/** Whether an entry is on the significant events board, waiting for approval, or neither. */
export const significanceSchema = lazySchema(() => z.enum(['none', 'proposed', 'approved', 'declined']));

/** One ICS 214 activity log row (block 7: Date/Time, Notable Activities) and its record. */
export const logEntrySchema = lazySchema(() => z.object({
  id: z.string(),
  incidentId: z.string(),
  /** The log (position or unit) the entry belongs to. */
  positionId: z.string(),
  positionCode: z.string(),
  positionTitle: z.string(),
  category: z.string(),
  text: z.string(),
  /** When it happened; earlier than recordedAt for transcribed entries. */
  occurredAt: epochMs(),
  recordedAt: epochMs(),
  source: entrySourceSchema,
  /** Typed from radio, phone, paper…, or recorded more than a minute after it happened. */
  transcribed: z.boolean(),
  /** The station, person or organisation a radio or phone entry was heard from. */
  heardFrom: z.string().nullable(),
  /** Set on a correction: the entry it corrects (which stays as it was). */
  correctsId: z.string().nullable(),
  /** The correction of this entry, if one was made. */
  correctedById: z.string().nullable(),
  operatorName: z.string().nullable(),
  operatorPositionTitle: z.string().nullable(),
  workstationId: z.string(),
  significance: significanceSchema,
}));
export type LogEntry = z.infer<typeof logEntrySchema>;

export const proposalSchema = lazySchema(() => z.object({
  id: z.string(),
  incidentId: z.string(),
  entry: logEntrySchema,
  note: z.string().nullable(),
  proposedBy: z.string().nullable(),
  proposedByPosition: z.string().nullable(),
  proposedAt: epochMs(),
  status: z.enum(['pending', 'approved', 'declined']),
  reviewedBy: z.string().nullable(),
  reviewedByPosition: z.string().nullable(),
  reviewedAt: epochMs().nullable(),
  reviewNote: z.string().nullable(),
}));
export type SignificantProposal = z.infer<typeof proposalSchema>;

const cursor = lazySchema(() => z
  .string({ error: 'Cursor must be text' })
  .max(200, { error: 'The page cursor is not valid; reload the list' })
  .regex(/^[A-Za-z0-9_-]*$/, { error: 'The page cursor is not valid; reload the list' }));
export const pageCursor = cursor;
export const pageLimit = lazySchema(() => z.number({ error: 'Limit must be a number' }).int().min(1).max(200).default(50));

const entryText = lazySchema(() => text('Entry text', 4000));
const category = lazySchema(() => text('Category', 60));
/** "Medic 12", "Baystate ED charge nurse": who was speaking, apart from what they said. */
const heardFrom = lazySchema(() => optionalNullishText('Heard from', 80));

export const logMethods = {
  /** Appends one entry to a position's log (default: the operator's own position). */
  'log.append': write(
    () => z
      .object({
        incidentId: uuid('Incident'),
        positionId: uuid('Position').optional(),
        category,
        text: entryText,
        /** Default now. An earlier time marks the entry as transcribed/late. */
        occurredAt: recordTime('Time it happened').optional(),
        source: entrySourceSchema.default('direct'),
        heardFrom,
      })
      .strict(),
    () => logEntrySchema,
  ),
  /**
   * Transcribes many entries at once (a paper ICS 214, a radio log): all are written or
   * none. The source must say where they came from.
   */
  'log.import': write(
    () => z
      .object({
        incidentId: uuid('Incident'),
        positionId: uuid('Position').optional(),
        source: entrySourceSchema.exclude(['direct'], { error: 'Imported entries need their source: radio, phone, paper, email, in_person or other' }),
        entries: z
          .array(z.object({ occurredAt: recordTime('Time it happened'), category, text: entryText, heardFrom }).strict())
          .min(1, { error: 'There are no entries to import' })
          .max(1000, { error: 'Import at most 1,000 entries at a time' }),
      })
      .strict(),
    () => z.object({ imported: z.number().int(), firstId: z.string(), lastId: z.string() }),
  ),
  /** A correction is a new entry linked to the original; the original never changes. */
  'log.correct': write(
    () => z
      .object({
        entryId: uuid('Entry'),
        text: entryText,
        category: category.optional(),
        /** Default: the original's time, since the correction is about the same event. */
        occurredAt: recordTime('Time it happened').optional(),
      })
      .strict(),
    () => z.object({ original: logEntrySchema, correction: logEntrySchema }),
  ),
  'log.get': read(
    () => z.object({ id: uuid('Entry') }).strict(),
    /** `chain` is the entry's whole correction history, original first. */
    () => z.object({ entry: logEntrySchema, chain: z.array(logEntrySchema) }),
    { reads: ['log_entries', 'significant_proposals', 'significant_reviews', 'positions'] },
  ),
  /** One position's log (or every log of the incident), oldest first, keyset-paged. */
  'log.list': read(
    () => z
      .object({
        incidentId: uuid('Incident'),
        positionId: uuid('Position').optional(),
        periodId: uuid('Operational period').optional(),
        limit: pageLimit,
        cursor: cursor.optional(),
      })
      .strict(),
    () => z.object({ entries: z.array(logEntrySchema), nextCursor: z.string().nullable() }),
    { reads: ['log_entries', 'significant_proposals', 'significant_reviews', 'positions', 'periods'] },
  ),
  /** Any operator may propose an entry for the significant events board. */
  'log.proposeSignificant': write(
    () => z.object({ entryId: uuid('Entry'), note: optionalText('Note', 500).optional() }).strict(),
    () => proposalSchema,
  ),
  /** Only the incident's designated position (Situation Unit Leader by default) may approve or decline. */
  'log.reviewSignificant': write(
    () => z
      .object({
        proposalId: uuid('Proposal'),
        approve: z.boolean({ error: 'Say whether to approve or decline' }),
        note: optionalText('Note', 500).optional(),
      })
      .strict(),
    () => proposalSchema,
  ),
  'log.proposals': read(
    () => z.object({ incidentId: uuid('Incident'), status: z.enum(['pending', 'all']).default('pending') }).strict(),
    () => z.object({ proposals: z.array(proposalSchema) }),
    { reads: ['significant_proposals', 'significant_reviews', 'log_entries'] },
  ),
  /** The coalition's ICS 214 categories, in its order: data it edits, not a fixed list. */
  'log.categories': read(() => empty, () => z.object({ categories: z.array(z.object({ id: z.string(), name: z.string() })) }), { public: true, reads: ['log_categories'] }),
  /** Adds a category, or renames one (by id). Entries keep the name they were written with. */
  'log.saveCategory': write(() => z.object({ id: uuid('Category').optional(), name: category }).strict(), () => z.object({ id: z.string(), name: z.string() })),
  'log.removeCategory': write(() => z.object({ id: uuid('Category') }).strict(), () => z.object({ removed: z.boolean() })),
  /** The significant events board: approved entries, oldest first. */
  'log.board': read(
    () => z.object({ incidentId: uuid('Incident') }).strict(),
    () => z.object({ events: z.array(proposalSchema) }),
    { reads: ['significant_proposals', 'significant_reviews', 'log_entries'] },
  ),
} as const;
