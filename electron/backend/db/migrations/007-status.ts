// The guards as this migration made them when released (migration 18 added the rowid).
import { keyOnlyAppendOnlyGuards as appendOnlyGuards } from './append-only';
import { seedId } from './002-incidents';
import { DEFAULT_CATALOGUE } from './007-status-catalogue';

// Value lists are written out (see 003): a released migration never follows later edits.
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const DISCIPLINES = ['hospital', 'ems', 'public_health', 'emergency_management', 'long_term_care', 'community_health_center', 'dialysis', 'home_health', 'pharmacy', 'behavioral_health', 'urgent_care', 'other'];
const KINDS = ['number', 'choice', 'yes_no', 'text', 'datetime'];
const SOURCES = ['phone', 'radio', 'email', 'in_person', 'import', 'other'];
const PROGNOSES = ['improving', 'no_change', 'worsening'];

const MUTABLE = `created_at INTEGER NOT NULL,
  updated_hlc TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))`;
const FACT = `workstation_id TEXT NOT NULL,
  operator_name TEXT,
  position_title TEXT,
  recorded_at INTEGER NOT NULL,
  occurred_at INTEGER NOT NULL`;
/** Seeds precede every real edit (see 002). */
const SEED_HLC = '000000000000000-00000-seed';

/**
 * Migration 7: facility status (EEI). The catalogue (status types, EEI sets per discipline)
 * is mutable and seeded; status reports, status requests and approved situation reports
 * are records of fact; situation report drafts are mutable. The current status, the region
 * totals and the trend buckets are derived: the writer keeps them in the same transaction
 * as the report, they never enter the outbox, and they can be rebuilt from the reports.
 * Frozen once released, seed data included.
 */
const schema = /* sql */ `
CREATE TABLE status_types (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  label TEXT NOT NULL,
  group_name TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN (${list(KINDS)})),
  unit TEXT,
  min_value REAL,
  max_value REAL,
  choices TEXT NOT NULL DEFAULT '[]',
  baseline_type_id TEXT,
  jump_share REAL,
  aggregate TEXT NOT NULL CHECK (aggregate IN ('sum', 'none')),
  -- Minutes per activation level id; levels not listed use default_interval.
  intervals TEXT NOT NULL DEFAULT '{}',
  default_interval INTEGER NOT NULL CHECK (default_interval >= 1),
  have_field TEXT,
  ${MUTABLE}
) STRICT;
CREATE UNIQUE INDEX status_types_code ON status_types(code) WHERE deleted = 0;

-- The status types each discipline reports, in the order its entry form asks for them.
CREATE TABLE eei_sets (
  id TEXT PRIMARY KEY,
  discipline TEXT NOT NULL CHECK (discipline IN (${list(DISCIPLINES)})),
  type_ids TEXT NOT NULL,
  ${MUTABLE}
) STRICT;
CREATE UNIQUE INDEX eei_sets_discipline ON eei_sets(discipline) WHERE deleted = 0;

-- One report from one facility: its values as JSON [{t: type id, n: number, s: text}],
-- the flags raised at entry with the reasons they were confirmed, how it came, who
-- reported it there. No foreign keys to mutable records: sync may deliver either first.
CREATE TABLE status_reports (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL,
  incident_id TEXT,
  status_request_id TEXT,
  source TEXT NOT NULL CHECK (source IN (${list(SOURCES)})),
  reported_by TEXT,
  note TEXT,
  vals TEXT NOT NULL,
  flags TEXT NOT NULL DEFAULT '[]',
  import_ref TEXT,
  ${FACT}
) STRICT;
CREATE INDEX status_reports_organisation ON status_reports(organisation_id, occurred_at);
CREATE INDEX status_reports_time ON status_reports(occurred_at);
CREATE INDEX status_reports_request ON status_reports(status_request_id) WHERE status_request_id IS NOT NULL;

-- "All hospitals report bed availability by 10:30": the facilities and fields asked for,
-- fixed when it goes out (a later directory edit does not change who was asked).
CREATE TABLE status_requests (
  id TEXT PRIMARY KEY,
  incident_id TEXT,
  title TEXT NOT NULL,
  message TEXT,
  type_ids TEXT NOT NULL,
  organisation_ids TEXT NOT NULL,
  selection TEXT NOT NULL,
  deadline INTEGER NOT NULL,
  ${FACT},
  CHECK (deadline > occurred_at)
) STRICT;
CREATE INDEX status_requests_incident ON status_requests(incident_id, occurred_at);

-- Derived: the latest value per facility and status type (by the time it was true, not
-- the time it was typed: a late transcription never hides a newer report).
CREATE TABLE status_current (
  organisation_id TEXT NOT NULL,
  type_id TEXT NOT NULL,
  value_num REAL,
  value_text TEXT,
  occurred_at INTEGER NOT NULL,
  report_id TEXT NOT NULL,
  PRIMARY KEY (organisation_id, type_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX status_current_type ON status_current(type_id, value_num);

-- Derived: region totals of the summed types now, and at the end of each 15-minute bucket.
CREATE TABLE status_totals (
  type_id TEXT PRIMARY KEY,
  total REAL NOT NULL,
  reporting INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE status_trend (
  type_id TEXT NOT NULL,
  bucket INTEGER NOT NULL,
  total REAL NOT NULL,
  reporting INTEGER NOT NULL,
  PRIMARY KEY (type_id, bucket)
) STRICT, WITHOUT ROWID;

-- The situation report being drafted for a period: edited field by field by planning.
CREATE TABLE sitreps (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL,
  period_id TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  needs_12h TEXT NOT NULL DEFAULT '',
  needs_24h TEXT NOT NULL DEFAULT '',
  needs_48h TEXT NOT NULL DEFAULT '',
  needs_72h TEXT NOT NULL DEFAULT '',
  objectives_next TEXT NOT NULL DEFAULT '',
  prognosis TEXT CHECK (prognosis IS NULL OR prognosis IN (${list(PROGNOSES)})),
  -- What the record said when drafted: facility table, bed totals, open requests, events.
  record TEXT NOT NULL,
  drafted_at INTEGER NOT NULL,
  ${MUTABLE}
) STRICT;
CREATE UNIQUE INDEX sitreps_period ON sitreps(period_id) WHERE deleted = 0;
CREATE INDEX sitreps_incident ON sitreps(incident_id) WHERE deleted = 0;

-- An approved situation report: never changed; a later approval supersedes it.
CREATE TABLE sitrep_versions (
  id TEXT PRIMARY KEY,
  sitrep_id TEXT NOT NULL,
  incident_id TEXT NOT NULL,
  period_id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  supersedes_id TEXT,
  content TEXT NOT NULL,
  ${FACT}
) STRICT;
CREATE UNIQUE INDEX sitrep_versions_number ON sitrep_versions(sitrep_id, version);
CREATE INDEX sitrep_versions_incident ON sitrep_versions(incident_id, occurred_at);
${appendOnlyGuards('status_reports')}
${appendOnlyGuards('status_requests')}
${appendOnlyGuards('sitrep_versions', [['id'], ['sitrep_id', 'version']])}
`;

