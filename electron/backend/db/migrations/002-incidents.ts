import { v5 as uuidv5 } from 'uuid';

/**
 * Migration 2: incidents, operational periods, the ICS 214 log, decisions, ICS 213
 * messages, the significant events board, checklists, and the timeline index with
 * full-text search. Frozen once released, seed data included: a later change to the
 * templates or levels is a new migration, so every workstation holds the same rows
 * under the same ids.
 */

/** Seeded rows get name-derived ids so that every workstation has the same ones. */
const SEED_NAMESPACE = '0b6f7a52-3f0e-4c3a-9a43-6d2b1c1f4e21';
export const seedId = (kind: string, slug: string) => uuidv5(`${kind}:${slug}`, SEED_NAMESPACE);

/** Seeds precede every real edit: any change made in the console wins over them. */
const SEED_HLC = '000000000000000-00000-seed';

export const SOURCES = "('direct','radio','phone','paper','email','in_person','other')";

const schema = /* sql */ `
-- Mutable records (written through the write path, one "changes" row per field).
-- No foreign keys between them and records of fact: sync may deliver either first.
CREATE TABLE activation_levels (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  rank INTEGER NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_hlc TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Objectives, position codes and checklists as JSON: a template is copied whole into a
-- new incident and never queried by its parts.
CREATE TABLE incident_templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  hazard_type TEXT NOT NULL,
  description TEXT NOT NULL,
  objectives TEXT NOT NULL,
  position_codes TEXT NOT NULL,
  checklists TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_hlc TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  number TEXT,
  exercise INTEGER NOT NULL CHECK (exercise IN (0, 1)),
  hazard_type TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  template_id TEXT,
  activation_level_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  started_at INTEGER NOT NULL,
  closed_at INTEGER,
  closing_note TEXT,
  board_approvers TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_hlc TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX incidents_status ON incidents(status, started_at);
-- An exercise never becomes real nor the reverse: its records would lose their mark.
CREATE TRIGGER incidents_exercise_fixed BEFORE UPDATE OF exercise ON incidents
WHEN NEW.exercise IS NOT OLD.exercise
BEGIN SELECT RAISE(ABORT, 'incidents.exercise is fixed at creation: an exercise cannot become real or the reverse'); END;

CREATE TABLE periods (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  closed_at INTEGER,
  command_emphasis TEXT NOT NULL DEFAULT '',
  situational_awareness TEXT NOT NULL DEFAULT '',
  site_safety_plan_required INTEGER NOT NULL DEFAULT 0,
  site_safety_plan_location TEXT NOT NULL DEFAULT '',
  prepared_by TEXT NOT NULL DEFAULT '',
  approved_by TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_hlc TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  CHECK (ends_at > starts_at)
) STRICT;
CREATE UNIQUE INDEX periods_number ON periods(incident_id, number) WHERE deleted = 0;
-- At most one open period per incident, whatever the code above does.
CREATE UNIQUE INDEX periods_one_open ON periods(incident_id) WHERE status = 'open' AND deleted = 0;

CREATE TABLE objectives (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL,
  period_id TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_hlc TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX objectives_period ON objectives(period_id, ordinal);

CREATE TABLE staffing (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL,
  period_id TEXT NOT NULL,
  position_id TEXT NOT NULL,
  holder_name TEXT,
  home_agency TEXT,
  contact TEXT,
  created_at INTEGER NOT NULL,
  updated_hlc TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE UNIQUE INDEX staffing_one_holder ON staffing(period_id, position_id) WHERE deleted = 0;

CREATE TABLE checklist_items (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL,
  position_id TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_hlc TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX checklist_items_incident ON checklist_items(incident_id, position_id, ordinal);

-- The incident this workstation works on. Local state like local_session, not synced.
CREATE TABLE local_active_incident (
  workstation_id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL,
  set_at INTEGER NOT NULL
) STRICT;

-- Records of fact: insert-only, attributed and hash-chained by the write path. Each has
-- occurred_at (when it happened, typed by the operator) and recorded_at (when saved).
CREATE TABLE log_entries (
  id TEXT PRIMARY KEY,
  workstation_id TEXT NOT NULL,
  operator_name TEXT,
  position_title TEXT,
  recorded_at INTEGER NOT NULL,
  occurred_at INTEGER NOT NULL,
  incident_id TEXT NOT NULL,
  position_id TEXT NOT NULL,
  category TEXT NOT NULL,
  text TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ${SOURCES}),
  transcribed INTEGER NOT NULL CHECK (transcribed IN (0, 1)),
  corrects_id TEXT
) STRICT;
CREATE INDEX log_entries_corrects ON log_entries(corrects_id) WHERE corrects_id IS NOT NULL;

CREATE TABLE decisions (
  id TEXT PRIMARY KEY,
  workstation_id TEXT NOT NULL,
  operator_name TEXT,
  position_title TEXT,
  recorded_at INTEGER NOT NULL,
  occurred_at INTEGER NOT NULL,
  incident_id TEXT NOT NULL,
  title TEXT NOT NULL,
  decision TEXT NOT NULL,
  options TEXT NOT NULL,
  rationale TEXT NOT NULL,
  authority TEXT NOT NULL,
  made_by_name TEXT NOT NULL,
  made_by_position_id TEXT NOT NULL,
  made_by_position_title TEXT NOT NULL,
  links TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  supersedes_id TEXT
) STRICT;
CREATE INDEX decisions_incident ON decisions(incident_id, occurred_at, id);
CREATE INDEX decisions_supersedes ON decisions(supersedes_id) WHERE supersedes_id IS NOT NULL;

CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  workstation_id TEXT NOT NULL,
  operator_name TEXT,
  position_title TEXT,
  recorded_at INTEGER NOT NULL,
  occurred_at INTEGER NOT NULL,
  incident_id TEXT NOT NULL,
  position_id TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  via TEXT NOT NULL,
  priority TEXT NOT NULL CHECK (priority IN ('routine', 'urgent', 'immediate')),
  to_name TEXT NOT NULL,
  to_position TEXT NOT NULL,
  from_name TEXT NOT NULL,
  from_position TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  approved_by_name TEXT,
  approved_by_position TEXT,
  transcribed INTEGER NOT NULL CHECK (transcribed IN (0, 1))
) STRICT;

-- ICS 213 blocks 9-10, added after the message: a new row, never an edit of it.
CREATE TABLE message_replies (
  id TEXT PRIMARY KEY,
  workstation_id TEXT NOT NULL,
  operator_name TEXT,
  position_title TEXT,
  recorded_at INTEGER NOT NULL,
  occurred_at INTEGER NOT NULL,
  incident_id TEXT NOT NULL,
  message_id TEXT NOT NULL,
  reply TEXT NOT NULL,
  replied_by_name TEXT NOT NULL,
  replied_by_position TEXT NOT NULL
) STRICT;
CREATE INDEX message_replies_message ON message_replies(message_id);

CREATE TABLE significant_proposals (
  id TEXT PRIMARY KEY,
  workstation_id TEXT NOT NULL,
  operator_name TEXT,
  position_title TEXT,
  recorded_at INTEGER NOT NULL,
  occurred_at INTEGER NOT NULL,
  incident_id TEXT NOT NULL,
  entry_id TEXT NOT NULL,
  proposer_position_id TEXT NOT NULL,
  note TEXT
) STRICT;
CREATE INDEX significant_proposals_entry ON significant_proposals(entry_id);
CREATE INDEX significant_proposals_incident ON significant_proposals(incident_id, occurred_at);

CREATE TABLE significant_reviews (
  id TEXT PRIMARY KEY,
  workstation_id TEXT NOT NULL,
  operator_name TEXT,
  position_title TEXT,
  recorded_at INTEGER NOT NULL,
  occurred_at INTEGER NOT NULL,
  incident_id TEXT NOT NULL,
  proposal_id TEXT NOT NULL,
  entry_id TEXT NOT NULL,
  approved INTEGER NOT NULL CHECK (approved IN (0, 1)),
  approver_position_id TEXT NOT NULL,
  note TEXT
) STRICT;
CREATE INDEX significant_reviews_proposal ON significant_reviews(proposal_id);
CREATE INDEX significant_reviews_entry ON significant_reviews(entry_id, approved);
CREATE INDEX significant_reviews_incident ON significant_reviews(incident_id, approved);

CREATE TABLE checklist_ticks (
  id TEXT PRIMARY KEY,
  workstation_id TEXT NOT NULL,
  operator_name TEXT,
  position_title TEXT,
  recorded_at INTEGER NOT NULL,
  occurred_at INTEGER NOT NULL,
  incident_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  done INTEGER NOT NULL CHECK (done IN (0, 1)),
  note TEXT
) STRICT;
CREATE INDEX checklist_ticks_item ON checklist_ticks(item_id, recorded_at);

-- The timeline: one slim row per record of an incident, kept by the triggers below.
-- key = occurred_at * 2^20 + n orders rows by when they happened (n breaks ties in
-- insertion order), so every index below ends in time order and a page is one index
-- range, and the full-text index can walk matches in time order too and stop at a page.
-- Incident and position ids are interned to small integers (timeline_refs) to keep the
-- indexes small at a million rows. Derived data: never updated, never deleted.
CREATE TABLE timeline_refs (
  n INTEGER PRIMARY KEY,
  ref TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE timeline (
  key INTEGER PRIMARY KEY,
  inc INTEGER NOT NULL,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  pos INTEGER,
  operator_name TEXT,
  category TEXT
) STRICT;
CREATE INDEX timeline_incident ON timeline(inc);
CREATE INDEX timeline_kind ON timeline(inc, kind);
CREATE INDEX timeline_position ON timeline(inc, pos);
CREATE INDEX timeline_operator ON timeline(inc, operator_name);
CREATE INDEX timeline_category ON timeline(inc, category);

-- Contentless: the text lives in the records of fact. scope holds tokens for the
-- incident, kind and position so that filters narrow the search inside the index.
CREATE VIRTUAL TABLE timeline_fts USING fts5(scope, body, content = '', tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline
BEGIN SELECT RAISE(ABORT, 'timeline is derived from records of fact: it cannot be altered'); END;
CREATE TRIGGER timeline_no_delete BEFORE DELETE ON timeline
BEGIN SELECT RAISE(ABORT, 'timeline is derived from records of fact: it cannot be deleted'); END;
`;

