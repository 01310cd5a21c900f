import { z } from 'zod';
import { integrityProblem } from './integrity';
import { MAX_RECORD_TIME } from '../domain/incident-rules';
import { empty, epochMs, optionalText, read, text, uuid, write, lazySchema } from './define';

/** A time on the record: UTC ms, no later than the year 2200 (see MAX_RECORD_TIME). */
export const recordTime = (label = 'Time') =>
  epochMs(label).max(MAX_RECORD_TIME, { error: `${label} must be before the year 2200` });


export const activationLevelSchema = lazySchema(() => z.object({
  id: z.string(),
  name: z.string(),
  /** Higher is more activated; lists sort by it. */
  rank: z.number().int(),
  description: z.string(),
}));
export type ActivationLevel = z.infer<typeof activationLevelSchema>;

export const templateSchema = lazySchema(() => z.object({
  id: z.string(),
  name: z.string(),
  hazardType: z.string(),
  description: z.string(),
  /** ICS 202 block 3 objectives proposed for the first operational period. */
  objectives: z.array(z.string()),
  /** Positions to staff, by position code (see shared/domain/positions.ts). */
  positionCodes: z.array(z.string()),
  /** Checklist items per position code. */
  checklists: z.array(z.object({ positionCode: z.string(), items: z.array(z.string()) })),
}));
export type IncidentTemplate = z.infer<typeof templateSchema>;

export const incidentSchema = lazySchema(() => z.object({
  id: z.string(),
  name: z.string(),
  /** ICS 201 block 2; optional. */
  number: z.string().nullable(),
  /** Fixed at creation: every screen, print and export of an exercise says so. */
  exercise: z.boolean(),
  hazardType: z.string(),
  description: z.string(),
  templateId: z.string().nullable(),
  activationLevelId: z.string(),
  activationLevelName: z.string(),
  status: z.enum(['open', 'closed']),
  startedAt: epochMs(),
  closedAt: epochMs().nullable(),
  closingNote: z.string().nullable(),
  /** Positions whose holders approve entries onto the significant events board. */
  boardApproverPositionIds: z.array(z.string()),
  createdAt: epochMs(),
}));
export type Incident = z.infer<typeof incidentSchema>;

export const objectiveSchema = lazySchema(() => z.object({ id: z.string(), periodId: z.string(), ordinal: z.number().int(), text: z.string() }));
export type Objective = z.infer<typeof objectiveSchema>;

export const staffingSchema = lazySchema(() => z.object({
  id: z.string(),
  incidentId: z.string(),
  periodId: z.string(),
  positionId: z.string(),
  positionCode: z.string(),
  positionTitle: z.string(),
  section: z.string(),
  /** Who holds the position this period; null while it is still to be filled. */
  holderName: z.string().nullable(),
  /** ICS 214 block 5 / block 6 "Home Agency (and Unit)". */
  homeAgency: z.string().nullable(),
  contact: z.string().nullable(),
}));
export type Staffing = z.infer<typeof staffingSchema>;

/** An operational period with its ICS 202 blocks. */
export const periodSchema = lazySchema(() => z.object({
  id: z.string(),
  incidentId: z.string(),
  number: z.number().int(),
  startsAt: epochMs(),
  /** Planned end while open; the actual end once closed. */
  endsAt: epochMs(),
  status: z.enum(['open', 'closed']),
  closedAt: epochMs().nullable(),
  /** ICS 202 block 4. */
  commandEmphasis: z.string(),
  /** ICS 202 block 4, "General Situational Awareness". */
  situationalAwareness: z.string(),
  /** ICS 202 block 5. */
  siteSafetyPlanRequired: z.boolean(),
  siteSafetyPlanLocation: z.string(),
  /** ICS 202 block 7 / block 8, as names with position. */
  preparedBy: z.string(),
  approvedBy: z.string(),
  objectives: z.array(objectiveSchema),
  staffing: z.array(staffingSchema),
}));
export type Period = z.infer<typeof periodSchema>;

export const checklistTickSchema = lazySchema(() => z.object({
  id: z.string(),
  done: z.boolean(),
  note: z.string().nullable(),
  operatorName: z.string().nullable(),
  positionTitle: z.string().nullable(),
  at: epochMs(),
}));
export type ChecklistTick = z.infer<typeof checklistTickSchema>;

