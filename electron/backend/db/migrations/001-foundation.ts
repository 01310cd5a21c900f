/**
 * Migration 1: identity, the sync outbox, the fact chain and the audit trail.
 * Frozen once released: a later change is a new migration.
 */
export const sql = /* sql */ `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Mutable records: written only through the backend's write path, which also appends
-- one row per changed field to "changes" in the same transaction. Deletion is a tombstone.
CREATE TABLE workstations (
  id TEXT PRIMARY KEY,
  name TEXT,
  created_at INTEGER NOT NULL,
  updated_hlc TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE coalition (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  region TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_hlc TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE positions (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  title TEXT NOT NULL,
  section TEXT NOT NULL,
  custom INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_hlc TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE UNIQUE INDEX positions_code ON positions(code) WHERE deleted = 0;

-- Who is on duty at this workstation. Local state, not a shared record: sign-ins and
-- sign-outs themselves are audit entries.
CREATE TABLE local_session (
  workstation_id TEXT PRIMARY KEY,
  operator_name TEXT NOT NULL,
  position_id TEXT NOT NULL REFERENCES positions(id),
  signed_in_at INTEGER NOT NULL
) STRICT;

-- The outbox sync will exchange: one row per changed field, ordered by hybrid logical clock.
CREATE TABLE changes (
  id TEXT PRIMARY KEY,
  hlc TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  column_name TEXT NOT NULL,
  value TEXT,
  workstation_id TEXT NOT NULL,
  operator_name TEXT,
  position_title TEXT,
  recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX changes_hlc ON changes(hlc);
CREATE INDEX changes_row ON changes(table_name, row_id);

-- One hash chain per workstation over all of its records of fact, in the order written.
CREATE TABLE fact_chain (
  workstation_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (workstation_id, seq)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX fact_chain_row ON fact_chain(table_name, row_id);

-- Record of fact: sign-ins, setup, backups and restores, who did what to the store.
CREATE TABLE audit_entries (
  id TEXT PRIMARY KEY,
  workstation_id TEXT NOT NULL,
  operator_name TEXT,
  position_title TEXT,
  recorded_at INTEGER NOT NULL,
  occurred_at INTEGER NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL
) STRICT;
CREATE INDEX audit_entries_recorded ON audit_entries(recorded_at);

CREATE TRIGGER changes_no_update BEFORE UPDATE ON changes
BEGIN SELECT RAISE(ABORT, 'changes is append-only: a change record cannot be altered'); END;
CREATE TRIGGER changes_no_delete BEFORE DELETE ON changes
BEGIN SELECT RAISE(ABORT, 'changes is append-only: a change record cannot be deleted'); END;
CREATE TRIGGER fact_chain_no_update BEFORE UPDATE ON fact_chain
BEGIN SELECT RAISE(ABORT, 'fact_chain is append-only: a chain link cannot be altered'); END;
CREATE TRIGGER fact_chain_no_delete BEFORE DELETE ON fact_chain
BEGIN SELECT RAISE(ABORT, 'fact_chain is append-only: a chain link cannot be deleted'); END;
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'audit_entries is a record of fact: it cannot be altered'); END;
CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'audit_entries is a record of fact: it cannot be deleted'); END;
`;
