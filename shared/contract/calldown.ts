import { z } from 'zod';
import { CALL_OUTCOMES, CALL_OUTCOME_LABELS } from '../domain/calldown';
import { epochMs, read, text, uuid, write, lazySchema } from './define';
import { disciplineField, optionalField } from './directory';
import { printResultSchema } from './activation';
import { recordTime } from './incident';

export const calldownSourceInput = lazySchema(() => z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('disciplines'), disciplines: z.array(disciplineField).min(1, { error: 'Choose at least one discipline' }).max(12) }).strict(),
    z.object({ kind: z.literal('contacts'), contactIds: z.array(uuid('Contact')).min(1, { error: 'Choose at least one contact' }).max(300, { error: 'At most 300 contacts in one call-down' }) }).strict(),
    z.object({ kind: z.literal('sheet') }).strict(),
  ],
  { error: 'Say whom to call: by discipline, chosen contacts, or the activation sheet’s first calls' },
));

export const calldownTargetSchema = lazySchema(() => z.object({
  id: z.string(),
  ordinal: z.number().int(),
  contactId: z.string().nullable(),
  contactName: z.string(),
  organisationName: z.string(),
  discipline: z.string().nullable(),
  role: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum([...CALL_OUTCOMES, 'not_called']),
  statusLabel: z.string(),
  acknowledgedBy: z.string().nullable(),
  attempts: z.array(
    z.object({
      id: z.string(),
      outcome: z.enum(CALL_OUTCOMES),
      acknowledgedBy: z.string().nullable(),
      note: z.string().nullable(),
      occurredAt: epochMs(),
      operatorName: z.string().nullable(),
    }),
  ),
}));
export type CalldownTarget = z.infer<typeof calldownTargetSchema>;

export const calldownSummarySchema = lazySchema(() => z.object({
  id: z.string(),
  incidentId: z.string(),
  title: z.string(),
  source: z.string(),
  startedAt: epochMs(),
  operatorName: z.string().nullable(),
  total: z.number().int(),
  reached: z.number().int(),
  /** "2 of 5 reached" */
  progress: z.string(),
}));
export type CalldownSummary = z.infer<typeof calldownSummarySchema>;

const CALLDOWN_TABLES = ['calldowns', 'calldown_targets', 'calldown_attempts'];

export const callableContactSchema = lazySchema(() => z.object({
  id: z.string(),
  name: z.string(),
  role: z.string().nullable(),
  organisationName: z.string(),
  discipline: z.string(),
  phone24x7: z.string().nullable(),
}));
export type CallableContact = z.infer<typeof callableContactSchema>;

export const calldownMethods = {
  /** Every contact in the directory with its 24/7 number, for choosing whom to call. */
  'calldown.contacts': read(() => z.object({}).strict(), () => z.object({ contacts: z.array(callableContactSchema) }), { reads: ['contacts', 'organisations'] }),
  /** Starts a call-down for an incident; the list (names and numbers) is fixed as it starts. */
  'calldown.start': write(
    () => z.object({ incidentId: uuid('Incident'), title: text('Title', 120), source: calldownSourceInput }).strict(),
    () => z.object({ calldown: calldownSummarySchema, skipped: z.array(z.string()) }),
  ),
  'calldown.list': read(() => z.object({ incidentId: uuid('Incident') }).strict(), () => z.object({ calldowns: z.array(calldownSummarySchema) }), { reads: CALLDOWN_TABLES }),
  'calldown.get': read(
    () => z.object({ id: uuid('Call-down') }).strict(),
    () => z.object({ calldown: calldownSummarySchema, targets: z.array(calldownTargetSchema) }),
    { reads: CALLDOWN_TABLES },
  ),
  /** Records one call: a record of fact, never edited. */
  'calldown.attempt': write(
    () => z
      .object({
        calldownId: uuid('Call-down'),
        targetId: uuid('Contact on the list'),
        outcome: z.enum(CALL_OUTCOMES, { error: `Outcome must be one of: ${Object.values(CALL_OUTCOME_LABELS).join(', ')}` }),
        acknowledgedBy: optionalField('Acknowledged by', 120),
        note: optionalField('Note', 500),
        occurredAt: recordTime('Time of the call').optional(),
      })
      .strict(),
    () => z.object({ calldown: calldownSummarySchema }),
  ),
  /** The list on paper, with who is still to reach, for when the screens are down. Audited. */
  'calldown.print': write(() => z.object({ id: uuid('Call-down') }).strict(), () => printResultSchema),
} as const;
