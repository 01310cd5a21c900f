import { z } from 'zod';
import { PLAN_KINDS, PLAN_KIND_LABELS, PLAN_MAX_BASE64, PLAN_MAX_BYTES, REVIEW_STANDINGS, formatBytes } from '../domain/plan';
import { epochMs, read, text, uuid, write, lazySchema } from './define';
import { calendarDate, optionalField, rowLimit } from './directory';

export const planKindField = lazySchema(() => z.enum(PLAN_KINDS, { error: `Kind must be one of: ${Object.values(PLAN_KIND_LABELS).join(', ')}` }));

export const planVersionSchema = lazySchema(() => z.object({
  id: z.string(),
  planId: z.string(),
  versionLabel: z.string(),
  effectiveOn: z.string(),
  reviewOn: z.string().nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  /** ok: text found and indexed; no_text: a scan or empty file; unreadable: the file could not be read. */
  extraction: z.enum(['ok', 'no_text', 'unreadable']),
  extractionNote: z.string().nullable(),
  sections: z.number().int(),
  supersedesId: z.string().nullable(),
  supersededById: z.string().nullable(),
  note: z.string().nullable(),
  recordedAt: epochMs(),
  operatorName: z.string().nullable(),
}));
export type PlanVersion = z.infer<typeof planVersionSchema>;

export const planSchema = lazySchema(() => z.object({
  id: z.string(),
  title: z.string(),
  kind: planKindField,
  kindLabel: z.string(),
  owner: z.string(),
  /** The version in force: the one no later version supersedes. */
  current: planVersionSchema,
  versions: z.number().int(),
  review: z.object({ standing: z.enum(REVIEW_STANDINGS), label: z.string(), days: z.number().int().nullable() }),
  demo: z.boolean(),
}));
export type Plan = z.infer<typeof planSchema>;

export const planHitSchema = lazySchema(() => z.object({
  planId: z.string(),
  planTitle: z.string(),
  kindLabel: z.string(),
  versionId: z.string(),
  versionLabel: z.string(),
  current: z.boolean(),
  ordinal: z.number().int(),
  heading: z.string(),
  page: z.number().int().nullable(),
  /** The matching words, with the match between [[ and ]]. */
  snippet: z.string(),
}));
export type PlanHit = z.infer<typeof planHitSchema>;

export const planSectionSchema = lazySchema(() => z.object({
  ordinal: z.number().int(),
  heading: z.string(),
  page: z.number().int().nullable(),
}));

/** How a decision cites its authority: a section of one version of a plan. */
export const planCitationInput = lazySchema(() => z
  .object({ versionId: uuid('Plan version'), ordinal: z.number({ error: 'Section must be a number' }).int().min(0).max(100_000) })
  .strict());
export const planCitationSchema = lazySchema(() => z.object({
  planId: z.string(),
  versionId: z.string(),
  ordinal: z.number().int(),
  /** Frozen when the decision is recorded, e.g. "Coalition Response Plan v3.2, §4 Activation levels (p. 7)". */
  label: z.string(),
}));
export type PlanCitation = z.infer<typeof planCitationSchema>;

const base64File = lazySchema(() => z
  .string({ error: 'The file must be sent as base64 text' })
  .min(1, { error: 'The file is empty' })
  .max(PLAN_MAX_BASE64, { error: `The file is too large: the plans library takes documents up to ${formatBytes(PLAN_MAX_BYTES)}. Split the document or save it without embedded images, then try again.` })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'The file did not arrive whole (it is not valid base64); choose it again' }));

const PLAN_TABLES = ['plans', 'plan_versions', 'plan_sections', 'coalition'];

export const planMethods = {
  /** Plans in the library with the version in force and whether review is due. */
  'plan.list': read(
    () => z.object({ kind: planKindField.optional() }).strict(),
    () => z.object({ plans: z.array(planSchema), today: z.string(), reviewDue: z.number().int() }),
    { reads: PLAN_TABLES },
  ),
  /** A plan with every version, newest first. */
  'plan.get': read(() => z.object({ id: uuid('Plan') }).strict(), () => z.object({ plan: planSchema, versions: z.array(planVersionSchema) }), { reads: PLAN_TABLES }),
  /**
   * Adds a document: a new plan, or (with planId) a new version that supersedes the one
   * in force. The file is kept in the data folder under its SHA-256 and its text indexed
   * by section; a file whose text cannot be read is still kept, and says so.
   */
  'plan.upload': write(
    () => z
      .object({
        planId: uuid('Plan').optional(),
        title: text('Title', 200),
        kind: planKindField,
        owner: text('Owner', 120),
        versionLabel: text('Version', 40),
        effectiveOn: calendarDate('Effective date'),
        reviewOn: calendarDate('Review date').nullish(),
        fileName: text('File name', 255),
        base64: base64File,
        note: optionalField('Note', 1000),
      })
      .strict(),
    () => z.object({ plan: planSchema, version: planVersionSchema }),
  ),
  /** Full-text search over the plans' sections; the versions in force unless asked otherwise. */
  'plan.search': read(
    () => z
      .object({
        query: text('Search', 200),
        includeSuperseded: z.boolean().default(false),
        limit: rowLimit(200, 30),
      })
      .strict(),
    () => z.object({
      hits: z.array(planHitSchema),
      /** Sections matching, counted up to one more than are ranked. */
      matched: z.number().int(),
      /** False when so many sections match that the newest come first instead of the most relevant. */
      ranked: z.boolean(),
    }),
    { reads: PLAN_TABLES },
  ),
  /** A version's sections, in order (its table of contents). */
  'plan.sections': read(
    () => z.object({ versionId: uuid('Plan version') }).strict(),
    () => z.object({ plan: planSchema, version: planVersionSchema, sections: z.array(planSectionSchema) }),
    { reads: PLAN_TABLES },
  ),
  /** One section's text: what a decision's citation opens. */
  'plan.section': read(
    () => planCitationInput,
    () => z.object({
      plan: planSchema,
      version: planVersionSchema,
      section: planSectionSchema.extend({ body: z.string() }),
      previous: z.number().int().nullable(),
      next: z.number().int().nullable(),
    }),
    { reads: PLAN_TABLES },
  ),
  /** The document as uploaded, byte for byte. */
  'plan.file': read(
    () => z.object({ versionId: uuid('Plan version') }).strict(),
    () => z.object({ fileName: z.string(), mediaType: z.string(), base64: z.string(), sha256: z.string() }),
    { reads: ['plan_versions'] },
  ),
} as const;
