import { z } from 'zod';
import { EXERCISE_TYPES } from '../domain/aar-outline';
import { isoDay, optionalLongText } from './aar';
import { epochMs, read, text, uuid, write, lazySchema } from './define';

export const exerciseObjectiveSchema = lazySchema(() => z.object({
  id: z.string(),
  ordinal: z.number().int(),
  text: z.string(),
  capabilityIds: z.array(z.string()),
}));

export const exerciseParticipantSchema = lazySchema(() => z.object({
  id: z.string(),
  organisationId: z.string().nullable(),
  name: z.string(),
  role: z.string(),
  /** Null until attendance is taken. */
  attended: z.boolean().nullable(),
}));
export type ExerciseParticipant = z.infer<typeof exerciseParticipantSchema>;

export const exerciseSchema = lazySchema(() => z.object({
  id: z.string(),
  title: z.string(),
  type: z.enum(EXERCISE_TYPES),
  startsOn: z.string(),
  endsOn: z.string(),
  location: z.string(),
  description: z.string(),
  scenario: z.string(),
  hazard: z.string(),
  sponsor: z.string(),
  poc: z.string(),
  frameworkId: z.string().nullable(),
  capabilityIds: z.array(z.string()),
  capabilityLabels: z.array(z.string()),
  /** The yearly medical response and surge exercise (MRSE) of the HPP cycle. */
  surgeExercise: z.boolean(),
  cancelled: z.boolean(),
  /** The exercise incident it runs as, once opened. */
  incidentId: z.string().nullable(),
  incidentStatus: z.enum(['open', 'closed']).nullable(),
  /** Planned; running (its incident open); conducted (its incident closed, or its dates past); cancelled. */
  state: z.enum(['planned', 'running', 'conducted', 'cancelled']),
  objectives: z.array(exerciseObjectiveSchema),
  participants: z.array(exerciseParticipantSchema),
  createdAt: epochMs(),
}));
export type Exercise = z.infer<typeof exerciseSchema>;

const exerciseId = lazySchema(() => uuid('Exercise'));

export const exerciseMethods = {
  /** The calendar: courses and exercises of a year (default: all), by date. */
  'exercise.list': read(
    () => z.object({ year: z.number().int().min(1900).max(2200).optional() }).strict(),
    () => z.object({ exercises: z.array(exerciseSchema) }),
    { reads: ['exercises', 'exercise_objectives', 'exercise_participants', 'capabilities', 'incidents'] },
  ),
  'exercise.get': read(
    () => z.object({ id: exerciseId }).strict(),
    () => z.object({ exercise: exerciseSchema }),
    { reads: ['exercises', 'exercise_objectives', 'exercise_participants', 'capabilities', 'incidents'] },
  ),
  'exercise.save': write(
    () => z
      .object({
        id: exerciseId.optional(),
        title: text('Title', 200),
        type: z.enum(EXERCISE_TYPES, { error: 'Type is a seminar, workshop, tabletop, game, drill, functional, full-scale exercise or a course' }),
        startsOn: isoDay('Start date'),
        endsOn: isoDay('End date'),
        location: optionalLongText('Location', 200).default(''),
        description: optionalLongText('Description', 4000).default(''),
        scenario: optionalLongText('Scenario', 4000).default(''),
        hazard: optionalLongText('Threat or hazard', 200).default(''),
        sponsor: optionalLongText('Sponsor', 200).default(''),
        poc: optionalLongText('Point of contact', 200).default(''),
        frameworkId: uuid('Framework').nullable().default(null),
        capabilityIds: z.array(uuid('Capability')).max(30, { error: 'At most 30 capabilities' }).default([]),
        surgeExercise: z.boolean().default(false),
        cancelled: z.boolean().default(false),
      })
      .strict()
      .refine((e) => e.endsOn >= e.startsOn, { error: 'The end date is before the start date', path: ['endsOn'] }),
    () => z.object({ id: z.string() }),
  ),
  /** Refused once it has been opened as an exercise incident. */
  'exercise.remove': write(() => z.object({ id: exerciseId }).strict(), () => z.object({ removed: z.boolean() })),
  /** Replaces the ordered objectives; give `id` to keep one. */
  'exercise.setObjectives': write(
    () => z
      .object({
        exerciseId,
        objectives: z
          .array(
            z
              .object({
                id: uuid('Objective').optional(),
                text: text('Objective', 1000),
                capabilityIds: z.array(uuid('Capability')).max(12, { error: 'At most 12 capabilities per objective' }).default([]),
              })
              .strict(),
          )
          .max(30, { error: 'At most 30 objectives' }),
      })
      .strict(),
    () => z.object({ objectives: z.number().int() }),
  ),
  'exercise.saveParticipant': write(
    () => z
      .object({
        id: uuid('Participant').optional(),
        exerciseId,
        organisationId: uuid('Organisation').nullable().default(null),
        name: text('Participant', 200),
        role: optionalLongText('Role', 120).default(''),
      })
      .strict(),
    () => z.object({ id: z.string() }),
  ),
  'exercise.removeParticipant': write(() => z.object({ id: uuid('Participant') }).strict(), () => z.object({ removed: z.boolean() })),
  'exercise.setAttendance': write(
    () => z.object({ id: uuid('Participant'), attended: z.boolean().nullable() }).strict(),
    () => z.object({ id: z.string() }),
  ),
  /**
   * Opens the exercise as an exercise incident (flagged everywhere) with period 1 holding its
   * objectives; its after-action report then starts from them.
   */
  'exercise.open': write(
    () => z
      .object({
        id: exerciseId,
        activationLevelId: uuid('Activation level'),
        periodHours: z.number({ error: 'Period length must be a number of hours' }).int().min(1).max(72).default(8),
      })
      .strict(),
    () => z.object({ incidentId: z.string() }),
  ),
} as const;
