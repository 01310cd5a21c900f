/**
 * Migration 14 (issue 14): record ids as 16 bytes where they repeat for every record, and
 * no index entry for a log entry's kind.
 *
 * Every record of fact is named by its text id (a 36-character UUID) three more times
 * besides its own row: in its chain link, in the chain's row index, and in its timeline
 * row. Those copies now hold the UUID's 16 bytes (see row-key.ts: an id not in the
 * console's UUID form stays text, so nothing is lost whatever a row holds). What reads
 * them is unchanged: the `fact_chain` view gives each link's row id as text, exactly as
 * before, so the verifier, sync, bundles and exports see and send the same values and
 * hash the same canonical bytes; a lookup by id converts the id it is given the same way
 * to reach the index (`rowKeySql`). The stored previous-link hash stays: it is what lets
 * the verifier name a record edited with its own link's hash recomputed (see 011).
 *
 * The timeline's kind index (incident, kind, key) now holds only the records that are not
 * log entries: log entries are most of every incident's records, so a filter for them alone
 * walks the incident's index and skips the few others, and a count of them is the
 * incident's count less the others'. The incident index stays: it is the only one in key
 * order across kinds, which the unfiltered page walks.
 *
 * The chain and the timeline are rebuilt with the same rows, keys, guards and triggers;
 * the full-text index (keyed by the timeline key) is untouched.
 */
import { rowIdSql, rowKeySql } from '../row-key';
import { TIMELINE_FEEDS, timelineTrigger } from './013-lean';
// The guards as this migration made them when released (migration 18 added the rowid).
import { keyOnlyAppendOnlyGuards as appendOnlyGuards, keyOnlyNoReplaceTrigger as noReplaceTrigger } from './append-only';

const hashBytes = (v: string) => `coalesce(unhex(${v}), CAST(${v} AS BLOB))`;
const origin = (v: string) => `(SELECT n FROM chain_origins WHERE id = ${v})`;
const tableNo = (v: string) => `(SELECT n FROM chain_tables WHERE name = ${v})`;

/** The index walked for one kind of record that is not a log entry (the only ones it holds). */
export const KIND_INDEX_WHERE = "kind <> 'entry'";

const CHAIN = /* sql */ `
DROP VIEW fact_chain;
CREATE TABLE chain_links_keyed (
  ws INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  tab INTEGER NOT NULL,
  row_id ANY NOT NULL,
  prev_hash BLOB NOT NULL,
  hash BLOB NOT NULL,
  canon_version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (ws, seq)
) STRICT, WITHOUT ROWID;
INSERT INTO chain_links_keyed (ws, seq, tab, row_id, prev_hash, hash, canon_version)
  SELECT ws, seq, tab, ${rowKeySql('row_id')}, prev_hash, hash, canon_version FROM chain_links ORDER BY ws, seq;
DROP TABLE chain_links;
ALTER TABLE chain_links_keyed RENAME TO chain_links;
CREATE UNIQUE INDEX chain_links_row ON chain_links(tab, row_id);

CREATE VIEW fact_chain AS
  SELECT o.id AS workstation_id, l.seq AS seq, t.name AS table_name, ${rowIdSql('l.row_id')} AS row_id,
         lower(hex(l.prev_hash)) AS prev_hash, lower(hex(l.hash)) AS hash, l.canon_version AS canon_version
  FROM chain_links l JOIN chain_origins o ON o.n = l.ws JOIN chain_tables t ON t.n = l.tab;

CREATE TRIGGER fact_chain_insert INSTEAD OF INSERT ON fact_chain
BEGIN
  INSERT INTO chain_origins (id) SELECT NEW.workstation_id WHERE NOT EXISTS (SELECT 1 FROM chain_origins WHERE id = NEW.workstation_id);
  INSERT INTO chain_tables (name) SELECT NEW.table_name WHERE NOT EXISTS (SELECT 1 FROM chain_tables WHERE name = NEW.table_name);
  INSERT INTO chain_links (ws, seq, tab, row_id, prev_hash, hash, canon_version) VALUES (
    ${origin('NEW.workstation_id')}, NEW.seq, ${tableNo('NEW.table_name')}, ${rowKeySql('NEW.row_id')},
    ${hashBytes('NEW.prev_hash')}, ${hashBytes('NEW.hash')}, coalesce(NEW.canon_version, 1));
END;
CREATE TRIGGER fact_chain_update INSTEAD OF UPDATE ON fact_chain
BEGIN
  UPDATE chain_links SET seq = NEW.seq, row_id = ${rowKeySql('NEW.row_id')}, prev_hash = ${hashBytes('NEW.prev_hash')},
    hash = ${hashBytes('NEW.hash')}, canon_version = NEW.canon_version, tab = ${tableNo('NEW.table_name')}
  WHERE ws = ${origin('OLD.workstation_id')} AND seq = OLD.seq;
END;
CREATE TRIGGER fact_chain_delete INSTEAD OF DELETE ON fact_chain
BEGIN
  DELETE FROM chain_links WHERE ws = ${origin('OLD.workstation_id')} AND seq = OLD.seq;
END;

${appendOnlyGuards('chain_links', [['ws', 'seq'], ['tab', 'row_id']])}
`;

const TIMELINE = /* sql */ `
${TIMELINE_FEEDS.map((f) => `DROP TRIGGER ${f.name};`).join('\n')}
ALTER TABLE timeline RENAME TO timeline_before;
CREATE TABLE timeline (
  key INTEGER PRIMARY KEY,
  inc INTEGER NOT NULL,
  kind TEXT NOT NULL,
  record_id ANY NOT NULL,
  pos INTEGER,
  op INTEGER,
  cat INTEGER
) STRICT;
INSERT INTO timeline (key, inc, kind, record_id, pos, op, cat)
  SELECT key, inc, kind, ${rowKeySql('record_id')}, pos, op, cat FROM timeline_before ORDER BY key;
DROP TABLE timeline_before;
CREATE INDEX timeline_incident ON timeline(inc);
CREATE INDEX timeline_kind ON timeline(inc, kind) WHERE ${KIND_INDEX_WHERE};
CREATE INDEX timeline_position ON timeline(inc, pos);
CREATE INDEX timeline_operator ON timeline(inc, op);
CREATE INDEX timeline_category ON timeline(inc, cat);
CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline
BEGIN SELECT RAISE(ABORT, 'timeline is derived from records of fact: it cannot be altered'); END;
CREATE TRIGGER timeline_no_delete BEFORE DELETE ON timeline
BEGIN SELECT RAISE(ABORT, 'timeline is derived from records of fact: it cannot be deleted'); END;
${noReplaceTrigger('timeline', [['key']])}
${TIMELINE_FEEDS.map((f) => timelineTrigger(f, rowKeySql('NEW.id'))).join('\n')}
`;

export const sql = `${CHAIN}\n${TIMELINE}`;
