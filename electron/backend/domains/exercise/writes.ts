import { newId as uuidv7 } from '../../db/ids';
import type { MethodParsedInput } from '../../../../shared/contract';
import { EXERCISE_TYPE_LABELS } from '../../../../shared/domain/aar-outline';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { conflict, invalid, notFound } from '../../errors';
import { requireCapabilities } from '../aar/catalogue';
import { getOrganisation } from '../directory/queries';
import { createIncident } from '../incident/create';
import { openPeriod } from '../incident/periods';
import { getIncidentRow } from '../incident/queries';
import { getExercise } from './queries';

function requireExercise(db: Db, id: string) {
  const x = getExercise(db, id);
  if (!x) throw notFound('That exercise or course');
  return x;
}

export function saveExercise(tx: WriteTx, db: Db, input: MethodParsedInput<'exercise.save'>): string {
  const existing = input.id ? requireExercise(db, input.id) : null;
  requireCapabilities(db, input.capabilityIds);
  if (input.frameworkId && !db.prepare('SELECT 1 FROM capability_frameworks WHERE id = ? AND deleted = 0').get(input.frameworkId)) throw notFound('That capability framework');
  if (existing?.incidentId && input.cancelled) throw conflict('This exercise has been opened as an incident; close the incident instead of cancelling the exercise');
  const id = existing?.id ?? uuidv7();
  tx.put('exercises', id, {
    title: input.title,
    type: input.type,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    location: input.location,
    description: input.description,
    scenario: input.scenario,
    hazard: input.hazard,
    sponsor: input.sponsor,
    poc: input.poc,
    framework_id: input.frameworkId,
    capability_ids: JSON.stringify([...new Set(input.capabilityIds)]),
    surge_exercise: input.surgeExercise ? 1 : 0,
    cancelled: input.cancelled ? 1 : 0,
    ...(existing ? {} : { incident_id: null }),
  });
  return id;
}

export function removeExercise(tx: WriteTx, db: Db, id: string): boolean {
  const x = requireExercise(db, id);
  if (x.incidentId) throw conflict('This exercise has been opened as an incident and belongs to its record; it cannot be removed');
  return tx.remove('exercises', id);
}

/** Replaces the ordered objectives, keeping those given by id (their history stays theirs). */
export function setObjectives(tx: WriteTx, db: Db, input: MethodParsedInput<'exercise.setObjectives'>): number {
  const x = requireExercise(db, input.exerciseId);
  requireCapabilities(db, input.objectives.flatMap((o) => o.capabilityIds));
  const known = new Set(x.objectives.map((o) => o.id));
  for (const o of input.objectives) if (o.id && !known.has(o.id)) throw notFound('An objective of that list');
  const kept = new Set(input.objectives.flatMap((o) => (o.id ? [o.id] : [])));
  for (const o of x.objectives) if (!kept.has(o.id)) tx.remove('exercise_objectives', o.id);
  input.objectives.forEach((o, i) => {
    tx.put('exercise_objectives', o.id ?? uuidv7(), { exercise_id: x.id, ordinal: i + 1, text: o.text, capability_ids: JSON.stringify([...new Set(o.capabilityIds)]) });
  });
  return input.objectives.length;
}

export function saveParticipant(tx: WriteTx, db: Db, input: MethodParsedInput<'exercise.saveParticipant'>): string {
  const x = requireExercise(db, input.exerciseId);
  if (input.organisationId && !getOrganisation(db, input.organisationId)) throw notFound('That organisation');
  if (input.id && !x.participants.some((p) => p.id === input.id)) throw notFound('That participant of this exercise');
  const clash = x.participants.find((p) => p.id !== input.id && p.name.toLowerCase() === input.name.toLowerCase());
  if (clash) throw conflict(`${input.name} is already on the roster`);
  const id = input.id ?? uuidv7();
  tx.put('exercise_participants', id, { exercise_id: x.id, organisation_id: input.organisationId, name: input.name, role: input.role, ...(input.id ? {} : { attended: null }) });
  return id;
}

function participantRow(db: Db, id: string) {
  return db.prepare('SELECT id, exercise_id FROM exercise_participants WHERE id = ? AND deleted = 0').get(id) as { id: string; exercise_id: string } | undefined;
}

export function removeParticipant(tx: WriteTx, db: Db, id: string): boolean {
  if (!participantRow(db, id)) throw notFound('That participant');
  return tx.remove('exercise_participants', id);
}

export function setAttendance(tx: WriteTx, db: Db, id: string, attended: boolean | null): void {
  if (!participantRow(db, id)) throw notFound('That participant');
  tx.put('exercise_participants', id, { attended: attended === null ? null : attended ? 1 : 0 });
}

/**
 * Runs the exercise: an exercise incident (the flag is fixed at creation, so every record,
 * print and export of it says EXERCISE) with period 1 holding the exercise's objectives.
 */
export function openExercise(tx: WriteTx, db: Db, input: MethodParsedInput<'exercise.open'>): string {
  const x = requireExercise(db, input.id);
  if (x.incidentId) throw conflict(`"${x.title}" is already open as an exercise incident`);
  if (x.cancelled) throw conflict(`"${x.title}" was cancelled; restore it before opening it`);
  if (x.type === 'course') throw invalid('A training course is not run as an incident; record its attendance instead');
  const now = tx.now();
  const { incidentId } = createIncident(db, tx, {
    name: x.title,
    exercise: true,
    activationLevelId: input.activationLevelId,
    hazardType: x.hazard.slice(0, 80),
    description: [`${EXERCISE_TYPE_LABELS[x.type]}${x.location ? ` at ${x.location}` : ''}.`, x.scenario].filter(Boolean).join(' ').slice(0, 2000),
    startedAt: now,
  });
  openPeriod(db, tx, getIncidentRow(db, incidentId)!, {
    startsAt: now,
    endsAt: now + input.periodHours * 3_600_000,
    objectives: x.objectives.map((o) => o.text),
    copyStaffing: false,
  });
  tx.put('exercises', x.id, { incident_id: incidentId });
  return incidentId;
}
