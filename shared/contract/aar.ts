import { z } from 'zod';
import { ACTION_STATUSES, AAR_SECTION_KEYS, ELEMENTS, MISSION_AREAS, OBSERVATION_KINDS, OBSERVATION_STATUSES, RATINGS } from '../domain/aar-outline';
import { empty, epochMs, optionalText, read, text, uuid, write, lazySchema } from './define';

/** A calendar day, YYYY-MM-DD, as typed on an improvement plan or a training calendar. */
export const isoDay = (label: string) =>
  z
    .string({ error: `${label} must be a date` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} must be a date written YYYY-MM-DD` })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      error: `${label} is not a real calendar date`,
    });

/** Optional operator text up to a paragraph's length: empty (it clears), or clean text. */
export const optionalLongText = (label: string, max = 4000) => optionalText(label, max);

export const capabilitySchema = lazySchema(() => z.object({
  id: z.string(),
  frameworkId: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  ordinal: z.number().int(),
}));
export type Capability = z.infer<typeof capabilitySchema>;

export const frameworkSchema = lazySchema(() => z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  description: z.string(),
  builtin: z.boolean(),
  /** Capabilities, then their objectives, in catalogue order. */
  capabilities: z.array(capabilitySchema),
}));
export type Framework = z.infer<typeof frameworkSchema>;

/** A record behind an observation or a figure; the renderer opens it in a drawer. */
export const evidenceSchema = lazySchema(() => z.object({
  type: z.enum(['entry', 'decision', 'message', 'request', 'period']),
  id: z.string(),
  label: z.string(),
}));
export type Evidence = z.infer<typeof evidenceSchema>;

export const revisionSchema = lazySchema(() => z.object({
  id: z.string(),
  section: z.enum(AAR_SECTION_KEYS),
  text: z.string(),
  baseIds: z.array(z.string()),
  operatorName: z.string().nullable(),
  positionTitle: z.string().nullable(),
  workstationId: z.string(),
  at: epochMs(),
}));
export type Revision = z.infer<typeof revisionSchema>;

/**
 * A narrative section as it stands: its current revision(s). More than one head means two
 * planners saved concurrently, each from the same earlier text: both are kept and shown
 * until someone saves a text that replaces them all.
 */
export const sectionSchema = lazySchema(() => z.object({
  key: z.enum(AAR_SECTION_KEYS),
  title: z.string(),
  heads: z.array(revisionSchema),
  revisions: z.number().int(),
}));
export type AarSection = z.infer<typeof sectionSchema>;

export const ratingRowSchema = lazySchema(() => z.object({
  id: z.string(),
  objectiveId: z.string(),
  capabilityId: z.string(),
  capabilityLabel: z.string(),
  rating: z.enum(RATINGS).nullable(),
}));

export const aarObjectiveSchema = lazySchema(() => z.object({
  id: z.string(),
  ordinal: z.number().int(),
  text: z.string(),
  source: z.enum(['exercise', 'period', 'planner']),
  ratings: z.array(ratingRowSchema),
}));
export type AarObjective = z.infer<typeof aarObjectiveSchema>;

export const recurrenceSchema = lazySchema(() => z.object({
  observationId: z.string(),
  incidentId: z.string(),
  incidentName: z.string(),
  exercise: z.boolean(),
  startedAt: epochMs(),
  title: z.string(),
}));

export const observationSchema = lazySchema(() => z.object({
  id: z.string(),
  reportId: z.string(),
  kind: z.enum(OBSERVATION_KINDS),
  status: z.enum(OBSERVATION_STATUSES),
  /** The drafting rule that proposed it; null for one the planner wrote. */
  ruleKey: z.string().nullable(),
  objectiveId: z.string().nullable(),
  capabilityId: z.string().nullable(),
  capabilityLabel: z.string().nullable(),
  title: z.string(),
  reference: z.string(),
  analysis: z.string(),
  rootCause: z.string(),
  evidence: z.array(evidenceSchema),
  /** Earlier events where the same area for improvement was found. */
  recurrences: z.array(recurrenceSchema),
}));
export type Observation = z.infer<typeof observationSchema>;

export const actionEventSchema = lazySchema(() => z.object({
  id: z.string(),
  status: z.enum(ACTION_STATUSES),
  note: z.string().nullable(),
  operatorName: z.string().nullable(),
  positionTitle: z.string().nullable(),
  at: epochMs(),
}));

export const correctiveActionSchema = lazySchema(() => z.object({
  id: z.string(),
  reportId: z.string(),
  incidentId: z.string(),
  incidentName: z.string(),
  exercise: z.boolean(),
  observationId: z.string(),
  observationTitle: z.string(),
  capabilityId: z.string().nullable(),
  capabilityLabel: z.string().nullable(),
  element: z.enum(ELEMENTS),
  action: z.string(),
  responsibleOrgId: z.string().nullable(),
  responsibleOrgName: z.string().nullable(),
  poc: z.string(),
  startOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  /** From the newest status event, with who set it and when. */
  status: z.enum(ACTION_STATUSES),
  statusBy: z.string().nullable(),
  statusAt: epochMs(),
  overdue: z.boolean(),
  /** Days past due (overdue) or left (open); null without a due date. */
  daysFromDue: z.number().int().nullable(),
  recurring: z.boolean(),
  history: z.array(actionEventSchema),
}));
export type CorrectiveAction = z.infer<typeof correctiveActionSchema>;

export const reportSchema = lazySchema(() => z.object({
  id: z.string(),
  incidentId: z.string(),
  incidentName: z.string(),
  exercise: z.boolean(),
  incidentStatus: z.enum(['open', 'closed']),
  startedAt: epochMs(),
  endedAt: epochMs().nullable(),
  exerciseId: z.string().nullable(),
  frameworkId: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'final']),
  /** Protective marking printed on every page, e.g. "For Official Use Only". */
  marking: z.string(),
  missionAreas: z.array(z.enum(MISSION_AREAS)),
  createdAt: epochMs(),
  /**
   * A final report: when it was made final and by whom (name and position), and whether it
   * says something else than it did then (an edit saved on another workstation that had not
   * yet received the Final, merged in when it arrived), and whether the figures it read from
   * the record were kept then (false for a report made final before they were: they are read
   * now); null for a draft.
   */
  finalSince: z.object({ at: epochMs(), by: z.string(), changed: z.boolean(), figuresKept: z.boolean() }).nullable(),
}));
export type AarReport = z.infer<typeof reportSchema>;

export const participantSchema = lazySchema(() => z.object({
  name: z.string(),
  role: z.string(),
  /** The organisation taking part (a person's home agency), for the overview's list. */
  organisation: z.string().nullable(),
  attended: z.boolean().nullable(),
}));

export const reportViewSchema = lazySchema(() => z.object({
  report: reportSchema,
  sections: z.array(sectionSchema),
  objectives: z.array(aarObjectiveSchema),
  observations: z.array(observationSchema),
  actions: z.array(correctiveActionSchema),
  /** Appendix B: from the exercise roster, or for an incident from the record. */
  participants: z.array(participantSchema),
  demo: z.boolean(),
  today: z.string(),
}));
export type AarReportView = z.infer<typeof reportViewSchema>;

/** One table of figures drafted from the record, with the record behind each row. */
export const recordTableSchema = lazySchema(() => z.object({
  key: z.string(),
  /** The domain it was read from: a new source (facility status) adds its own tables. */
  source: z.string(),
  title: z.string(),
  intro: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.object({ cells: z.array(z.string()), evidence: z.array(evidenceSchema) })),
}));
export type RecordTable = z.infer<typeof recordTableSchema>;

export const aarExportSchema = lazySchema(() => z.object({
  fileName: z.string(),
  mimeType: z.enum(['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf', 'text/csv']),
  base64: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
}));
export type AarExport = z.infer<typeof aarExportSchema>;

const reportId = lazySchema(() => uuid('After-action report'));
const AAR_READS = [
  'aar_reports',
  'aar_section_revisions',
  'aar_objectives',
  'aar_ratings',
  'aar_observations',
  'aar_actions',
  'aar_action_events',
  'capabilities',
  'organisations',
  'incidents',
  'exercises',
  'exercise_participants',
] as const;

const observationFields = {
  kind: z.enum(OBSERVATION_KINDS, { error: 'An observation is a strength or an area for improvement' }),
  objectiveId: uuid('Objective').nullable().optional(),
  capabilityId: uuid('Capability').nullable().optional(),
  title: text('Observation title', 300),
  reference: optionalLongText('Reference').optional(),
  analysis: optionalLongText('Analysis', 20000).optional(),
  rootCause: optionalLongText('Root cause').optional(),
};

export const aarMethods = {
  'aar.frameworks': read(() => empty, () => z.object({ frameworks: z.array(frameworkSchema) }), { reads: ['capability_frameworks', 'capabilities'] }),
  /** A coalition's own framework (no id), or renaming one. */
  'aar.saveFramework': write(
    () => z
      .object({
        id: uuid('Framework').optional(),
        name: text('Framework name', 160),
        shortName: text('Short name', 40),
        description: optionalLongText('Description', 2000).default(''),
      })
      .strict(),
    () => z.object({ id: z.string() }),
  ),
  'aar.saveCapability': write(
    () => z
      .object({
        id: uuid('Capability').optional(),
        frameworkId: uuid('Framework'),
        parentId: uuid('Parent capability').nullable().default(null),
        code: text('Code', 20),
        title: text('Capability title', 200),
        description: optionalLongText('Description', 2000).default(''),
      })
      .strict(),
    () => z.object({ id: z.string() }),
  ),
  /** Refused while a report rates against it or an action names it. */
  'aar.removeCapability': write(() => z.object({ id: uuid('Capability') }).strict(), () => z.object({ removed: z.boolean() })),

  /** Every report, newest event first. */
  'aar.list': read(
    () => empty,
    () => z.object({
      reports: z.array(reportSchema.extend({ observations: z.number().int(), actions: z.number().int(), openActions: z.number().int() })),
    }),
    { reads: AAR_READS },
  ),
  /**
   * Starts the report of an incident (or refreshes its draft): objectives from the exercise
   * plan or the incident's periods, drafted section text, and candidate observations from
   * the record. The planner's work is never overwritten: accepted or dismissed candidates,
   * edited sections and added rows stay as they are.
   */
  'aar.draft': write(
    () => z.object({ incidentId: uuid('Incident'), frameworkId: uuid('Framework').optional() }).strict(),
    () => z.object({ reportId: z.string(), created: z.boolean(), candidates: z.number().int(), newCandidates: z.number().int() }),
  ),
  'aar.get': read(() => z.object({ incidentId: uuid('Incident') }).strict(), () => z.object({ view: reportViewSchema.nullable() }), { reads: AAR_READS }),
  /**
   * The figures drafted from the record: read from each domain now, or for a final report
   * those kept when it was made final (`frozen`: when, and the end of the span they cover).
   */
  'aar.record': read(
    () => z.object({ incidentId: uuid('Incident') }).strict(),
    () => z.object({ tables: z.array(recordTableSchema), sources: z.array(z.string()), frozen: z.object({ at: z.number(), until: z.number() }).nullable() }),
    { reads: ['aar_reports', 'incidents', 'periods', 'objectives', 'staffing', 'decisions', 'requests', 'request_events', 'request_fills', 'significant_reviews', 'significant_proposals'] },
  ),
  'aar.update': write(
    () => z
      .object({
        reportId,
        title: text('Report title', 200).optional(),
        frameworkId: uuid('Framework').optional(),
        status: z.enum(['draft', 'final']).optional(),
        marking: optionalLongText('Handling marking', 120).optional(),
        missionAreas: z.array(z.enum(MISSION_AREAS, { error: 'Unknown mission area' })).max(5).optional(),
      })
      .strict(),
    () => reportSchema,
  ),
  /**
   * Saves a section's text as a new revision replacing `baseIds` (the revisions the planner
   * had on screen). Never refused for being stale: when someone else saved in between, both
   * texts are kept and the section shows them side by side.
   */
  'aar.saveSection': write(
    () => z
      .object({
        reportId,
        section: z.enum(AAR_SECTION_KEYS, { error: 'Unknown report section' }),
        text: optionalLongText('Section text', 40000),
        baseIds: z.array(uuid('Revision')).max(20),
      })
      .strict(),
    () => z.object({ revisionId: z.string(), concurrent: z.boolean(), heads: z.number().int() }),
  ),
  'aar.sectionHistory': read(
    () => z.object({ reportId, section: z.enum(AAR_SECTION_KEYS) }).strict(),
    () => z.object({ revisions: z.array(revisionSchema) }),
    { reads: ['aar_section_revisions'] },
  ),

  'aar.saveObjective': write(() => z.object({ reportId, id: uuid('Objective').optional(), text: text('Objective', 1000) }).strict(), () => z.object({ id: z.string() })),
  'aar.removeObjective': write(() => z.object({ id: uuid('Objective') }).strict(), () => z.object({ removed: z.boolean() })),
  /** The capabilities an objective is rated against (Table 1 rows). */
  'aar.setObjectiveCapabilities': write(
    () => z.object({ objectiveId: uuid('Objective'), capabilityIds: z.array(uuid('Capability')).max(12, { error: 'At most 12 capabilities per objective' }) }).strict(),
    () => z.object({ rows: z.number().int() }),
  ),
  'aar.rate': write(
    () => z
      .object({
        objectiveId: uuid('Objective'),
        capabilityId: uuid('Capability'),
        rating: z.enum(RATINGS, { error: 'A rating is P, S, M or U' }).nullable(),
      })
      .strict(),
    () => z.object({ id: z.string() }),
  ),

  /** The planner's own observation (accepted at once), or an edit of any observation. */
  'aar.saveObservation': write(
    () => z.object({ id: uuid('Observation').optional(), reportId, ...observationFields }).strict(),
    () => z.object({ id: z.string() }),
  ),
  'aar.reviewCandidate': write(
    () => z.object({ id: uuid('Observation'), decision: z.enum(['accept', 'dismiss', 'restore'], { error: 'Accept, dismiss or restore' }) }).strict(),
    () => z.object({ status: z.enum(OBSERVATION_STATUSES) }),
  ),
  /** Refused while a corrective action addresses it. */
  'aar.removeObservation': write(() => z.object({ id: uuid('Observation') }).strict(), () => z.object({ removed: z.boolean() })),

  /** A corrective action for an area for improvement (Appendix A). New ones start open. */
  'aar.saveAction': write(
    () => z
      .object({
        id: uuid('Corrective action').optional(),
        observationId: uuid('Area for improvement'),
        capabilityId: uuid('Capability').nullable().optional(),
        element: z.enum(ELEMENTS, { error: 'Capability element is Planning, Organization, Equipment, Training or Exercise' }),
        action: text('Corrective action', 2000),
        responsibleOrgId: uuid('Responsible organisation').nullable().optional(),
        poc: optionalLongText('Point of contact', 160).default(''),
        startOn: isoDay('Start date').nullable().optional(),
        dueOn: isoDay('Due date').nullable().optional(),
      })
      .strict(),
    () => z.object({ id: z.string() }),
  ),
  'aar.removeAction': write(() => z.object({ id: uuid('Corrective action') }).strict(), () => z.object({ removed: z.boolean() })),
  'aar.setActionStatus': write(
    () => z
      .object({
        id: uuid('Corrective action'),
        status: z.enum(ACTION_STATUSES, { error: 'Unknown status' }),
        note: optionalLongText('Note', 1000).optional(),
      })
      .strict(),
    () => correctiveActionSchema,
  ),
  /** Every corrective action of every incident and exercise: what is open and overdue. */
  'aar.actionBoard': read(
    () => z.object({ show: z.enum(['open', 'overdue', 'all']).default('open') }).strict(),
    () => z.object({
      actions: z.array(correctiveActionSchema),
      counts: z.object({ open: z.number().int(), overdue: z.number().int(), completed: z.number().int(), recurring: z.number().int(), all: z.number().int() }),
      today: z.string(),
    }),
    { reads: AAR_READS },
  ),

  /** The report as a Word document (HSEEP layout, improvement plan on landscape pages). */
  'aar.exportDocx': write(() => z.object({ incidentId: uuid('Incident') }).strict(), () => aarExportSchema),
  'aar.exportPdf': write(() => z.object({ incidentId: uuid('Incident') }).strict(), () => aarExportSchema),
  /** Appendix A as CSV, one corrective action a row. */
  'aar.exportIpCsv': write(() => z.object({ incidentId: uuid('Incident') }).strict(), () => aarExportSchema),
  /**
   * The same documents without an operator on duty (the admin command line): a read, so
   * it is not in the audit trail; the console's own exports above are.
   */
  'aar.document': read(
    () => z.object({ incidentId: uuid('Incident'), format: z.enum(['docx', 'pdf', 'csv'], { error: 'Format is docx, pdf or csv' }) }).strict(),
    () => aarExportSchema,
    { reads: AAR_READS },
  ),
} as const;
