// The guards as this migration made them when released (migration 18 added the rowid).
import { keyOnlyAppendOnlyGuards as appendOnlyGuards } from './append-only';
import { CATALOGUES } from './005-aar-catalogues';
import { seedId } from './002-incidents';

/**
 * Migration 7: after-action reports and improvement plans (HSEEP), the capability
 * catalogues they rate against, and the training and exercise calendar. Frozen once
 * released, seed data and value lists included (they are written out here, not imported
 * from shared/, so that the domain lists can grow without changing a released migration).
 *
 * Narrative section text and corrective-action status changes are records of fact: a
 * section is never overwritten (each save is a revision naming the revisions it replaces,
 * so two concurrent saves are both kept), and a status change says who made it and when.
 * Everything else is a mutable record written field by field through the write path.
 */

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const SEED_HLC = '000000000000000-00000-seed';

const SECTIONS = ['handling', 'scope', 'threat', 'scenario', 'sponsor', 'poc', 'summary', 'conclusion'];
const ELEMENTS = ['planning', 'organization', 'equipment', 'training', 'exercise'];
const ACTION_STATUSES = ['open', 'in_progress', 'completed', 'verified', 'cancelled'];
const EXERCISE_TYPES = ['seminar', 'workshop', 'tabletop', 'game', 'drill', 'functional', 'full_scale', 'course'];

const MUTABLE = `created_at INTEGER NOT NULL,
  updated_hlc TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))`;

const FACT = `workstation_id TEXT NOT NULL,
  operator_name TEXT,
  position_title TEXT,
  recorded_at INTEGER NOT NULL,
  occurred_at INTEGER NOT NULL`;


