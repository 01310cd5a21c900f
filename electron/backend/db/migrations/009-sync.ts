// The guards as this migration made them when released (migration 18 added the rowid).
import { keyOnlyNoReplaceTrigger as noReplaceTrigger } from './append-only';

/**
 * Migration 9: several workstations, one record (sync.md).
 *
 * - Each change remembers the value its writer overwrote (`base_hlc`), so two edits of one
 *   field are known to be concurrent when neither writer had seen the other's.
 * - Stock held and allocated become derived values kept in `inventory_stock`: a local table
 *   recomputed from the synced count and the allocation records in the same transaction as
 *   every apply, never in the outbox. The synced part of a holding is its last physical
 *   count (`counted_quantity`) and how much had been used up when it was counted
 *   (`consumed_at_count`), so a use recorded elsewhere after the count is still subtracted.
 *   The old `held_quantity` / `allocated_quantity` columns are retired (kept at 0, never
 *   read): their CHECK forbids allocated above held, which two workstations allocating the
 *   same stock offline can legitimately produce, and which must be shown, not refused.
 * - Workstations get a short code (WS1, WS2, ...) that prefixes the numbers people read.
 * - Local bookkeeping of sync: batches held until they can be applied, rows waiting for a
 *   parent, the conflict review queue, peers. None of it is synced.
 * Frozen once released.
 */
