// Value lists are written out, not imported from shared/: a released migration must not
// change when the domain lists grow (that is a new migration).
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const DISCIPLINES = ['hospital', 'ems', 'public_health', 'emergency_management', 'long_term_care', 'community_health_center', 'dialysis', 'home_health', 'pharmacy', 'behavioral_health', 'urgent_care', 'other'];
const MEMBERSHIPS = ['core', 'supporting'];
const AGREEMENT_KINDS = ['mou', 'mutual_aid', 'other'];
const PRIORITIES = ['urgent', 'routine', 'low'];
const REQUEST_STATUSES = ['draft', 'submitted', 'changes_requested', 'denied', 'resource_check', 'sourcing', 'finance_review', 'ordered', 'en_route', 'received', 'assigned', 'released', 'returned', 'closed', 'cancelled'];
const FILL_SOURCES = ['inventory', 'member', 'agreement', 'state', 'purchase'];

/** Mutable-record columns the write path fills: created_at, the HLC of the last change, tombstone. */
const MUTABLE = `created_at INTEGER NOT NULL,
  updated_hlc TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))`;

/** Record-of-fact columns: who, where, when recorded (filled by the write path), when it happened. */
const FACT = `workstation_id TEXT NOT NULL,
  operator_name TEXT,
  position_title TEXT,
  recorded_at INTEGER NOT NULL,
  occurred_at INTEGER NOT NULL`;

const appendOnly = (table: string) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is a record of fact: it cannot be altered; record a correction instead'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is a record of fact: it cannot be deleted'); END;`;

/**
 * Migration 3: the coalition directory, resource inventory and ICS 213RR resource requests.
 * Requests belong to an incident (migration 2). Request steps, fills and inventory movements
 * are records of fact; the request row carries the current status and board fields, kept in
 * step with the events in the same transaction. Frozen once released.
 */
export const sql = /* sql */ `
CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  short_name TEXT,
  discipline TEXT NOT NULL CHECK (discipline IN (${list(DISCIPLINES)})),
  membership TEXT NOT NULL CHECK (membership IN (${list(MEMBERSHIPS)})),
  region TEXT,
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
CREATE INDEX organisations_name ON organisations(name COLLATE NOCASE) WHERE deleted = 0;

CREATE TABLE contacts (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisations(id),
  name TEXT NOT NULL,
  role TEXT,
  phone_24x7 TEXT,
  other_phones TEXT NOT NULL DEFAULT '[]',
  email TEXT,
  radio TEXT,
  notes TEXT,
  demo INTEGER NOT NULL DEFAULT 0,
  ${MUTABLE}
) STRICT;
CREATE INDEX contacts_organisation ON contacts(organisation_id) WHERE deleted = 0;

-- Parties are a JSON array of organisation ids: a coalition has tens of agreements, not thousands.
CREATE TABLE agreements (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN (${list(AGREEMENT_KINDS)})),
  party_ids TEXT NOT NULL,
  scope TEXT NOT NULL,
  resources_covered TEXT NOT NULL DEFAULT '[]',
  effective_on TEXT NOT NULL,
  expires_on TEXT,
  document_ref TEXT,
  notes TEXT,
  demo INTEGER NOT NULL DEFAULT 0,
  ${MUTABLE},
  CHECK (expires_on IS NULL OR expires_on >= effective_on)
) STRICT;

-- Conservation is also a constraint: nothing can leave allocated above held or below zero.
CREATE TABLE inventory (
  id TEXT PRIMARY KEY,
  category TEXT NOT NULL,
  resource_class TEXT NOT NULL,
  kind TEXT NOT NULL,
  kind_key TEXT NOT NULL,
  type TEXT,
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  location TEXT NOT NULL,
  owner_organisation_id TEXT NOT NULL REFERENCES organisations(id),
  status TEXT NOT NULL CHECK (status IN ('available', 'conditionally_available', 'not_available')),
  held_quantity INTEGER NOT NULL CHECK (held_quantity >= 0),
  allocated_quantity INTEGER NOT NULL DEFAULT 0 CHECK (allocated_quantity >= 0 AND allocated_quantity <= held_quantity),
  last_counted_at INTEGER,
  notes TEXT,
  consumable INTEGER NOT NULL DEFAULT 0,
  demo INTEGER NOT NULL DEFAULT 0,
  ${MUTABLE}
) STRICT;
CREATE INDEX inventory_kind ON inventory(kind_key) WHERE deleted = 0;
CREATE INDEX inventory_owner ON inventory(owner_organisation_id) WHERE deleted = 0;

-- The header of an ICS 213RR. Status and the board's fields (priority rank, age, earliest
-- requested arrival, ETA, quantities) are kept here so the board is one indexed query.
CREATE TABLE requests (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL,
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  requesting_organisation_id TEXT NOT NULL REFERENCES organisations(id),
  requested_by_name TEXT NOT NULL,
  requested_by_position TEXT,
  requested_by_contact TEXT,
  priority TEXT NOT NULL CHECK (priority IN (${list(PRIORITIES)})),
  priority_rank INTEGER NOT NULL,
  delivery_location TEXT NOT NULL,
  substitutes TEXT,
  notes TEXT,
  status TEXT NOT NULL CHECK (status IN (${list(REQUEST_STATUSES)})),
  status_since INTEGER NOT NULL,
  is_open INTEGER NOT NULL CHECK (is_open IN (0, 1)),
  submitted_at INTEGER,
  aged_from INTEGER NOT NULL,
  requested_arrival INTEGER,
  eta INTEGER,
  quantity_requested INTEGER NOT NULL DEFAULT 0,
  quantity_filled INTEGER NOT NULL DEFAULT 0,
  summary TEXT NOT NULL,
  search_text TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  ${MUTABLE}
) STRICT;
-- Numbers are RR-1 ... RR-99999: by length, then text, the last one is found at the index's end.
CREATE INDEX requests_number ON requests(length(number), number);
CREATE INDEX requests_board ON requests(is_open, priority_rank, aged_from) WHERE deleted = 0;
CREATE INDEX requests_incident_board ON requests(incident_id, is_open, priority_rank, aged_from) WHERE deleted = 0;
CREATE INDEX requests_status ON requests(status, status_since) WHERE deleted = 0;
CREATE INDEX requests_age ON requests(is_open, aged_from) WHERE deleted = 0;
-- Covers the board's counts (by status, urgent, overdue) so they never touch the table.
CREATE INDEX requests_counts ON requests(is_open, status, priority, status_since, requested_arrival, eta) WHERE deleted = 0;
CREATE INDEX requests_incident_counts ON requests(incident_id, is_open, status, priority, status_since, requested_arrival, eta) WHERE deleted = 0;
CREATE INDEX requests_organisation ON requests(requesting_organisation_id, is_open) WHERE deleted = 0;