const q = (s: string | null | undefined) => (s === null || s === undefined ? 'NULL' : `'${s.replace(/'/g, "''")}'`);
const n = (v: number | undefined) => (v === undefined ? 'NULL' : String(v));
const LEVEL_SLUGS = ['monitoring', 'partial', 'full'] as const;

function seeds(): string {
  const typeId = (code: string) => seedId('status-type', code);
  const rows = DEFAULT_CATALOGUE.map((t, i) => {
    const intervals = Object.fromEntries(LEVEL_SLUGS.map((slug, k) => [seedId('activation-level', slug), t.intervals[k]]));
    return `INSERT INTO status_types (id, code, label, group_name, ordinal, kind, unit, min_value, max_value, choices, baseline_type_id, jump_share, aggregate, intervals, default_interval, have_field, created_at, updated_hlc)
VALUES (${q(typeId(t.code))}, ${q(t.code)}, ${q(t.label)}, ${q(t.group)}, ${i + 1}, ${q(t.kind)}, ${q(t.unit)}, ${n(t.min)}, ${n(t.max)}, ${q(JSON.stringify(t.choices ?? []))}, ${q(t.baseline ? typeId(t.baseline) : null)}, ${n(t.jumpShare)}, ${q(t.sum ? 'sum' : 'none')}, ${q(JSON.stringify(intervals))}, ${t.intervals[1]}, ${q(t.have)}, 0, ${q(SEED_HLC)});`;
  });
  const disciplines = [...new Set(DEFAULT_CATALOGUE.flatMap((t) => t.disciplines))];
  const sets = disciplines.map((d) => {
    const ids = DEFAULT_CATALOGUE.filter((t) => t.disciplines.includes(d)).map((t) => typeId(t.code));
    return `INSERT INTO eei_sets (id, discipline, type_ids, created_at, updated_hlc) VALUES (${q(seedId('eei-set', d))}, ${q(d)}, ${q(JSON.stringify(ids))}, 0, ${q(SEED_HLC)});`;
  });
  return [...rows, ...sets].join('\n');
}

export const sql = [schema, seeds()].join('\n');

/** Records of fact this migration adds: insert-only, attributed and hash-chained. */
export const STATUS_FACT_TABLES = ['status_reports', 'status_requests', 'sitrep_versions'] as const;
