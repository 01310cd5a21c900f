// The guards as this migration made them when released (migration 18 added the rowid).
import { keyOnlyAppendOnlyGuards as appendOnlyGuards, keyOnlyNoReplaceTrigger as noReplaceTrigger } from './append-only';

/**
 * Migration 4: records that prove themselves.
 * - Chain links record the version of the canonical form they were hashed under; every
 *   link written before is version 1 (all the columns its table then had).
 * - The workstation's public signing key is a record of fact (chained, so it syncs);
 * - chain heads signed by that key, the checkpoints a verifier and a witness compare;
 * - where the background check last got to (local state, never synced);
 * - the append-only guards hold against INSERT OR REPLACE too (see append-only.ts).
 * Frozen once released.
 */

const FACT = `workstation_id TEXT NOT NULL,
  operator_name TEXT,
  position_title TEXT,
  recorded_at INTEGER NOT NULL,
  occurred_at INTEGER NOT NULL`;

/** Fact tables of migrations 1-3 already refuse UPDATE and DELETE; they lacked only this. */
const EARLIER_FACT_TABLES = [
  'audit_entries',
  'log_entries',
  'decisions',
  'messages',
  'message_replies',
  'significant_proposals',
  'significant_reviews',
  'checklist_ticks',
  'request_events',
  'allocations',
];

export const sql = /* sql */ `
ALTER TABLE fact_chain ADD COLUMN canon_version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE workstation_keys (
  id TEXT PRIMARY KEY,
  ${FACT},
  public_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  algorithm TEXT NOT NULL CHECK (algorithm IN ('ed25519')),
  reason TEXT NOT NULL CHECK (reason IN ('created', 'replaced')),
  replaces_fingerprint TEXT
) STRICT;
CREATE INDEX workstation_keys_workstation ON workstation_keys(workstation_id, recorded_at);
${appendOnlyGuards('workstation_keys')}

-- A workstation's chain head (seq, hash) signed by its key at a checkpoint: every commit
-- that extends the chain, and every export, print, backup and anchor. Not itself chained:
-- it is what vouches for the chain.
CREATE TABLE chain_heads (
  id TEXT PRIMARY KEY,
  workstation_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL,
  signed_at INTEGER NOT NULL,
  reason TEXT NOT NULL,
  public_key TEXT NOT NULL,
  signature TEXT NOT NULL
) STRICT;
CREATE INDEX chain_heads_seq ON chain_heads(workstation_id, seq);
${appendOnlyGuards('chain_heads')}

-- Where the background check last found the store intact, so the next one starts there:
-- per chain (scope = workstation id: seq and hash of the last verified link) and for the
-- changes outbox (scope 'changes': the last verified HLC in mark). Local, never synced.
CREATE TABLE local_integrity_checkpoints (
  scope TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  mark TEXT NOT NULL,
  verified_at INTEGER NOT NULL
) STRICT;

${EARLIER_FACT_TABLES.map((t) => noReplaceTrigger(t)).join('\n')}
${noReplaceTrigger('request_fills', [['id'], ['withdraws_fill_id']])}
${noReplaceTrigger('fact_chain', [['workstation_id', 'seq'], ['table_name', 'row_id']])}
${noReplaceTrigger('changes')}
${noReplaceTrigger('timeline', [['key']])}

-- The timeline's interned ids: the timeline triggers add them with INSERT OR IGNORE, so a
-- taken key is skipped rather than refused; REPLACE can no longer renumber one.
CREATE TRIGGER timeline_refs_no_replace BEFORE INSERT ON timeline_refs
WHEN EXISTS (SELECT 1 FROM timeline_refs WHERE n = NEW.n OR ref = NEW.ref)
BEGIN SELECT RAISE(IGNORE); END;
CREATE TRIGGER timeline_refs_no_update BEFORE UPDATE ON timeline_refs
BEGIN SELECT RAISE(ABORT, 'timeline_refs is append-only: a row cannot be altered'); END;
CREATE TRIGGER timeline_refs_no_delete BEFORE DELETE ON timeline_refs
BEGIN SELECT RAISE(ABORT, 'timeline_refs is append-only: a row cannot be deleted'); END;
`;

/** Records of fact this migration adds: insert-only, attributed and hash-chained. */
export const INTEGRITY_FACT_TABLES = ['workstation_keys'] as const;
