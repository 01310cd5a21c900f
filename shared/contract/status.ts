import { z } from 'zod';
import { DISCIPLINES } from '../domain/disciplines';
import { FLAG_RULES, REPORT_SOURCES, SEVERITIES, STALENESS, STATUS_KINDS } from '../domain/status-rules';
import { optionalField, rowLimit } from './directory';
import { epochMs, read, text, uuid, write, lazySchema } from './define';
import { exportResultSchema } from './export';

const disciplineField = lazySchema(() => z.enum(DISCIPLINES, { error: 'Discipline is not one the console knows' }));
const stalenessField = lazySchema(() => z.enum(STALENESS));
const severityField = lazySchema(() => z.enum(SEVERITIES));

// ---------- catalogue ----------

export const statusChoiceSchema = lazySchema(() => z.object({
  value: text('Choice code', 40).regex(/^[a-z0-9_]+$/, { error: 'A choice code is lower-case letters, digits and _, such as on_diversion' }),
  label: text('Choice label', 60),
  severity: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], { error: 'Severity is 0 (normal), 1 (advisory), 2 (warning) or 3 (critical)' }),
}));

const minutes = (label: string) =>
  z
    .number({ error: `${label} must be a number of minutes` })
    .int({ error: `${label} must be whole minutes` })
    .min(5, { error: `${label} must be at least 5 minutes` })
    .max(60 * 24 * 31, { error: `${label} must be at most 31 days` });

export const statusTypeSchema = lazySchema(() => z.object({
  id: z.string(),
  code: z.string(),
  label: z.string(),
  group: z.string(),
  ordinal: z.number().int(),
  kind: z.enum(STATUS_KINDS),
  unit: z.string().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  choices: z.array(statusChoiceSchema),
  baselineTypeId: z.string().nullable(),
  jumpShare: z.number().nullable(),
  /** Whether region totals add this value up: never for unlike units such as hours or days. */
  aggregate: z.enum(['sum', 'none']),
  /** Reporting interval in minutes per activation level id. */
  intervals: z.record(z.string(), z.number().int()),
  defaultInterval: z.number().int(),
  /** The interval at the coalition's activation level now. */
  intervalNow: z.number().int(),
  haveField: z.string().nullable(),
  disciplines: z.array(disciplineField),
}));
export type StatusType = z.infer<typeof statusTypeSchema>;

export const statusTypeInput = lazySchema(() => z
  .object({
    /** Absent: a new status type. */
    id: uuid('Status type').optional(),
    /** Stable code for files and imports; fixed once created. */
    code: text('Code', 60)
      .regex(/^[a-z0-9_.]+$/, { error: 'The code is lower-case letters, digits, dots and _, such as beds.burn.available' })
      .optional(),
    label: text('Label', 80),
    group: text('Group', 40),
    kind: z.enum(STATUS_KINDS, { error: 'Kind must be number, choice, yes_no, text or datetime' }),
    unit: optionalField('Unit', 20),
    min: z.number({ error: 'Lowest plausible value must be a number' }).nullish(),
    max: z.number({ error: 'Highest plausible value must be a number' }).nullish(),
    choices: z.array(statusChoiceSchema, { error: 'Choices must be a list' }).max(12, { error: 'At most 12 choices' }).default([]),
    baselineTypeId: uuid('Baseline status type').nullish(),
    jumpShare: z.number({ error: 'Largest plausible change must be a share such as 0.5' }).min(0.05, { error: 'Largest plausible change must be at least 5%' }).max(10, { error: 'Largest plausible change must be at most 1000%' }).nullish(),
    aggregate: z.enum(['sum', 'none'], { error: 'Totals must be sum or none' }).default('none'),
    intervals: z.record(uuid('Activation level'), minutes('Reporting interval')).default({}),
    defaultInterval: minutes('Default reporting interval'),
    disciplines: z.array(disciplineField).max(12).default([]),
  })
  .strict()
  .refine((t) => t.kind !== 'choice' || t.choices.length >= 2, { error: 'A choice needs at least two choices', path: ['choices'] })
  .refine((t) => t.min == null || t.max == null || t.min <= t.max, { error: 'The lowest plausible value is above the highest', path: ['min'] }));
