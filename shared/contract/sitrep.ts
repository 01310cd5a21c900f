import { z } from 'zod';
import { SEVERITIES, STALENESS } from '../domain/status-rules';
import { epochMs, longText, read, uuid, write, lazySchema } from './define';
import { exportResultSchema } from './export';

export const PROGNOSES = ['improving', 'no_change', 'worsening'] as const;
export type Prognosis = (typeof PROGNOSES)[number];
export const PROGNOSIS_LABELS: Readonly<Record<Prognosis, string>> = { improving: 'Improving', no_change: 'No change', worsening: 'Worsening' };

/** What the record said when the report was drafted: the parts planning does not type. */
export const sitrepRecordSchema = lazySchema(() => z.object({
  asOf: epochMs(),
  /** Events and decisions are those since the last approved report (or the incident's start). */
  since: epochMs(),
  facilities: z.array(
    z.object({
      name: z.string(),
      disciplineLabel: z.string(),
      headline: z.string(),
      severity: z.enum(SEVERITIES),
      staleness: z.enum(STALENESS).nullable(),
      lastReportAt: epochMs().nullable(),
      /** The facility's notable values in words, e.g. "On generator, 36 hours of fuel". */
      detail: z.string(),
    }),
  ),
  beds: z.array(z.object({ label: z.string(), available: z.number(), baseline: z.number().nullable(), reporting: z.number().int() })),
  totals: z.array(z.object({ label: z.string(), unit: z.string().nullable(), total: z.number(), reporting: z.number().int() })),
  openRequests: z.array(z.object({ number: z.string(), organisation: z.string(), summary: z.string(), priority: z.string(), status: z.string(), requestedArrival: epochMs().nullable() })),
  events: z.array(z.object({ at: epochMs(), text: z.string(), by: z.string() })),
  decisions: z.array(z.object({ at: epochMs(), text: z.string(), by: z.string() })),
  statusRequests: z.array(z.object({ title: z.string(), asked: z.number().int(), onTime: z.number().int(), outstanding: z.number().int() })),
  stale: z.number().int(),
  overdue: z.number().int(),
}));
export type SitrepRecord = z.infer<typeof sitrepRecordSchema>;

/** The fields planning writes, as approved. */
export const sitrepFieldsSchema = lazySchema(() => z.object({
  summary: z.string(),
  needs12h: z.string(),
  needs24h: z.string(),
  needs48h: z.string(),
  needs72h: z.string(),
  objectivesNext: z.string(),
  prognosis: z.enum(PROGNOSES).nullable(),
}));
export type SitrepFields = z.infer<typeof sitrepFieldsSchema>;

/** The texts planning writes (the prognosis is a choice, not a text). */
export const SITREP_TEXT_FIELDS = ['summary', 'needs12h', 'needs24h', 'needs48h', 'needs72h', 'objectivesNext'] as const;
export type SitrepTextField = (typeof SITREP_TEXT_FIELDS)[number];
export const SITREP_TEXT_LABELS: Readonly<Record<SitrepTextField, string>> = {
  summary: 'Situation summary',
  needs12h: 'Needs within 12 hours',
  needs24h: 'Needs within 24 hours',
  needs48h: 'Needs within 48 hours',
  needs72h: 'Needs within 72 hours',
  objectivesNext: 'Objectives for the next period',
};

/**
 * A text planning edited that was written against figures the record no longer shows
 * (a refresh keeps edited text; it redrafts only what the console drafted). The report
 * cannot be approved until planning edits it, takes the redraft, or keeps it as written.
 */
export const sitrepTextCheckSchema = lazySchema(() => z.object({
  field: z.enum(SITREP_TEXT_FIELDS),
  /** The time of the record the text was written against. */
  writtenAgainst: epochMs(),
  /** What changed since, in words: "On diversion 1 → 4", "Adult ICU available 27 of 119 → 21 of 119". */
  changes: z.array(z.string()),
  /** The text the console drafts from the current record. */
  redraft: z.string(),
}));
export type SitrepTextCheck = z.infer<typeof sitrepTextCheckSchema>;

export const sitrepVersionSummarySchema = lazySchema(() => z.object({
  id: z.string(),
  version: z.number().int(),
  approvedAt: epochMs(),
  approvedBy: z.string().nullable(),
  positionTitle: z.string().nullable(),
  supersededById: z.string().nullable(),
}));