-- Block 4 lines: edited only while the request is a draft or returned for changes.
CREATE TABLE request_lines (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests(id),
  line_no INTEGER NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity >= 1),
  unit TEXT,
  kind TEXT NOT NULL,
  kind_key TEXT NOT NULL,
  type TEXT,
  description TEXT,
  requested_arrival INTEGER,
  cost_cents INTEGER,
  ${MUTABLE}
) STRICT;
CREATE INDEX request_lines_request ON request_lines(request_id) WHERE deleted = 0;

-- Every step of every request, in order: who, position, workstation, when it happened and
-- when it was recorded. The request's status is always the to_status of its latest event.
CREATE TABLE request_events (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests(id),
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  note TEXT,
  detail TEXT NOT NULL DEFAULT '{}',
  ${FACT}
) STRICT;
CREATE INDEX request_events_request ON request_events(request_id, recorded_at);

-- Sourcing: each fill puts some quantity of one line against one source. A withdrawal is a
-- new row pointing at the fill it takes back; both stay visible.
CREATE TABLE request_fills (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests(id),
  line_id TEXT NOT NULL REFERENCES request_lines(id),
  event_id TEXT NOT NULL REFERENCES request_events(id),
  kind TEXT NOT NULL CHECK (kind IN ('fill', 'withdrawal')),
  withdraws_fill_id TEXT REFERENCES request_fills(id),
  source TEXT NOT NULL CHECK (source IN (${list(FILL_SOURCES)})),
  quantity INTEGER NOT NULL CHECK (quantity >= 1),
  inventory_id TEXT REFERENCES inventory(id),
  organisation_id TEXT REFERENCES organisations(id),
  agreement_id TEXT REFERENCES agreements(id),
  source_name TEXT NOT NULL,
  supplier_name TEXT,
  supplier_contact TEXT,
  order_number TEXT,
  order_placed_by TEXT,
  estimated_arrival INTEGER,
  cost_cents INTEGER,
  reason TEXT,
  ${FACT}
) STRICT;
CREATE INDEX request_fills_request ON request_fills(request_id);
CREATE UNIQUE INDEX request_fills_one_withdrawal ON request_fills(withdraws_fill_id) WHERE withdraws_fill_id IS NOT NULL;

-- Stock movements, each in the same transaction as the request event that caused it.
-- allocate: available -> allocated; return: allocated -> available; consume: used up.
CREATE TABLE allocations (
  id TEXT PRIMARY KEY,
  inventory_id TEXT NOT NULL REFERENCES inventory(id),
  request_id TEXT NOT NULL REFERENCES requests(id),
  line_id TEXT NOT NULL REFERENCES request_lines(id),
  fill_id TEXT NOT NULL REFERENCES request_fills(id),
  event_id TEXT NOT NULL REFERENCES request_events(id),
  movement TEXT NOT NULL CHECK (movement IN ('allocate', 'return', 'consume')),
  settles_id TEXT REFERENCES allocations(id),
  quantity INTEGER NOT NULL CHECK (quantity >= 1),
  ${FACT},
  CHECK ((movement = 'allocate') = (settles_id IS NULL))
) STRICT;
CREATE INDEX allocations_inventory ON allocations(inventory_id, recorded_at);
CREATE INDEX allocations_request ON allocations(request_id);

-- Board search. The FTS rows are keyed by a local integer (stable across VACUUM, unlike the
-- implicit rowid of a table with a text key) mapped to the request id.
CREATE TABLE requests_fts_keys (
  rowid INTEGER PRIMARY KEY,
  request_id TEXT NOT NULL UNIQUE
) STRICT;
CREATE VIRTUAL TABLE requests_fts USING fts5(search_text, tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER requests_fts_insert AFTER INSERT ON requests BEGIN
  INSERT INTO requests_fts_keys (request_id) VALUES (new.id);
  INSERT INTO requests_fts (rowid, search_text) VALUES ((SELECT rowid FROM requests_fts_keys WHERE request_id = new.id), new.search_text);
END;
CREATE TRIGGER requests_fts_update AFTER UPDATE OF search_text ON requests BEGIN
  DELETE FROM requests_fts WHERE rowid = (SELECT rowid FROM requests_fts_keys WHERE request_id = new.id);
  INSERT INTO requests_fts (rowid, search_text) VALUES ((SELECT rowid FROM requests_fts_keys WHERE request_id = new.id), new.search_text);
END;
${appendOnly('request_events')}
${appendOnly('request_fills')}
${appendOnly('allocations')}
`;

/** Records of fact this migration adds: insert-only, attributed and hash-chained. */
export const RESOURCE_FACT_TABLES = ['request_events', 'request_fills', 'allocations'] as const;
