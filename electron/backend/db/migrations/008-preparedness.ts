// The guards as this migration made them when released (migration 18 added the rowid).
import { keyOnlyAppendOnlyGuards as appendOnlyGuards } from './append-only';
// Value lists are written out, not imported from shared/: a released migration must not
// change when the domain lists grow (that is a new migration).
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const PLAN_KINDS = ['conops', 'macp', 'warning', 'annex', 'sop', 'mou', 'other'];
const SERVICE_TYPES = ['shelter', 'warming_center', 'cooling_center', 'human_services', 'pharmacy', 'transport', 'other'];
const CALL_OUTCOMES = ['reached', 'voicemail', 'no_answer', 'wrong_number'];

const MUTABLE = `created_at INTEGER NOT NULL,
  updated_hlc TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))`;

const FACT = `workstation_id TEXT NOT NULL,
  operator_name TEXT,
  position_title TEXT,
  recorded_at INTEGER NOT NULL,
  occurred_at INTEGER NOT NULL`;


/**
 * Migration 8 (numbered 4 on this branch until merged): preparedness. The plans library
 * (a plan's versions are records of fact; a new version supersedes, never overwrites),
 * the full-text index of their sections, plan citations on decisions, the versioned
 * activation sheet, call-downs and their attempts, the regional services directory, the
 * hazard vulnerability analysis and the CAP alerts issued. No foreign keys between
 * mutable records and records of fact: sync may deliver either first. Frozen once released.
 */