export const sitrepSchema = lazySchema(() => sitrepFieldsSchema.extend({
  id: z.string(),
  incidentId: z.string(),
  incidentName: z.string(),
  exercise: z.boolean(),
  periodId: z.string(),
  periodNumber: z.number().int(),
  periodStartsAt: epochMs(),
  periodEndsAt: epochMs(),
  record: sitrepRecordSchema,
  draftedAt: epochMs(),
  versions: z.array(sitrepVersionSummarySchema),
  /** The draft differs from the latest approved version (or none is approved yet). */
  unapprovedChanges: z.boolean(),
  /** Edited texts written against earlier figures: approval waits for each. */
  textChecks: z.array(sitrepTextCheckSchema),
}));
export type Sitrep = z.infer<typeof sitrepSchema>;

export const sitrepVersionSchema = lazySchema(() => sitrepVersionSummarySchema.extend({
  sitrepId: z.string(),
  incidentId: z.string(),
  incidentName: z.string(),
  exercise: z.boolean(),
  periodNumber: z.number().int(),
  periodStartsAt: epochMs(),
  periodEndsAt: epochMs(),
  fields: sitrepFieldsSchema,
  record: sitrepRecordSchema,
}));
export type SitrepVersion = z.infer<typeof sitrepVersionSchema>;

const field = (label: string) => longText(label, 8000).or(z.literal('')).optional();
const SITREP_TABLES = ['sitreps', 'sitrep_versions', 'periods', 'incidents'];

export const sitrepMethods = {
  'sitrep.list': read(
    () => z.object({ incidentId: uuid('Incident') }).strict(),
    () => z.object({
      sitreps: z.array(z.object({ id: z.string(), periodId: z.string(), periodNumber: z.number().int(), draftedAt: epochMs(), latestVersion: z.number().int().nullable(), unapprovedChanges: z.boolean() })),
    }),
    { reads: SITREP_TABLES },
  ),
  'sitrep.get': read(() => z.object({ id: uuid('Situation report') }).strict(), () => z.object({ sitrep: sitrepSchema }), { reads: SITREP_TABLES }),
  /**
   * Drafts the period's situation report from the record: opens it (pre-filled from the
   * record) or, when it exists, refreshes it: the record part, and each text the console
   * drafted that planning has not edited since; edited text is kept (and checked against
   * the new figures, see textChecks).
   */
  'sitrep.draft': write(() => z.object({ incidentId: uuid('Incident'), periodId: uuid('Operational period') }).strict(), () => z.object({ sitrep: sitrepSchema })),
  'sitrep.save': write(
    () => z
      .object({
        id: uuid('Situation report'),
        summary: field('Situation summary'),
        needs12h: field('Needs within 12 hours'),
        needs24h: field('Needs within 24 hours'),
        needs48h: field('Needs within 48 hours'),
        needs72h: field('Needs within 72 hours'),
        objectivesNext: field('Objectives for the next period'),
        prognosis: z.enum(PROGNOSES, { error: 'Prognosis must be improving, no change or worsening' }).nullish(),
        /** Texts planning read against the current figures and keeps as written. */
        keep: z.array(z.enum(SITREP_TEXT_FIELDS, { error: 'Unknown text of a situation report' })).max(SITREP_TEXT_FIELDS.length).optional(),
      })
      .strict(),
    () => z.object({ sitrep: sitrepSchema }),
  ),
  /**
   * Freezes the draft as the next version; the earlier approved version is superseded, never
   * changed. Refused while an edited text was written against figures that have changed.
   */
  'sitrep.approve': write(() => z.object({ id: uuid('Situation report') }).strict(), () => z.object({ version: sitrepVersionSchema })),
  'sitrep.version': read(() => z.object({ id: uuid('Approved version') }).strict(), () => z.object({ version: sitrepVersionSchema }), { reads: SITREP_TABLES }),
  /** An approved version as PDF or DOCX, marked exercise and demo like every export; audited. */
  'sitrep.export': write(() => z.object({ versionId: uuid('Approved version'), format: z.enum(['pdf', 'docx'], { error: 'Format must be pdf or docx' }) }).strict(), () => exportResultSchema),
} as const;