export const checklistItemSchema = lazySchema(() => z.object({
  id: z.string(),
  incidentId: z.string(),
  positionId: z.string(),
  positionTitle: z.string(),
  ordinal: z.number().int(),
  text: z.string(),
  /** From the newest tick; false when never ticked. */
  done: z.boolean(),
  /** Every tick and untick, oldest first: who ticked what and when. */
  ticks: z.array(checklistTickSchema),
}));
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const integrityProblemSchema = integrityProblem;

const incidentId = lazySchema(() => uuid('Incident'));
const periodId = lazySchema(() => uuid('Operational period'));
const positionIds = lazySchema(() => z.array(uuid('Position')).max(20, { error: 'At most 20 approving positions' }));

export const incidentMethods = {
  'incident.levels': read(() => empty, () => z.object({ levels: z.array(activationLevelSchema) }), { reads: ['activation_levels'] }),
  /** Creates a level (no id) or renames/reorders one; the list is the coalition's own. */
  'incident.saveLevel': write(
    () => z
      .object({
        id: uuid('Activation level').optional(),
        name: text('Level name', 60),
        rank: z.number({ error: 'Rank must be a number' }).int({ error: 'Rank must be a whole number' }).min(0).max(100),
        description: optionalText('Description', 500).default(''),
      })
      .strict(),
    () => activationLevelSchema,
  ),
  /** Refused while an open incident is at that level. */
  'incident.removeLevel': write(() => z.object({ id: uuid('Activation level') }).strict(), () => z.object({ removed: z.boolean() })),
  'incident.templates': read(() => empty, () => z.object({ templates: z.array(templateSchema) }), { reads: ['incident_templates'] }),

  'incident.list': read(
    () => z.object({ status: z.enum(['open', 'closed', 'all']).default('open') }).strict(),
    () => z.object({ incidents: z.array(incidentSchema) }),
    { reads: ['incidents', 'activation_levels'] },
  ),
  'incident.get': read(
    () => z.object({ id: incidentId }).strict(),
    () => z.object({ incident: incidentSchema, periods: z.array(periodSchema), currentPeriod: periodSchema.nullable() }),
    { reads: ['incidents', 'activation_levels', 'periods', 'objectives', 'staffing', 'positions'] },
  ),
  /**
   * Creates an incident or an exercise, from scratch or from a template. With
   * `firstPeriod`, period 1 opens at once with the template's objectives and positions.
   */
  'incident.create': write(
    () => z
      .object({
        name: text('Incident name', 120),
        number: optionalText('Incident number', 40).optional(),
        exercise: z.boolean({ error: 'Say whether this is an exercise' }),
        templateId: uuid('Template').optional(),
        hazardType: optionalText('Hazard type', 80).optional(),
        description: optionalText('Description', 2000).optional(),
        activationLevelId: uuid('Activation level'),
        startedAt: recordTime('Start time').optional(),
        // Its end, or its length: a length counts from the period's start (the incident's
        // start unless given), so a start typed hours ago does not stretch the period.
        firstPeriod: z
          .object({
            startsAt: recordTime('Period start').optional(),
            endsAt: recordTime('Period end').optional(),
            hours: z
              .number({ error: 'Period length must be a number of hours' })
              .int({ error: 'Period length must be whole hours' })
              .min(1, { error: 'A period lasts 1 to 72 hours' })
              .max(72, { error: 'A period lasts 1 to 72 hours' })
              .optional(),
          })
          .strict()
          .refine((p) => (p.endsAt === undefined) !== (p.hours === undefined), { error: 'Give the first period either its end or its length in hours', path: ['hours'] })
          .optional(),
      })
      .strict(),
    () => z.object({ incident: incidentSchema, period: periodSchema.nullable() }),
  ),
  /** The exercise flag cannot change: records made under one flag must never appear under the other. */
  'incident.update': write(
    () => z
      .object({
        id: incidentId,
        name: text('Incident name', 120).optional(),
        number: optionalText('Incident number', 40).optional(),
        hazardType: optionalText('Hazard type', 80).optional(),
        description: optionalText('Description', 2000).optional(),
        activationLevelId: uuid('Activation level').optional(),
        boardApproverPositionIds: positionIds.min(1, { error: 'At least one position must approve significant events' }).optional(),
      })
      .strict(),
    () => incidentSchema,
  ),
  /** Closes the incident and its open period at `closedAt` (default now). */
  'incident.close': write(
    () => z.object({ id: incidentId, closedAt: recordTime('Closing time').optional(), note: optionalText('Closing note', 2000).optional() }).strict(),
    () => incidentSchema,
  ),
  'incident.reopen': write(() => z.object({ id: incidentId, reason: text('Reason for reopening', 500) }).strict(), () => incidentSchema),

  /** This workstation's working incident (local state, not synced); null clears it. */
  'incident.setActive': write(
    () => z.object({ incidentId: incidentId.nullable() }).strict(),
    () => z.object({ incidentId: z.string().nullable() }),
  ),
  /** What the top bar shows: the active incident, its current period and the time now. */
  'incident.active': read(
    () => empty,
    () => z.object({ incident: incidentSchema.nullable(), currentPeriod: periodSchema.nullable(), now: epochMs() }),
    { reads: ['local_active_incident', 'incidents', 'activation_levels', 'periods', 'objectives', 'staffing'] },
  ),

  'incident.periods': read(
    () => z.object({ incidentId }).strict(),
    () => z.object({ periods: z.array(periodSchema) }),
    { reads: ['periods', 'objectives', 'staffing', 'positions'] },
  ),
  /**
   * Opens the next operational period. Refused while another is open or when it would
   * overlap one. Objectives and staffing default to the previous period's (or the
   * template's for period 1) unless given.
   */
  'incident.openPeriod': write(
    () => z
      .object({
        incidentId,
        startsAt: recordTime('Period start').optional(),
        endsAt: recordTime('Period end'),
        objectives: z.array(text('Objective', 1000)).max(50, { error: 'At most 50 objectives' }).optional(),
        copyStaffing: z.boolean().default(true),
      })
      .strict(),
    () => periodSchema,
  ),
  /** Closes the open period at `closedAt` (default now), which becomes its end. */
  'incident.closePeriod': write(() => z.object({ periodId, closedAt: recordTime('Closing time').optional() }).strict(), () => periodSchema),
  /** ICS 202 blocks 2 (start, planned end), 4, 5, 7, 8; refused once the period is closed. */
  'incident.updatePeriod': write(
    () => z
      .object({
        periodId,
        startsAt: recordTime('Period start').optional(),
        endsAt: recordTime('Period end').optional(),
        commandEmphasis: optionalText('Command emphasis', 4000).optional(),
        situationalAwareness: optionalText('General situational awareness', 4000).optional(),
        siteSafetyPlanRequired: z.boolean().optional(),
        siteSafetyPlanLocation: optionalText('Site safety plan location', 200).optional(),
        preparedBy: optionalText('Prepared by', 160).optional(),
        approvedBy: optionalText('Approved by', 160).optional(),
      })
      .strict(),
    () => periodSchema,
  ),
  /** Replaces the ordered list of ICS 202 objectives; give `id` to keep an objective. */
  'incident.setObjectives': write(
    () => z
      .object({
        periodId,
        objectives: z
          .array(z.object({ id: uuid('Objective').optional(), text: text('Objective', 1000) }).strict())
          .max(50, { error: 'At most 50 objectives' }),
      })
      .strict(),
    () => periodSchema,
  ),
  /** Who holds a position this period (one holder per position and period). */
  'incident.staff': write(
    () => z
      .object({
        periodId,
        positionId: uuid('Position'),
        holderName: optionalText('Name', 80).nullable(),
        homeAgency: optionalText('Home agency', 120).optional(),
        contact: optionalText('Contact', 120).optional(),
      })
      .strict(),
    () => staffingSchema,
  ),
  'incident.unstaff': write(() => z.object({ staffingId: uuid('Staffing') }).strict(), () => z.object({ removed: z.boolean() })),

  'incident.checklists': read(
    () => z.object({ incidentId, positionId: uuid('Position').optional() }).strict(),
    () => z.object({ items: z.array(checklistItemSchema) }),
    { reads: ['checklist_items', 'checklist_ticks', 'positions'] },
  ),
  'incident.addChecklistItem': write(
    () => z.object({ incidentId, positionId: uuid('Position'), text: text('Checklist item', 300) }).strict(),
    () => checklistItemSchema,
  ),
  /** Appends a tick (done) or untick (not done): the history keeps both. */
  'incident.tick': write(
    () => z.object({ itemId: uuid('Checklist item'), done: z.boolean(), note: optionalText('Note', 500).optional() }).strict(),
    () => checklistItemSchema,
  ),

  /** Checks the hash chains and reports only problems in this incident's records (plus broken links). */
  'incident.verify': read(
    () => z.object({ incidentId }).strict(),
    () => z.object({
      ok: z.boolean(),
      checkedLinks: z.number().int(),
      incidentRecords: z.number().int(),
      problems: z.array(integrityProblemSchema),
    }),
  ),
} as const;
