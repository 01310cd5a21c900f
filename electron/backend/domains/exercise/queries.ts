import type { Exercise, ExerciseParticipant } from '../../../../shared/contract';
import type { ExerciseType } from '../../../../shared/domain/aar-outline';
import type { Db } from '../../db/open';

interface ExerciseRow {
  id: string;
  title: string;
  type: ExerciseType;
  starts_on: string;
  ends_on: string;
  location: string;
  description: string;
  scenario: string;
  hazard: string;
  sponsor: string;
  poc: string;
  framework_id: string | null;
  capability_ids: string;
  surge_exercise: number;
  cancelled: number;
  incident_id: string | null;
  incident_status: 'open' | 'closed' | null;
  created_at: number;
}

const SELECT = `SELECT x.*, i.status AS incident_status FROM exercises x LEFT JOIN incidents i ON i.id = x.incident_id AND i.deleted = 0`;

function objectivesOf(db: Db, ids: readonly string[]) {
  const rows = db
    .prepare(
      'SELECT id, exercise_id, ordinal, text, capability_ids FROM exercise_objectives WHERE deleted = 0 AND exercise_id IN (SELECT value FROM json_each(?)) ORDER BY ordinal',
    )
    .all(JSON.stringify(ids)) as { id: string; exercise_id: string; ordinal: number; text: string; capability_ids: string }[];
  return rows.map((r) => ({ exerciseId: r.exercise_id, id: r.id, ordinal: r.ordinal, text: r.text, capabilityIds: JSON.parse(r.capability_ids) as string[] }));
}

function participantsOf(db: Db, ids: readonly string[]): (ExerciseParticipant & { exerciseId: string })[] {
  const rows = db
    .prepare(
      'SELECT id, exercise_id, organisation_id, name, role, attended FROM exercise_participants WHERE deleted = 0 AND exercise_id IN (SELECT value FROM json_each(?)) ORDER BY name COLLATE NOCASE',
    )
    .all(JSON.stringify(ids)) as { id: string; exercise_id: string; organisation_id: string | null; name: string; role: string; attended: number | null }[];
  return rows.map((r) => ({
    exerciseId: r.exercise_id,
    id: r.id,
    organisationId: r.organisation_id,
    name: r.name,
    role: r.role,
    attended: r.attended === null ? null : r.attended === 1,
  }));
}

function labels(db: Db, ids: readonly string[]): Map<string, string> {
  if (!ids.length) return new Map();
  const rows = db
    .prepare('SELECT id, code, title FROM capabilities WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...new Set(ids)])) as { id: string; code: string; title: string }[];
  return new Map(rows.map((r) => [r.id, `${r.code} ${r.title}`]));
}

function hydrate(db: Db, rows: ExerciseRow[], today: string): Exercise[] {
  const ids = rows.map((r) => r.id);
  const objectives = objectivesOf(db, ids);
  const participants = participantsOf(db, ids);
  const capIds = rows.flatMap((r) => JSON.parse(r.capability_ids) as string[]);
  const names = labels(db, capIds);
  return rows.map((r) => {
    const capabilityIds = JSON.parse(r.capability_ids) as string[];
    const state: Exercise['state'] =
      r.cancelled === 1
        ? 'cancelled'
        : r.incident_status === 'open'
          ? 'running'
          : r.incident_status === 'closed' || r.ends_on < today
            ? 'conducted'
            : 'planned';
    return {
      id: r.id,
      title: r.title,
      type: r.type,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      location: r.location,
      description: r.description,
      scenario: r.scenario,
      hazard: r.hazard,
      sponsor: r.sponsor,
      poc: r.poc,
      frameworkId: r.framework_id,
      capabilityIds,
      capabilityLabels: capabilityIds.map((id) => names.get(id) ?? 'Removed capability'),
      surgeExercise: r.surge_exercise === 1,
      cancelled: r.cancelled === 1,
      incidentId: r.incident_status ? r.incident_id : null,
      incidentStatus: r.incident_status,
      state,
      objectives: objectives.filter((o) => o.exerciseId === r.id).map(({ exerciseId: _e, ...o }) => o),
      participants: participants.filter((p) => p.exerciseId === r.id).map(({ exerciseId: _e, ...p }) => p),
      createdAt: r.created_at,
    };
  });
}

export function listExercises(db: Db, today: string, year?: number): Exercise[] {
  const rows =
    year === undefined
      ? db.prepare(`${SELECT} WHERE x.deleted = 0 ORDER BY x.starts_on, x.title`).all()
      : db.prepare(`${SELECT} WHERE x.deleted = 0 AND x.starts_on >= ? AND x.starts_on < ? ORDER BY x.starts_on, x.title`).all(`${year}-01-01`, `${year + 1}-01-01`);
  return hydrate(db, rows as ExerciseRow[], today);
}

export function getExercise(db: Db, id: string, today = '0000-00-00'): Exercise | null {
  const r = db.prepare(`${SELECT} WHERE x.id = ? AND x.deleted = 0`).get(id) as ExerciseRow | undefined;
  return r ? hydrate(db, [r], today)[0]! : null;
}

/** The exercise an incident runs, if it was opened from the calendar. */
export function exerciseOfIncident(db: Db, incidentId: string): Exercise | null {
  const r = db.prepare(`${SELECT} WHERE x.incident_id = ? AND x.deleted = 0`).get(incidentId) as ExerciseRow | undefined;
  return r ? hydrate(db, [r], '0000-00-00')[0]! : null;
}