export type StatusTypeInput = z.input<typeof statusTypeInput>;

const levelSchema = lazySchema(() => z.object({ id: z.string(), name: z.string(), rank: z.number().int() }));

// ---------- values and reports ----------

/** A value as typed: a number (or a time in ms), a choice code, yes/no, or text. */
export const statusValueInput = lazySchema(() => z
  .object({
    typeId: uuid('Status type'),
    value: z.union([z.number({ error: 'Value must be a number' }).finite({ error: 'Value must be a finite number' }), z.boolean(), text('Value', 500)], {
      error: 'Value must be a number, yes/no or text',
    }),
  })
  .strict());

const confirmationInput = lazySchema(() => z
  .object({
    /** The flag's key as status.check gave it. */
    key: z.string({ error: 'Confirmation key must be text' }).regex(/^[0-9a-f-]{36}:[a-z_]+$/, { error: 'Confirmation key is not one status.check gave' }),
    reason: text('Reason for confirming', 300),
  })
  .strict());

const reportBody = {
  organisationId: uuid('Facility'),
  values: z
    .array(statusValueInput, { error: 'Values must be a list' })
    .min(1, { error: 'Enter at least one value: only what changed is needed' })
    .max(120, { error: 'At most 120 values in one report' }),
  confirmations: z.array(confirmationInput).max(120).default([]),
  reportedBy: optionalField('Reported by', 120),
  note: optionalField('Note', 2000),
};

export const statusReportInput = lazySchema(() => z
  .object({
    ...reportBody,
    /** When the facility gave the figures; absent means now. */
    occurredAt: epochMs('Time reported').optional(),
    source: z.enum(REPORT_SOURCES, { error: 'How it came must be phone, radio, email, in person, import or other' }),
    /** The status request this answers, when entered from it. */
    statusRequestId: uuid('Status request').optional(),
  })
  .strict());
export type StatusReportInput = z.input<typeof statusReportInput>;

export const flagSchema = lazySchema(() => z.object({ key: z.string(), typeId: z.string(), rule: z.enum(FLAG_RULES), message: z.string() }));
export type StatusFlag = z.infer<typeof flagSchema>;

export const currentValueSchema = lazySchema(() => z.object({
  typeId: z.string(),
  n: z.number().nullable(),
  s: z.string().nullable(),
  /** The value in words with its unit or choice label, e.g. "12 beds", "On diversion". */
  display: z.string(),
  occurredAt: epochMs(),
  ageMs: z.number(),
  staleness: stalenessField,
  reportId: z.string(),
}));
export type CurrentValue = z.infer<typeof currentValueSchema>;

export const headlineSchema = lazySchema(() => z.object({
  words: z.string(),
  severity: severityField,
  /** Of the values the words came from; null with no report. */
  staleness: stalenessField.nullable(),
  ageMs: z.number().nullable(),
}));

/** One facility's status at a glance: the read the board, the entry list and the map use. */
export const facilityStatusSchema = lazySchema(() => z.object({
  organisationId: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  discipline: disciplineField,
  disciplineLabel: z.string(),
  town: z.string(),
  region: z.string().nullable(),
  headline: headlineSchema,
  lastReportAt: epochMs().nullable(),
  /** Values of its EEI set that are STALE / OVERDUE / never reported. */
  stale: z.number().int(),
  overdue: z.number().int(),
  missing: z.number().int(),
}));
export type FacilityStatus = z.infer<typeof facilityStatusSchema>;

const contactLine = lazySchema(() => z.object({ name: z.string(), role: z.string().nullable(), phone24x7: z.string().nullable(), radio: z.string().nullable() }));