/** The table of a record of fact and how it enters the timeline. */
export interface TimelineFeed {
  readonly table: string;
  readonly kind: string;
  readonly position: string;
  readonly category: string;
  readonly body: string;
}

export const FEEDS: readonly TimelineFeed[] = [
  { table: 'log_entries', kind: 'entry', position: 'NEW.position_id', category: 'NEW.category', body: "NEW.text || ' ' || NEW.category" },
  {
    table: 'decisions',
    kind: 'decision',
    position: 'NEW.made_by_position_id',
    category: 'NULL',
    body: "concat_ws(' ', NEW.title, NEW.decision, NEW.rationale, NEW.authority, NEW.made_by_name, (SELECT group_concat(json_extract(value, '$.text'), ' ') FROM json_each(NEW.options)))",
  },
  {
    table: 'messages',
    kind: 'message',
    position: 'NEW.position_id',
    category: 'NULL',
    body: "concat_ws(' ', NEW.subject, NEW.body, NEW.to_name, NEW.to_position, NEW.from_name, NEW.from_position)",
  },
  {
    table: 'message_replies',
    kind: 'reply',
    position: '(SELECT position_id FROM messages WHERE id = NEW.message_id)',
    category: 'NULL',
    body: "concat_ws(' ', NEW.reply, NEW.replied_by_name, NEW.replied_by_position)",
  },
  { table: 'significant_proposals', kind: 'proposal', position: 'NEW.proposer_position_id', category: 'NULL', body: "coalesce(NEW.note, '')" },
  { table: 'significant_reviews', kind: 'review', position: 'NEW.approver_position_id', category: 'NULL', body: "coalesce(NEW.note, '')" },
  {
    table: 'checklist_ticks',
    kind: 'tick',
    position: '(SELECT position_id FROM checklist_items WHERE id = NEW.item_id)',
    category: 'NULL',
    body: "concat_ws(' ', (SELECT text FROM checklist_items WHERE id = NEW.item_id), NEW.note)",
  },
];

