import { z } from 'zod';
import { epochMs, read, text, uuid, write, lazySchema } from './define';
import { recordTime } from './incident';
import { planCitationInput, planCitationSchema } from './plan';

export const decisionLinkSchema = lazySchema(() => z
  .object({
    type: z.enum(['entry', 'message', 'request', 'decision'], { error: 'A link is to an entry, a message, a request or a decision' }),
    id: uuid('Linked record'),
  })
  .strict());
export type DecisionLink = z.infer<typeof decisionLinkSchema>;

export const decisionOptionSchema = lazySchema(() => z
  .object({
    text: text('Option', 1000),
    /** The option taken; at most one. */
    chosen: z.boolean().default(false),
  })
  .strict());

/** Taken automatically when a decision is recorded: what the situation was then. */
export const situationSnapshotSchema = lazySchema(() => z.object({
  capturedAt: epochMs(),
  activationLevel: z.string(),
  currentPeriod: z.object({ id: z.string(), number: z.number().int(), startsAt: epochMs(), endsAt: epochMs() }).nullable(),
  /** Open resource requests; null where the requests module is not installed. */
  openRequests: z.number().int().nullable(),
  logEntries: z.number().int(),
  logEntriesLastHour: z.number().int(),
  significantEvents: z.number().int(),
  pendingProposals: z.number().int(),
  messages: z.number().int(),
  decisionsInForce: z.number().int(),
}));
export type SituationSnapshot = z.infer<typeof situationSnapshotSchema>;

export const decisionSchema = lazySchema(() => z.object({
  id: z.string(),
  incidentId: z.string(),
  title: z.string(),
  decision: z.string(),
  options: z.array(z.object({ text: z.string(), chosen: z.boolean() })),
  rationale: z.string(),
  /** The plan, policy, order or delegation under which it was made. */
  authority: z.string(),
  madeByName: z.string(),
  madeByPositionId: z.string(),
  madeByPositionTitle: z.string(),
  decidedAt: epochMs(),
  recordedAt: epochMs(),
  operatorName: z.string().nullable(),
  operatorPositionTitle: z.string().nullable(),
  links: z.array(z.object({ type: z.enum(['entry', 'message', 'request', 'decision']), id: z.string(), label: z.string() })),
  snapshot: situationSnapshotSchema,
  /** The plan section cited as the authority, if any: opens from the decision. */
  citation: planCitationSchema.nullable(),
  supersedesId: z.string().nullable(),
  supersededById: z.string().nullable(),
}));
export type Decision = z.infer<typeof decisionSchema>;

export const decisionMethods = {
  /**
   * Records a decision; never edited afterwards. With `supersedesId` it replaces an
   * earlier decision in force (each can be superseded once).
   */
  'decision.record': write(
    () => z
      .object({
        incidentId: uuid('Incident'),
        title: text('Decision title', 200),
        decision: text('Decision', 4000),
        options: z.array(decisionOptionSchema).max(20, { error: 'At most 20 options' }).default([]),
        rationale: text('Rationale', 4000),
        authority: text('Authority', 500),
        /** Default: the operator signed in. */
        madeByName: text('Made by', 80).optional(),
        madeByPositionId: uuid('Position of the decision maker').optional(),
        decidedAt: recordTime('Time of the decision').optional(),
        links: z.array(decisionLinkSchema).max(50, { error: 'At most 50 links' }).default([]),
        /** A section of a plan in the library, cited beside the authority text. */
        citation: planCitationInput.optional(),
        supersedesId: uuid('Superseded decision').optional(),
      })
      .strict(),
    () => decisionSchema,
  ),
  'decision.list': read(
    () => z.object({ incidentId: uuid('Incident'), includeSuperseded: z.boolean().default(true) }).strict(),
    () => z.object({ decisions: z.array(decisionSchema) }),
    { reads: ['decisions', 'positions', 'decision_citations'] },
  ),
  /** `chain` is the decision's supersede history, first decision first. */
  'decision.get': read(
    () => z.object({ id: uuid('Decision') }).strict(),
    () => z.object({ decision: decisionSchema, chain: z.array(decisionSchema) }),
    { reads: ['decisions', 'positions', 'decision_citations'] },
  ),
} as const;