export const reportSummarySchema = lazySchema(() => z.object({
  id: z.string(),
  organisationId: z.string(),
  occurredAt: epochMs(),
  recordedAt: epochMs(),
  source: z.enum(REPORT_SOURCES),
  reportedBy: z.string().nullable(),
  note: z.string().nullable(),
  operatorName: z.string().nullable(),
  positionTitle: z.string().nullable(),
  statusRequestId: z.string().nullable(),
  importRef: z.string().nullable(),
  values: z.array(z.object({ typeId: z.string(), label: z.string(), display: z.string() })),
  flags: z.array(z.object({ message: z.string(), reason: z.string() })),
}));
export type ReportSummary = z.infer<typeof reportSummarySchema>;

// ---------- status requests ----------

export const statusRequestInput = lazySchema(() => z
  .object({
    incidentId: uuid('Incident').optional(),
    title: text('Title', 160),
    message: optionalField('Message', 2000),
    typeIds: z.array(uuid('Status type')).min(1, { error: 'Choose at least one field to report' }).max(60, { error: 'At most 60 fields' }),
    /** Facilities by discipline, by region, or a list; together they add up. */
    disciplines: z.array(disciplineField).max(12).default([]),
    regions: z.array(text('Region', 80)).max(20).default([]),
    organisationIds: z.array(uuid('Facility')).max(1000).default([]),
    deadline: epochMs('Deadline'),
    /** When it went out; absent means now (a request sent by phone earlier may be entered late). */
    requestedAt: epochMs('Time requested').optional(),
  })
  .strict());
export type StatusRequestInput = z.input<typeof statusRequestInput>;

export const requestFiguresSchema = lazySchema(() => z.object({
  asked: z.number().int(),
  answered: z.number().int(),
  onTime: z.number().int(),
  /** HPP measure J.1: answered by the deadline / asked. */
  onTimeShare: z.number().nullable(),
  /** PM17/PM19: minutes from the request to the last facility's report; null while any is outstanding. */
  minutesToLast: z.number().int().nullable(),
  outstanding: z.number().int(),
}));

export const statusRequestSummarySchema = lazySchema(() => z.object({
  id: z.string(),
  incidentId: z.string().nullable(),
  title: z.string(),
  message: z.string().nullable(),
  selection: z.string(),
  requestedAt: epochMs(),
  deadline: epochMs(),
  typeIds: z.array(z.string()),
  typeLabels: z.array(z.string()),
  figures: requestFiguresSchema,
  /** Past its deadline with facilities outstanding. */
  late: z.boolean(),
  operatorName: z.string().nullable(),
}));
export type StatusRequestSummary = z.infer<typeof statusRequestSummarySchema>;

export const statusRequestDetailSchema = lazySchema(() => statusRequestSummarySchema.extend({
  facilities: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      disciplineLabel: z.string(),
      town: z.string(),
      answeredAt: epochMs().nullable(),
      reportId: z.string().nullable(),
      onTime: z.boolean().nullable(),
      responseMinutes: z.number().int().nullable(),
      contacts: z.array(contactLine),
    }),
  ),
  /** Share answered against time, one point per answer, from the request to now or the last answer. */
  curve: z.array(z.object({ at: epochMs(), share: z.number() })),
}));
export type StatusRequestDetail = z.infer<typeof statusRequestDetailSchema>;

// ---------- import ----------

export const IMPORT_FORMATS = ['have', 'csv'] as const;
/** HAVE documents and CSV sheets larger than this are refused unread. */
export const STATUS_IMPORT_MAX_CHARS = 2_000_000;
const importText = lazySchema(() => z
  .string({ error: 'The file must be text' })
  .min(1, { error: 'The file is empty' })
  .max(STATUS_IMPORT_MAX_CHARS, { error: `The file is too large: at most ${STATUS_IMPORT_MAX_CHARS.toLocaleString('en-US')} characters` }));