export const sql = /* sql */ `
ALTER TABLE changes ADD COLUMN base_hlc TEXT;
CREATE INDEX changes_origin ON changes(workstation_id, hlc);
CREATE INDEX changes_field ON changes(table_name, row_id, column_name, hlc);

ALTER TABLE workstations ADD COLUMN short_code TEXT;
-- The member list is the workstations table, synced like any record: how each joined (the
-- invitation an enrolled member signed), and whether it was removed, by whom, and after
-- which of its records (those up to it stay valid; later ones are refused).
ALTER TABLE workstations ADD COLUMN enrolment TEXT;
ALTER TABLE workstations ADD COLUMN removed_at INTEGER;
ALTER TABLE workstations ADD COLUMN removed_by TEXT;
ALTER TABLE workstations ADD COLUMN removed_after_seq INTEGER;
-- The workstation that set the coalition up: the first member, enrolled by no one.
ALTER TABLE coalition ADD COLUMN founder_id TEXT;

ALTER TABLE inventory ADD COLUMN counted_quantity INTEGER NOT NULL DEFAULT 0 CHECK (counted_quantity >= 0);
ALTER TABLE inventory ADD COLUMN consumed_at_count INTEGER NOT NULL DEFAULT 0 CHECK (consumed_at_count >= 0);

-- Two workstations may withdraw the same fill offline: both withdrawals are records and
-- both must be stored, so "one withdrawal per fill" cannot be a constraint any more.
DROP INDEX request_fills_one_withdrawal;
CREATE INDEX request_fills_withdraws ON request_fills(withdraws_fill_id) WHERE withdraws_fill_id IS NOT NULL;
DROP TRIGGER request_fills_no_replace;
${noReplaceTrigger('request_fills')}

-- A settlement (return, use) is found from the allocation it settles when stock is derived.
CREATE INDEX allocations_settles ON allocations(settles_id) WHERE settles_id IS NOT NULL;

CREATE TABLE inventory_stock (
  inventory_id TEXT PRIMARY KEY,
  held INTEGER NOT NULL,
  allocated INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- Existing holdings: what was held is the count, and everything used up so far preceded it.
UPDATE inventory SET
  counted_quantity = held_quantity,
  consumed_at_count = coalesce((SELECT sum(quantity) FROM allocations a WHERE a.inventory_id = inventory.id AND a.movement = 'consume'), 0);
INSERT INTO inventory_stock (inventory_id, held, allocated) SELECT id, held_quantity, allocated_quantity FROM inventory;
UPDATE inventory SET allocated_quantity = 0;
UPDATE inventory SET held_quantity = 0;

-- The new synced fields of existing holdings enter the outbox, stamped with the holding's own
-- clock (no workstation has synced before this migration, so nothing can have been sent).
INSERT INTO changes (id, hlc, table_name, row_id, column_name, value, workstation_id, operator_name, position_title, recorded_at, base_hlc)
SELECT lower(hex(randomblob(16))), i.updated_hlc, 'inventory', i.id, c.col, CAST(CASE c.col WHEN 'counted_quantity' THEN i.counted_quantity ELSE i.consumed_at_count END AS TEXT),
  substr(i.updated_hlc, 23), NULL, NULL, i.created_at, NULL
FROM inventory i CROSS JOIN (SELECT 'counted_quantity' AS col UNION ALL SELECT 'consumed_at_count') c
WHERE i.updated_hlc LIKE '_______________-_____-%';

-- A coalition set up before sync was founded by this workstation.
UPDATE coalition SET founder_id = (SELECT value FROM meta WHERE key = 'workstation_id');
INSERT INTO changes (id, hlc, table_name, row_id, column_name, value, workstation_id, operator_name, position_title, recorded_at, base_hlc)
SELECT lower(hex(randomblob(16))), c.updated_hlc, 'coalition', c.id, 'founder_id', json_quote(c.founder_id), substr(c.updated_hlc, 23), NULL, NULL, c.created_at, NULL
FROM coalition c WHERE c.founder_id IS NOT NULL AND c.updated_hlc LIKE '_______________-_____-%';

-- This workstation is WS1 of its coalition until it enrols elsewhere.
UPDATE workstations SET short_code = 'WS1' WHERE id = (SELECT value FROM meta WHERE key = 'workstation_id');
INSERT INTO changes (id, hlc, table_name, row_id, column_name, value, workstation_id, operator_name, position_title, recorded_at, base_hlc)
SELECT lower(hex(randomblob(16))), w.updated_hlc, 'workstations', w.id, 'short_code', '"WS1"', w.id, NULL, NULL, w.created_at, NULL
FROM workstations w WHERE w.id = (SELECT value FROM meta WHERE key = 'workstation_id');

-- Batches that cannot be applied yet (a gap before them, a parent row not yet arrived, a
-- newer schema): kept, never dropped, and retried after every apply and after an upgrade.
CREATE TABLE sync_inbox (
  id TEXT PRIMARY KEY,
  received_at INTEGER NOT NULL,
  peer TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  reason TEXT NOT NULL,
  body TEXT NOT NULL
) STRICT;

-- Peers this workstation syncs with over the LAN: typed addresses and ones found by mDNS,
-- with what was last seen of them. Local state: another workstation has its own list.
CREATE TABLE sync_peers (
  address TEXT PRIMARY KEY,
  -- inbound: a peer that reached this workstation (its address is 'inbound:<workstation id>').
  source TEXT NOT NULL CHECK (source IN ('typed', 'mdns', 'inbound')),
  workstation_id TEXT,
  name TEXT,
  fingerprint TEXT,
  added_at INTEGER NOT NULL,
  last_contact_at INTEGER,
  last_error TEXT,
  their_vector TEXT,
  connected INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Mutable rows whose changes arrived before a row they refer to: materialized once it exists.
CREATE TABLE sync_pending_rows (
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (table_name, row_id)
) STRICT, WITHOUT ROWID;

-- Rows two workstations created offline that collide on a unique index (two "period 2"s):
-- the one created first stays, the others are held as deleted here, listed for review.
CREATE TABLE sync_set_aside (
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  kept_id TEXT NOT NULL,
  PRIMARY KEY (table_name, row_id)
) STRICT, WITHOUT ROWID;

-- The conflict review queue: for each field, the changes that lost to the current value
-- although its writer had not seen them. Derived from "changes" (which keeps every value),
-- recomputed whenever the field changes, so every workstation shows the same queue.
CREATE TABLE sync_conflicts (
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  column_name TEXT NOT NULL,
  winner_id TEXT NOT NULL,
  loser_id TEXT NOT NULL,
  detected_at INTEGER NOT NULL,
  PRIMARY KEY (table_name, row_id, column_name, loser_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX sync_conflicts_detected ON sync_conflicts(detected_at);
`;
