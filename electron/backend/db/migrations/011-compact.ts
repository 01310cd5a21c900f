// The guards as this migration made them when released (migration 18 added the rowid).
import { keyOnlyAppendOnlyGuards as appendOnlyGuards, noEditTriggers, keyOnlyNoReplaceTrigger as noReplaceTrigger } from './append-only';

/**
 * Migration 11 (issue 14): the fact chain in half the bytes.
 *
 * A chain link was a row of text: two 36-character ids, the table's name, and two
 * 64-character hex hashes, and its row index repeated the table name. At a million records
 * the chain and its index were a third of the file. Now:
 * - the hashes are stored as their 32 bytes (`chain_links.prev_hash`, `.hash`);
 * - the origin workstation and the table are small numbers (`chain_origins`,
 *   `chain_tables`: append-only, so a number never comes to mean another workstation; no
 *   foreign key, which would cost two lookups per link for what the guards already hold);
 * - `fact_chain` is a view giving every link exactly as before (hex hashes, ids, names),
 *   so what reads the chain (the verifier, sync, exports, the command line) and what it
 *   shows or sends are unchanged. The hashes are over the same canonical bytes as before:
 *   old links verify unchanged.
 *
 * The previous link's hash stays stored: the verifier uses it to name a record edited with
 * its own link recomputed (the next link still holds the original hash), which a derived
 * value could not show.
 *
 * The append-only guards (UPDATE, DELETE, and REPLACE on either unique key) are now on
 * `chain_links`, `chain_origins` and `chain_tables`; the view takes inserts (INSTEAD OF,
 * into the compact table) and passes edits and removals on to `chain_links`, whose guards
 * refuse them, so an UPDATE or DELETE of `fact_chain` is refused as before.
 * A hash that is not 64 hex digits (only ever a tampered row) is kept as its own bytes,
 * so the verifier still finds it wrong rather than the migration failing.
 */
const hashBytes = (v: string) => `coalesce(unhex(${v}), CAST(${v} AS BLOB))`;
const origin = (v: string) => `(SELECT n FROM chain_origins WHERE id = ${v})`;
const tableNo = (v: string) => `(SELECT n FROM chain_tables WHERE name = ${v})`;

export const sql = /* sql */ `
CREATE TABLE chain_origins (
  n INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE
) STRICT;
CREATE TABLE chain_tables (
  n INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
) STRICT;
CREATE TABLE chain_links (
  ws INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  tab INTEGER NOT NULL,
  row_id TEXT NOT NULL,
  prev_hash BLOB NOT NULL,
  hash BLOB NOT NULL,
  canon_version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (ws, seq)
) STRICT, WITHOUT ROWID;

INSERT INTO chain_origins (id) SELECT DISTINCT workstation_id FROM fact_chain ORDER BY 1;
INSERT INTO chain_tables (name) SELECT DISTINCT table_name FROM fact_chain ORDER BY 1;
INSERT INTO chain_links (ws, seq, tab, row_id, prev_hash, hash, canon_version)
  SELECT o.n, c.seq, t.n, c.row_id, ${hashBytes('c.prev_hash')}, ${hashBytes('c.hash')}, c.canon_version
  FROM fact_chain c JOIN chain_origins o ON o.id = c.workstation_id JOIN chain_tables t ON t.name = c.table_name
  ORDER BY o.n, c.seq;
CREATE UNIQUE INDEX chain_links_row ON chain_links(tab, row_id);

DROP TRIGGER fact_chain_no_update;
DROP TRIGGER fact_chain_no_delete;
DROP TRIGGER fact_chain_no_replace;
DROP TABLE fact_chain;

CREATE VIEW fact_chain AS
  SELECT o.id AS workstation_id, l.seq AS seq, t.name AS table_name, l.row_id AS row_id,
         lower(hex(l.prev_hash)) AS prev_hash, lower(hex(l.hash)) AS hash, l.canon_version AS canon_version
  FROM chain_links l JOIN chain_origins o ON o.n = l.ws JOIN chain_tables t ON t.n = l.tab;

CREATE TRIGGER fact_chain_insert INSTEAD OF INSERT ON fact_chain
BEGIN
  INSERT INTO chain_origins (id) SELECT NEW.workstation_id WHERE NOT EXISTS (SELECT 1 FROM chain_origins WHERE id = NEW.workstation_id);
  INSERT INTO chain_tables (name) SELECT NEW.table_name WHERE NOT EXISTS (SELECT 1 FROM chain_tables WHERE name = NEW.table_name);
  INSERT INTO chain_links (ws, seq, tab, row_id, prev_hash, hash, canon_version) VALUES (
    ${origin('NEW.workstation_id')}, NEW.seq, ${tableNo('NEW.table_name')}, NEW.row_id,
    ${hashBytes('NEW.prev_hash')}, ${hashBytes('NEW.hash')}, coalesce(NEW.canon_version, 1));
END;
CREATE TRIGGER fact_chain_update INSTEAD OF UPDATE ON fact_chain
BEGIN
  UPDATE chain_links SET seq = NEW.seq, row_id = NEW.row_id, prev_hash = ${hashBytes('NEW.prev_hash')},
    hash = ${hashBytes('NEW.hash')}, canon_version = NEW.canon_version, tab = ${tableNo('NEW.table_name')}
  WHERE ws = ${origin('OLD.workstation_id')} AND seq = OLD.seq;
END;
CREATE TRIGGER fact_chain_delete INSTEAD OF DELETE ON fact_chain
BEGIN
  DELETE FROM chain_links WHERE ws = ${origin('OLD.workstation_id')} AND seq = OLD.seq;
END;

${appendOnlyGuards('chain_links', [['ws', 'seq'], ['tab', 'row_id']])}
${noEditTriggers('chain_origins')}
${noReplaceTrigger('chain_origins', [['n'], ['id']])}
${noEditTriggers('chain_tables')}
${noReplaceTrigger('chain_tables', [['n'], ['name']])}
`;