const schema = /* sql */ `
-- Capability catalogues: data, not enums. A coalition edits them and adds its own framework.
CREATE TABLE capability_frameworks (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  short_name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  ${MUTABLE}
) STRICT;

-- An objective of a capability (HPP 2017-2022 "C3-O6") is a capability row with a parent.
CREATE TABLE capabilities (
  id TEXT PRIMARY KEY,
  framework_id TEXT NOT NULL,
  parent_id TEXT,
  code TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  ordinal INTEGER NOT NULL,
  ${MUTABLE}
) STRICT;
CREATE INDEX capabilities_framework ON capabilities(framework_id, ordinal) WHERE deleted = 0;

-- One report per incident or exercise incident. Status is the planner's (draft until final).
CREATE TABLE aar_reports (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL,
  framework_id TEXT NOT NULL,
  title TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'final')),
  marking TEXT NOT NULL DEFAULT '',
  mission_areas TEXT NOT NULL DEFAULT '[]',
  exercise_id TEXT,
  ${MUTABLE}
) STRICT;
CREATE UNIQUE INDEX aar_reports_incident ON aar_reports(incident_id) WHERE deleted = 0;

CREATE TABLE aar_section_revisions (
  id TEXT PRIMARY KEY,
  ${FACT},
  report_id TEXT NOT NULL,
  section TEXT NOT NULL CHECK (section IN (${list(SECTIONS)})),
  text TEXT NOT NULL,
  -- JSON array of the revisions this one replaces: what its writer had on screen.
  base_ids TEXT NOT NULL
) STRICT;
CREATE INDEX aar_section_revisions_report ON aar_section_revisions(report_id, section);

CREATE TABLE aar_objectives (
  id TEXT PRIMARY KEY,
  report_id TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  text TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('exercise', 'period', 'planner')),
  ${MUTABLE}
) STRICT;
CREATE INDEX aar_objectives_report ON aar_objectives(report_id, ordinal) WHERE deleted = 0;

-- One row per objective x capability (Table 1); the id is derived from the pair so that
-- two workstations adding the same pair write the same row.
CREATE TABLE aar_ratings (
  id TEXT PRIMARY KEY,
  report_id TEXT NOT NULL,
  objective_id TEXT NOT NULL,
  capability_id TEXT NOT NULL,
  rating TEXT CHECK (rating IN ('P', 'S', 'M', 'U')),
  ${MUTABLE}
) STRICT;
CREATE INDEX aar_ratings_report ON aar_ratings(report_id) WHERE deleted = 0;

CREATE TABLE aar_observations (
  id TEXT PRIMARY KEY,
  report_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('strength', 'afi')),
  status TEXT NOT NULL CHECK (status IN ('candidate', 'accepted', 'dismissed')),
  -- The drafting rule that proposed it; null for the planner's own.
  rule_key TEXT,
  objective_id TEXT,
  capability_id TEXT,
  title TEXT NOT NULL,
  reference TEXT NOT NULL DEFAULT '',
  analysis TEXT NOT NULL DEFAULT '',
  root_cause TEXT NOT NULL DEFAULT '',
  -- JSON array of {type, id, label}: the records behind it.
  evidence TEXT NOT NULL DEFAULT '[]',
  ${MUTABLE}
) STRICT;
CREATE INDEX aar_observations_report ON aar_observations(report_id) WHERE deleted = 0;
CREATE INDEX aar_observations_afi ON aar_observations(kind, status) WHERE deleted = 0;

CREATE TABLE aar_actions (
  id TEXT PRIMARY KEY,
  report_id TEXT NOT NULL,
  observation_id TEXT NOT NULL,
  capability_id TEXT,
  element TEXT NOT NULL CHECK (element IN (${list(ELEMENTS)})),
  action TEXT NOT NULL,
  responsible_org_id TEXT,
  poc TEXT NOT NULL DEFAULT '',
  start_on TEXT,
  due_on TEXT,
  ${MUTABLE}
) STRICT;
CREATE INDEX aar_actions_report ON aar_actions(report_id) WHERE deleted = 0;
CREATE INDEX aar_actions_observation ON aar_actions(observation_id) WHERE deleted = 0;

-- The status of a corrective action is its newest status event: derived, never stored.
CREATE TABLE aar_action_events (
  id TEXT PRIMARY KEY,
  ${FACT},
  action_id TEXT NOT NULL,
  report_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN (${list(ACTION_STATUSES)})),
  note TEXT
) STRICT;
CREATE INDEX aar_action_events_action ON aar_action_events(action_id, occurred_at, recorded_at);
${appendOnlyGuards('aar_section_revisions')}
${appendOnlyGuards('aar_action_events')}

-- The training and exercise calendar (HSEEP integrated preparedness plan).
CREATE TABLE exercises (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN (${list(EXERCISE_TYPES)})),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  location TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  scenario TEXT NOT NULL DEFAULT '',
  hazard TEXT NOT NULL DEFAULT '',
  sponsor TEXT NOT NULL DEFAULT '',
  poc TEXT NOT NULL DEFAULT '',
  framework_id TEXT,
  capability_ids TEXT NOT NULL DEFAULT '[]',
  surge_exercise INTEGER NOT NULL DEFAULT 0 CHECK (surge_exercise IN (0, 1)),
  cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
  incident_id TEXT,
  ${MUTABLE},
  CHECK (ends_on >= starts_on)
) STRICT;
CREATE INDEX exercises_date ON exercises(starts_on) WHERE deleted = 0;
CREATE INDEX exercises_incident ON exercises(incident_id) WHERE incident_id IS NOT NULL AND deleted = 0;

CREATE TABLE exercise_objectives (
  id TEXT PRIMARY KEY,
  exercise_id TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  text TEXT NOT NULL,
  capability_ids TEXT NOT NULL DEFAULT '[]',
  ${MUTABLE}
) STRICT;
CREATE INDEX exercise_objectives_exercise ON exercise_objectives(exercise_id, ordinal) WHERE deleted = 0;

CREATE TABLE exercise_participants (
  id TEXT PRIMARY KEY,
  exercise_id TEXT NOT NULL,
  organisation_id TEXT,
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  -- null until attendance is taken.
  attended INTEGER CHECK (attended IN (0, 1)),
  ${MUTABLE}
) STRICT;
CREATE INDEX exercise_participants_exercise ON exercise_participants(exercise_id) WHERE deleted = 0;
`;

function seeds(): string {
  const out: string[] = [];
  for (const f of CATALOGUES) {
    const fid = seedId('framework', f.slug);
    out.push(
      `INSERT INTO capability_frameworks (id, name, short_name, description, builtin, created_at, updated_hlc) VALUES (${q(fid)}, ${q(f.name)}, ${q(f.shortName)}, ${q(f.description)}, 1, 0, ${q(SEED_HLC)});`,
    );
    f.capabilities.forEach((c, i) => {
      const cid = seedId('capability', `${f.slug}:${c.code}`);
      out.push(
        `INSERT INTO capabilities (id, framework_id, parent_id, code, title, description, ordinal, created_at, updated_hlc) VALUES (${q(cid)}, ${q(fid)}, NULL, ${q(c.code)}, ${q(c.title)}, ${q(c.description ?? '')}, ${i + 1}, 0, ${q(SEED_HLC)});`,
      );
      (c.objectives ?? []).forEach((o, j) => {
        out.push(
          `INSERT INTO capabilities (id, framework_id, parent_id, code, title, description, ordinal, created_at, updated_hlc) VALUES (${q(seedId('capability', `${f.slug}:${o.code}`))}, ${q(fid)}, ${q(cid)}, ${q(o.code)}, ${q(o.title)}, '', ${(i + 1) * 100 + j + 1}, 0, ${q(SEED_HLC)});`,
        );
      });
    });
  }
  return out.join('\n');
}

export const AAR_FACT_TABLES = ['aar_section_revisions', 'aar_action_events'] as const;

export const sql = [schema, seeds()].join('\n');