export const statusImportPreviewSchema = lazySchema(() => z.object({
  digest: z.string(),
  format: z.enum(IMPORT_FORMATS),
  /** The document's own id (HAVE: the distribution or file id). */
  documentId: z.string().nullable(),
  fileErrors: z.array(z.string()),
  rows: z.array(
    z.object({
      /** Line in the CSV, or position of the Hospital element in the document. */
      line: z.number().int(),
      name: z.string(),
      identifier: z.string().nullable(),
      organisationId: z.string().nullable(),
      matchedName: z.string().nullable(),
      matchedBy: z.enum(['identifier', 'name']).nullable(),
      occurredAt: epochMs().nullable(),
      values: z.array(z.object({ label: z.string(), display: z.string() })),
      problems: z.array(z.string()),
    }),
  ),
  unmatched: z.array(z.string()),
  reports: z.number().int(),
  canCommit: z.boolean(),
}));
export type StatusImportPreview = z.infer<typeof statusImportPreviewSchema>;

// ---------- methods ----------

const STATUS_TABLES = ['status_reports', 'status_types', 'eei_sets', 'organisations', 'incidents', 'activation_levels'];
const REQUEST_TABLES = [...STATUS_TABLES, 'status_requests', 'contacts'];
const selectFacilities = lazySchema(() => z
  .object({ discipline: disciplineField.optional(), search: optionalField('Search', 120), limit: rowLimit(5000, 2000) })
  .strict());