function factTriggers(f: TimelineFeed): string {
  return /* sql */ `
CREATE TRIGGER ${f.table}_no_update BEFORE UPDATE ON ${f.table}
BEGIN SELECT RAISE(ABORT, '${f.table} is a record of fact: it cannot be altered'); END;
CREATE TRIGGER ${f.table}_no_delete BEFORE DELETE ON ${f.table}
BEGIN SELECT RAISE(ABORT, '${f.table} is a record of fact: it cannot be deleted'); END;
${timelineTrigger(f)}`;
}

/** How a record of fact enters the timeline (exported: a later migration redefines one feed's). */
export function timelineTrigger(f: TimelineFeed): string {
  return /* sql */ `CREATE TRIGGER ${f.table}_timeline AFTER INSERT ON ${f.table}
BEGIN
  INSERT OR IGNORE INTO timeline_refs (ref) SELECT NEW.incident_id UNION ALL SELECT ${f.position} WHERE ${f.position} IS NOT NULL;
  INSERT INTO timeline (key, inc, kind, record_id, pos, operator_name, category) VALUES (
    coalesce(
      (SELECT key + 1 FROM timeline WHERE key >= NEW.occurred_at * 1048576 AND key < (NEW.occurred_at + 1) * 1048576 ORDER BY key DESC LIMIT 1),
      NEW.occurred_at * 1048576),
    (SELECT n FROM timeline_refs WHERE ref = NEW.incident_id),
    '${f.kind}',
    NEW.id,
    (SELECT n FROM timeline_refs WHERE ref = ${f.position}),
    NEW.operator_name,
    ${f.category});
  -- The row just inserted has the highest key of its millisecond. (Not last_insert_rowid():
  -- a non-deterministic function cannot drive an index lookup, so it would scan the table.)
  INSERT INTO timeline_fts (rowid, scope, body)
    SELECT key, 'i' || inc || ' k' || kind || coalesce(' p' || pos, ''), ${f.body} FROM timeline
    WHERE key >= NEW.occurred_at * 1048576 AND key < (NEW.occurred_at + 1) * 1048576 ORDER BY key DESC LIMIT 1;
END;`;
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

const LEVELS = [
  { slug: 'monitoring', name: 'Monitoring', rank: 1, description: 'The duty officer watches the situation and keeps members informed; the coalition EOC is not staffed.' },
  { slug: 'partial', name: 'Partial activation', rank: 2, description: 'Some coalition EOC positions are staffed for coordination of a limited event.' },
  { slug: 'full', name: 'Full activation', rank: 3, description: 'The coalition EOC is fully staffed and coordinates the response of all members.' },
];

interface TemplateSeed {
  slug: string;
  name: string;
  hazardType: string;
  description: string;
  objectives: string[];
  positionCodes: string[];
  checklists: { positionCode: string; items: string[] }[];
}

const TEMPLATES: TemplateSeed[] = [
  {
    slug: 'hospital-evacuation',
    name: 'Hospital evacuation / patient surge',
    hazardType: 'Hospital evacuation / patient surge',
    description: 'A member hospital evacuates, or patients surge beyond its capacity, and the coalition places patients across its members.',
    objectives: [
      'Account for every patient at the evacuating facility and track each one to a receiving bed.',
      'Identify appropriate receiving beds by type across the coalition within 90 minutes.',
      'Match every patient to transport appropriate to their acuity.',
      'Keep families, public health and state ESF-8 informed through the PIO and the Liaison Officer.',
      'Protect the safety of patients and staff throughout the movement.',
    ],
    positionCodes: ['HCCDO', 'IC', 'PSC', 'SITL', 'OSC', 'MEDCARE', 'LSC', 'LOFR', 'PIO', 'DOCL'],
    checklists: [
      {
        positionCode: 'HCCDO',
        items: [
          "Confirm the evacuating facility's command center is active and record its contact.",
          'Alert coalition members and request bed availability by type.',
          'Notify state ESF-8 and the regional EMS coordinator.',
          'Open operational period 1 and staff the coalition EOC positions.',
        ],
      },
      {
        positionCode: 'SITL',
        items: [
          'Set the reporting schedule for bed counts (every 30 minutes).',
          'Post patient counts by acuity on the significant events board.',
          'Prepare the situation summary for the next briefing.',
        ],
      },
      {
        positionCode: 'MEDCARE',
        items: [
          'Obtain the patient list with acuity (ICU, medical-surgical, ambulatory).',
          'Confirm acceptance by a receiving facility for every patient.',
          'Track transfers initiated and arrivals confirmed.',
        ],
      },
      {
        positionCode: 'LSC',
        items: ['Identify transport: ALS, BLS, wheelchair vans and buses.', 'Source additional stretchers and evacuation equipment.'],
      },
    ],
  },
  {
    slug: 'power-outage',
    name: 'Extended power outage',
    hazardType: 'Utility failure: extended power outage',
    description: 'Grid power is lost across the region for more than 24 hours; facilities run on generators.',
    objectives: [
      'Confirm generator status and hours of fuel at every hospital and long-term care facility.',
      'Prioritise fuel deliveries to facilities with less than 24 hours of fuel.',
      'Support residents who depend on electrically powered medical equipment.',
      'Keep communications with members by backup means (radio, satellite).',
    ],
    positionCodes: ['HCCDO', 'IC', 'SITL', 'INFRA', 'LSC', 'SPUL', 'COML', 'LOFR'],
    checklists: [
      {
        positionCode: 'HCCDO',
        items: [
          'Poll members for facility system status (HICS 251).',
          'Obtain restoration estimates from the utility liaison.',
          'Notify state ESF-8 and the emergency management director.',
        ],
      },
      {
        positionCode: 'INFRA',
        items: ['Record generator status and hours of fuel for every facility.', 'Escalate facilities under 24 hours of fuel to Logistics.'],
      },
      { positionCode: 'COML', items: ['Test the backup radio net with every member.', 'Publish the radio net schedule.'] },
      { positionCode: 'LSC', items: ['Confirm fuel supplier contracts and delivery routes.', 'Locate portable generators available to members.'] },
    ],
  },
  {
    slug: 'infectious-disease',
    name: 'Infectious disease outbreak',
    hazardType: 'Infectious disease outbreak',
    description: 'An outbreak raises admissions and strains staffing and personal protective equipment across members.',
    objectives: [
      'Collect bed, staffing and PPE status from every hospital daily.',
      'Distribute PPE from coalition caches by days on hand.',
      'Balance patient load across hospitals with public health.',
      'Support consistent public messaging with public health.',
    ],
    positionCodes: ['HCCDO', 'IC', 'PSC', 'SITL', 'MTS', 'LSC', 'SPUL', 'PIO', 'LOFR'],
    checklists: [
      {
        positionCode: 'MTS',
        items: ['Confirm the case definition and infection control guidance with public health.', 'Brief members on testing and isolation guidance.'],
      },
      {
        positionCode: 'SPUL',
        items: ['Collect days on hand of N95s, gowns, gloves and face shields from each member.', 'Report caches below 7 days on hand.'],
      },
      { positionCode: 'SITL', items: ['Compile the daily situation report.', 'Track admissions and ICU occupancy trends.'] },
    ],
  },
  {
    slug: 'mass-casualty',
    name: 'Mass casualty incident',
    hazardType: 'Mass casualty incident',
    description: 'A sudden event produces more casualties than the nearest hospitals can treat.',
    objectives: [
      'Distribute patients across hospitals according to their capacity.',
      'Obtain bed availability by type from every hospital within 30 minutes.',
      'Track every patient from the scene to a hospital (HICS 254).',
      'Support family reunification with the PIO and public health.',
    ],
    positionCodes: ['HCCDO', 'IC', 'OSC', 'MEDCARE', 'SITL', 'PIO', 'LOFR', 'DOCL'],
    checklists: [
      {
        positionCode: 'HCCDO',
        items: [
          'Confirm location, type of incident and estimated casualties with EMS.',
          'Alert all hospitals and request immediate, delayed and minor capacity.',
          'Notify state ESF-8.',
        ],
      },
      { positionCode: 'MEDCARE', items: ['Track patients distributed to each hospital.', 'Identify burn and pediatric capacity.'] },
      { positionCode: 'SITL', items: ['Post casualty counts by triage category on the significant events board.'] },
      { positionCode: 'PIO', items: ['Coordinate family assistance center information with public health.'] },
    ],
  },
  {
    slug: 'winter-storm',
    name: 'Severe winter storm',
    hazardType: 'Severe winter storm',
    description: 'Snow and ice close roads and threaten power; staff cannot reach facilities and home-care patients are isolated.',
    objectives: [
      'Keep facilities staffed: staff transport and lodging.',
      'Monitor facility systems, heating and generator fuel.',
      'Support dialysis and home-health patients who cannot travel.',
      'Pre-position supplies before roads close.',
    ],
    positionCodes: ['HCCDO', 'IC', 'SITL', 'INFRA', 'LSC', 'LOFR', 'PIO'],
    checklists: [
      {
        positionCode: 'HCCDO',
        items: ['Share the weather forecast and expected road closures with members.', 'Poll members for staffing gaps and facility status.'],
      },
      { positionCode: 'LSC', items: ['Arrange four-wheel-drive staff transport.', 'Confirm snow removal priorities for facility access.'] },
      { positionCode: 'LOFR', items: ['Coordinate dialysis schedule changes with dialysis providers.'] },
    ],
  },
];

function seeds(): string {
  const levels = LEVELS.map(
    (l) =>
      `INSERT INTO activation_levels (id, name, rank, description, created_at, updated_hlc) VALUES (${q(seedId('activation-level', l.slug))}, ${q(l.name)}, ${l.rank}, ${q(l.description)}, 0, ${q(SEED_HLC)});`,
  );
  const templates = TEMPLATES.map(
    (t) =>
      `INSERT INTO incident_templates (id, name, hazard_type, description, objectives, position_codes, checklists, created_at, updated_hlc) VALUES (${q(seedId('template', t.slug))}, ${q(t.name)}, ${q(t.hazardType)}, ${q(t.description)}, ${q(JSON.stringify(t.objectives))}, ${q(JSON.stringify(t.positionCodes))}, ${q(JSON.stringify(t.checklists))}, 0, ${q(SEED_HLC)});`,
  );
  return [...levels, ...templates].join('\n');
}

export const INCIDENT_FACT_TABLES = FEEDS.map((f) => f.table);

export const sql = [schema, ...FEEDS.map(factTriggers), seeds()].join('\n');