export const sql = /* sql */ `
CREATE TABLE plans (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN (${list(PLAN_KINDS)})),
  owner TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  ${MUTABLE}
) STRICT;

-- One row per version of a plan's document. The file lives in the data folder under its
-- SHA-256 (plans/<sha256>.<ext>), so a version can never overwrite another's bytes.
CREATE TABLE plan_versions (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL,
  version_label TEXT NOT NULL,
  effective_on TEXT NOT NULL,
  review_on TEXT,
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  stored_name TEXT NOT NULL,
  extraction TEXT NOT NULL CHECK (extraction IN ('ok', 'no_text', 'unreadable')),
  extraction_note TEXT,
  supersedes_id TEXT,
  note TEXT,
  ${FACT}
) STRICT;
CREATE INDEX plan_versions_plan ON plan_versions(plan_id, recorded_at);
CREATE UNIQUE INDEX plan_versions_supersedes ON plan_versions(supersedes_id) WHERE supersedes_id IS NOT NULL;

-- The text of each version by section, derived from its file at upload (the same file
-- always gives the same sections, so a citation's (version, ordinal) is stable).
CREATE TABLE plan_sections (
  rowid INTEGER PRIMARY KEY,
  version_id TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  heading TEXT NOT NULL,
  page INTEGER,
  body TEXT NOT NULL,
  UNIQUE (version_id, ordinal)
) STRICT;
CREATE VIRTUAL TABLE plan_sections_fts USING fts5(heading, body, content = 'plan_sections', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER plan_sections_fts_insert AFTER INSERT ON plan_sections BEGIN
  INSERT INTO plan_sections_fts (rowid, heading, body) VALUES (new.rowid, new.heading, new.body);
END;
${appendOnlyGuards('plan_sections', [['version_id', 'ordinal']])}

-- A decision's authority cited to a plan section, written with the decision.
CREATE TABLE decision_citations (
  id TEXT PRIMARY KEY,
  decision_id TEXT NOT NULL,
  plan_id TEXT NOT NULL,
  version_id TEXT NOT NULL,
  section_ordinal INTEGER NOT NULL,
  label TEXT NOT NULL,
  ${FACT}
) STRICT;
CREATE UNIQUE INDEX decision_citations_decision ON decision_citations(decision_id);

-- "How to activate the region": each save is a new version; the latest is in force.
CREATE TABLE activation_sheets (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL UNIQUE,
  content TEXT NOT NULL,
  note TEXT,
  demo INTEGER NOT NULL DEFAULT 0,
  ${FACT}
) STRICT;

-- A call-down: the list is fixed when it starts (who was called, on which number).
CREATE TABLE calldowns (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL,
  title TEXT NOT NULL,
  source TEXT NOT NULL,
  ${FACT}
) STRICT;
CREATE INDEX calldowns_incident ON calldowns(incident_id, recorded_at);

CREATE TABLE calldown_targets (
  id TEXT PRIMARY KEY,
  calldown_id TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  contact_id TEXT,
  contact_name TEXT NOT NULL,
  organisation_name TEXT NOT NULL,
  discipline TEXT,
  role TEXT,
  phone TEXT,
  ${FACT}
) STRICT;
CREATE INDEX calldown_targets_calldown ON calldown_targets(calldown_id, ordinal);

CREATE TABLE calldown_attempts (
  id TEXT PRIMARY KEY,
  calldown_id TEXT NOT NULL,
  target_id TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN (${list(CALL_OUTCOMES)})),
  acknowledged_by TEXT,
  note TEXT,
  ${FACT}
) STRICT;
CREATE INDEX calldown_attempts_calldown ON calldown_attempts(calldown_id, target_id, occurred_at);

CREATE TABLE services (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN (${list(SERVICE_TYPES)})),
  hours TEXT,
  capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),
  accessibility TEXT,
  languages TEXT NOT NULL DEFAULT '[]',
  phone TEXT,
  address TEXT,
  town TEXT NOT NULL,
  state TEXT,
  zip TEXT,
  latitude REAL,
  longitude REAL,
  location_source TEXT NOT NULL CHECK (location_source IN ('entered', 'zip', 'town', 'none')),
  notes TEXT,
  demo INTEGER NOT NULL DEFAULT 0,
  ${MUTABLE}
) STRICT;
CREATE INDEX services_type ON services(type, name COLLATE NOCASE) WHERE deleted = 0;

-- Hazard vulnerability analysis: one assessment per year, one row per hazard scored.
CREATE TABLE hva_assessments (
  id TEXT PRIMARY KEY,
  year INTEGER NOT NULL,
  title TEXT NOT NULL,
  notes TEXT,
  demo INTEGER NOT NULL DEFAULT 0,
  ${MUTABLE}
) STRICT;
CREATE UNIQUE INDEX hva_assessments_year ON hva_assessments(year) WHERE deleted = 0;

CREATE TABLE hva_hazards (
  id TEXT PRIMARY KEY,
  assessment_id TEXT NOT NULL,
  hazard TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('natural', 'technological', 'human', 'hazmat')),
  probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 3),
  human_impact INTEGER NOT NULL CHECK (human_impact BETWEEN 0 AND 3),
  property_impact INTEGER NOT NULL CHECK (property_impact BETWEEN 0 AND 3),
  business_impact INTEGER NOT NULL CHECK (business_impact BETWEEN 0 AND 3),
  preparedness INTEGER NOT NULL CHECK (preparedness BETWEEN 0 AND 3),
  internal_response INTEGER NOT NULL CHECK (internal_response BETWEEN 0 AND 3),
  external_response INTEGER NOT NULL CHECK (external_response BETWEEN 0 AND 3),
  template_ids TEXT NOT NULL DEFAULT '[]',
  notes TEXT,
  ${MUTABLE}
) STRICT;
CREATE INDEX hva_hazards_assessment ON hva_hazards(assessment_id) WHERE deleted = 0;

-- Every CAP 1.2 alert issued, with the exact XML issued and its SHA-256.
CREATE TABLE alerts (
  id TEXT PRIMARY KEY,
  identifier TEXT NOT NULL UNIQUE,
  incident_id TEXT,
  template TEXT NOT NULL,
  status TEXT NOT NULL,
  msg_type TEXT NOT NULL,
  headline TEXT NOT NULL,
  event TEXT NOT NULL,
  area_desc TEXT NOT NULL,
  sent_text TEXT NOT NULL,
  expires_at INTEGER,
  references_id TEXT,
  xml TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  ${FACT}
) STRICT;
CREATE INDEX alerts_recorded ON alerts(recorded_at);

${appendOnlyGuards('plan_versions', [['id'], ['supersedes_id']])}
${appendOnlyGuards('decision_citations', [['id'], ['decision_id']])}
${appendOnlyGuards('activation_sheets', [['id'], ['version']])}
${appendOnlyGuards('calldowns')}
${appendOnlyGuards('calldown_targets')}
${appendOnlyGuards('calldown_attempts')}
${appendOnlyGuards('alerts', [['id'], ['identifier']])}
`;

/** Records of fact this migration adds: insert-only, attributed and hash-chained. */
export const PREPAREDNESS_FACT_TABLES = [
  'plan_versions',
  'decision_citations',
  'activation_sheets',
  'calldowns',
  'calldown_targets',
  'calldown_attempts',
  'alerts',
] as const;