export const statusMethods = {
  /** The EEI catalogue: status types, the sets per discipline, and the level intervals are read at. */
  'status.catalogue': read(
    () => z.object({}).strict(),
    () => z.object({ types: z.array(statusTypeSchema), sets: z.array(z.object({ discipline: disciplineField, typeIds: z.array(z.string()) })), level: levelSchema.nullable(), levels: z.array(levelSchema) }),
    { reads: STATUS_TABLES },
  ),
  'status.saveType': write(() => statusTypeInput, () => z.object({ type: statusTypeSchema })),
  /**
   * Every facility's headline status in words, its severity and its staleness with the age.
   * The map colours facilities from this read.
   */
  'status.facilities': read(() => selectFacilities, () => z.object({ now: epochMs(), level: levelSchema.nullable(), facilities: z.array(facilityStatusSchema) }), { reads: STATUS_TABLES }),
  /** One facility for entry: its EEI set in order, each current value with its age, its 24/7 contacts. */
  'status.facility': read(
    () => z.object({ organisationId: uuid('Facility') }).strict(),
    () => z.object({
      now: epochMs(),
      facility: facilityStatusSchema,
      typeIds: z.array(z.string()),
      values: z.array(currentValueSchema),
      contacts: z.array(contactLine),
      lastReport: reportSummarySchema.nullable(),
    }),
    { reads: [...STATUS_TABLES, 'contacts'] },
  ),
  /** Current values of some facilities and types: what the entry grid shows as each cell's last value. */
  'status.currentValues': read(
    () => z
      .object({
        organisationIds: z.array(uuid('Facility')).max(2000, { error: 'At most 2,000 facilities' }),
        typeIds: z.array(uuid('Status type')).max(120, { error: 'At most 120 status types' }),
      })
      .strict(),
    () => z.object({ values: z.array(currentValueSchema.extend({ organisationId: z.string() })) }),
    { reads: STATUS_TABLES },
  ),
  /** The flags a report would raise, in words; writes nothing. */
  'status.check': read(
    () => z.object({ organisationId: uuid('Facility'), values: reportBody.values }).strict(),
    () => z.object({ flags: z.array(flagSchema) }),
    { reads: STATUS_TABLES },
  ),
  /** Records one facility's report. Refused while a flag is not confirmed with a reason. */
  'status.report': write(() => statusReportInput, () => z.object({ reportId: z.string(), flags: z.array(flagSchema) })),
  /** The entry grid: several facilities' reports in one go, all or none. */
  'status.reportMany': write(
    () => z
      .object({
        reports: z.array(z.object(reportBody).strict()).min(1, { error: 'Enter at least one facility' }).max(500, { error: 'At most 500 facilities at once' }),
        occurredAt: epochMs('Time reported').optional(),
        source: z.enum(REPORT_SOURCES, { error: 'How it came must be phone, radio, email, in person, import or other' }),
        statusRequestId: uuid('Status request').optional(),
      })
      .strict(),
    () => z.object({ reportIds: z.array(z.string()) }),
  ),
  'status.history': read(
    () => z.object({ organisationId: uuid('Facility'), limit: rowLimit(500, 50) }).strict(),
    () => z.object({ reports: z.array(reportSummarySchema) }),
    { reads: STATUS_TABLES },
  ),
  /** The situation board's facility part: region totals, facilities by condition, stale counts. */
  'status.board': read(
    () => z.object({}).strict(),
    () => z.object({
      now: epochMs(),
      level: levelSchema.nullable(),
      beds: z.array(
        z.object({
          typeId: z.string(),
          label: z.string(),
          available: z.number(),
          baseline: z.number().nullable(),
          reporting: z.number().int(),
          /** Change over the last 24 hours, or since the first report when that is later. */
          change: z.object({ delta: z.number(), since: epochMs() }).nullable(),
        }),
      ),
      totals: z.array(z.object({ typeId: z.string(), label: z.string(), unit: z.string().nullable(), total: z.number(), reporting: z.number().int() })),
      conditions: z.array(z.object({ words: z.string(), severity: severityField, facilities: z.array(z.object({ organisationId: z.string(), name: z.string(), staleness: stalenessField.nullable() })) })),
      facilities: z.number().int(),
      stale: z.number().int(),
      overdue: z.number().int(),
      neverReported: z.number().int(),
    }),
    { reads: STATUS_TABLES },
  ),
  /** Region totals of summed types over time (15-minute buckets, carried forward). */
  'status.trend': read(
    () => z
      .object({
        typeIds: z.array(uuid('Status type')).min(1, { error: 'Choose at least one status type' }).max(20),
        from: epochMs('From'),
        to: epochMs('To'),
      })
      .strict()
      .refine((x) => x.to > x.from, { error: 'The end of the range is before its start' }),
    () => z.object({
      series: z.array(z.object({ typeId: z.string(), label: z.string(), unit: z.string().nullable(), points: z.array(z.object({ at: epochMs(), total: z.number(), reporting: z.number().int() })) })),
    }),
    { reads: STATUS_TABLES },
  ),
  /** Facilities closed, evacuating, on diversion and on generator over time. */
  'status.conditionsOverTime': read(
    () => z.object({ from: epochMs('From'), to: epochMs('To') }).strict().refine((x) => x.to > x.from, { error: 'The end of the range is before its start' }),
    () => z.object({ points: z.array(z.object({ at: epochMs(), counts: z.record(z.string(), z.number().int()) })), conditions: z.array(z.string()) }),
    { reads: STATUS_TABLES },
  ),
  'status.requestCreate': write(() => statusRequestInput, () => z.object({ request: statusRequestDetailSchema })),
  'status.requests': read(
    () => z.object({ incidentId: uuid('Incident').optional() }).strict(),
    () => z.object({ requests: z.array(statusRequestSummarySchema) }),
    { reads: REQUEST_TABLES },
  ),
  'status.request': read(() => z.object({ id: uuid('Status request') }).strict(), () => z.object({ request: statusRequestDetailSchema, now: epochMs() }), { reads: REQUEST_TABLES }),
  /** Current hospital status as EDXL-HAVE 1.0 in an EDXL-DE 1.0 envelope; audited. */
  'status.exportHave': write(() => z.object({}).strict(), () => exportResultSchema.extend({ hospitals: z.number().int() })),
  /** What importing a HAVE document or a CSV status sheet would do; writes nothing. */
  'status.importPreview': read(() => z.object({ format: z.enum(IMPORT_FORMATS), text: importText }).strict(), () => statusImportPreviewSchema, { reads: STATUS_TABLES }),
  /** Writes the previewed reports, keeping the document's times, or nothing. */
  'status.importCommit': write(
    () => z
      .object({
        format: z.enum(IMPORT_FORMATS),
        text: importText,
        digest: z.string({ error: 'Digest must be text' }).regex(/^[0-9a-f]{64}$/, { error: 'Preview the file first: the digest from the preview is missing' }),
      })
      .strict(),
    () => z.object({ reports: z.number().int(), skipped: z.array(z.string()) }),
  ),
} as const;
