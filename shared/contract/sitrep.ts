import { z } from 'zod';
import { SEVERITIES, STALENESS } from '../domain/status-rules';
import { epochMs, longText, read, uuid, write } from './define';
import { exportResultSchema } from './export';

export const PROGNOSES = ['improving', 'no_change', 'worsening'] as const;
export type Prognosis = (typeof PROGNOSES)[number];
export const PROGNOSIS_LABELS: Readonly<Record<Prognosis, string>> = { improving: 'Improving', no_change: 'No change', worsening: 'Worsening' };

/** What the record said when the report was drafted: the parts planning does not type. */
export const sitrepRecordSchema = z.object({
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
});
export type SitrepRecord = z.infer<typeof sitrepRecordSchema>;

/** The fields planning writes, as approved. */
export const sitrepFieldsSchema = z.object({
  summary: z.string(),
  needs12h: z.string(),
  needs24h: z.string(),
  needs48h: z.string(),
  needs72h: z.string(),
  objectivesNext: z.string(),
  prognosis: z.enum(PROGNOSES).nullable(),
});
export type SitrepFields = z.infer<typeof sitrepFieldsSchema>;

export const sitrepVersionSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  approvedAt: epochMs(),
  approvedBy: z.string().nullable(),
  positionTitle: z.string().nullable(),
  supersededById: z.string().nullable(),
});

export const sitrepSchema = sitrepFieldsSchema.extend({
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
});
export type Sitrep = z.infer<typeof sitrepSchema>;

export const sitrepVersionSchema = sitrepVersionSummarySchema.extend({
  sitrepId: z.string(),
  incidentId: z.string(),
  incidentName: z.string(),
  exercise: z.boolean(),
  periodNumber: z.number().int(),
  periodStartsAt: epochMs(),
  periodEndsAt: epochMs(),
  fields: sitrepFieldsSchema,
  record: sitrepRecordSchema,
});
export type SitrepVersion = z.infer<typeof sitrepVersionSchema>;

const field = (label: string) => longText(label, 8000).or(z.literal('')).optional();
const SITREP_TABLES = ['sitreps', 'sitrep_versions', 'periods', 'incidents'];

export const sitrepMethods = {
  'sitrep.list': read(
    z.object({ incidentId: uuid('Incident') }).strict(),
    z.object({
      sitreps: z.array(z.object({ id: z.string(), periodId: z.string(), periodNumber: z.number().int(), draftedAt: epochMs(), latestVersion: z.number().int().nullable(), unapprovedChanges: z.boolean() })),
    }),
    { reads: SITREP_TABLES },
  ),
  'sitrep.get': read(z.object({ id: uuid('Situation report') }).strict(), z.object({ sitrep: sitrepSchema }), { reads: SITREP_TABLES }),
  /**
   * Drafts the period's situation report from the record: opens it (pre-filled from the
   * record) or, when it exists, refreshes only the record part; planning's text is kept.
   */
  'sitrep.draft': write(z.object({ incidentId: uuid('Incident'), periodId: uuid('Operational period') }).strict(), z.object({ sitrep: sitrepSchema })),
  'sitrep.save': write(
    z
      .object({
        id: uuid('Situation report'),
        summary: field('Situation summary'),
        needs12h: field('Needs within 12 hours'),
        needs24h: field('Needs within 24 hours'),
        needs48h: field('Needs within 48 hours'),
        needs72h: field('Needs within 72 hours'),
        objectivesNext: field('Objectives for the next period'),
        prognosis: z.enum(PROGNOSES, { error: 'Prognosis must be improving, no change or worsening' }).nullish(),
      })
      .strict(),
    z.object({ sitrep: sitrepSchema }),
  ),
  /** Freezes the draft as the next version; the earlier approved version is superseded, never changed. */
  'sitrep.approve': write(z.object({ id: uuid('Situation report') }).strict(), z.object({ version: sitrepVersionSchema })),
  'sitrep.version': read(z.object({ id: uuid('Approved version') }).strict(), z.object({ version: sitrepVersionSchema }), { reads: SITREP_TABLES }),
  /** An approved version as PDF or DOCX, marked exercise and demo like every export; audited. */
  'sitrep.export': write(z.object({ versionId: uuid('Approved version'), format: z.enum(['pdf', 'docx'], { error: 'Format must be pdf or docx' }) }).strict(), exportResultSchema),
} as const;
