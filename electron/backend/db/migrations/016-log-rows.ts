/**
 * Migration 16 (issue 14): a log entry's repeated names kept once.
 *
 * A log entry's row spelled out, for every entry, its workstation's, incident's and
 * position's ids (36-character UUIDs), its operator's name, position title and category:
 * about 150 of its 300 bytes, repeating a few dozen distinct values across a million rows.
 * The rows now live in `log_rows` with each of those six values as the small number it has
 * in `timeline_refs` (which already interned the incident, position, operator and category
 * for the timeline), so the timeline's trigger copies the numbers instead of looking them up.
 *
 * `log_entries` is now a view giving every row exactly as before: the same columns in the
 * same order, each value the same text, so every reader (the log, the timeline's hydration,
 * the verifier, sync, bundles, exports, the command line) and the canonical bytes a record
 * is hashed over are unchanged, and its chains verify unchanged. The id stays the row's text
 * key (a lookup by id through the view reaches the key index). Writes to the view are passed
 * on to `log_rows` by its INSTEAD OF triggers; the console's writer inserts into `log_rows`
 * directly (`db/log-rows.ts`). The guards keep their names and words and sit on `log_rows`
 * (as the chain's sit on chain_links behind fact_chain): an UPDATE, DELETE or REPLACE through
 * the view reaches them and is refused. A later column for log entries is added to log_rows
 * and the view made anew.
 */
import { rowKeySql } from '../row-key';
import { SOURCES } from './002-incidents';
import { scopeSql } from './013-lean';

/** The log entry's interned columns: its name in the view, its number's name in log_rows. */
export const LOG_REFS = [
  ['workstation_id', 'ws'],
  ['operator_name', 'op'],
  ['position_title', 'title'],
  ['incident_id', 'inc'],
  ['position_id', 'pos'],
  ['category', 'cat'],
] as const;

/** log_entries' columns in their order; each is kept as is in log_rows or interned (LOG_REFS). */
export const LOG_COLUMNS = [
  'id', 'workstation_id', 'operator_name', 'position_title', 'recorded_at', 'occurred_at', 'incident_id',
  'position_id', 'category', 'text', 'source', 'transcribed', 'corrects_id', 'heard_from',
] as const;

const refOf = (view: string) => LOG_REFS.find(([v]) => v === view)?.[1];
const nameOf = (n: string) => `(SELECT ref FROM timeline_refs WHERE n = ${n})`;
const numberOf = (v: string) => `(SELECT n FROM timeline_refs WHERE ref = ${v})`;
const intern = (v: string) =>
  `INSERT INTO timeline_refs (ref) SELECT v FROM (SELECT ${v} AS v) WHERE v IS NOT NULL AND NOT EXISTS (SELECT 1 FROM timeline_refs WHERE ref = v);`;
/** log_rows' columns, in log_entries' order. */
const STORED = LOG_COLUMNS.map((c) => refOf(c) ?? c);
/** What log_rows stores for each column of a log_entries row `r` (NEW, OLD or an alias). */
const storedValues = (r: string) => LOG_COLUMNS.map((c) => (refOf(c) ? numberOf(`${r}.${c}`) : `${r}.${c}`));
const internAll = (r: string) => LOG_REFS.map(([v]) => intern(`${r}.${v}`)).join('\n  ');

/** The rows of a record's millisecond in the timeline; the highest is the one just added (as 013). */
const SAME_MS = 'key >= NEW.occurred_at * 1048576 AND key < (NEW.occurred_at + 1) * 1048576';

const FROM = 'log entries before this migration';
export const sql = /* sql */ `
DROP TRIGGER log_entries_timeline;
${LOG_REFS.map(([v]) => `INSERT INTO timeline_refs (ref) SELECT DISTINCT ${v} FROM log_entries WHERE ${v} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM timeline_refs WHERE ref = ${v});`).join('\n')}
CREATE TABLE log_rows (
  id TEXT PRIMARY KEY,
  ws INTEGER NOT NULL,
  op INTEGER,
  title INTEGER,
  recorded_at INTEGER NOT NULL,
  occurred_at INTEGER NOT NULL,
  inc INTEGER NOT NULL,
  pos INTEGER NOT NULL,
  cat INTEGER NOT NULL,
  text TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ${SOURCES}),
  transcribed INTEGER NOT NULL CHECK (transcribed IN (0, 1)),
  corrects_id TEXT,
  heard_from TEXT
) STRICT;
-- The same rowids: the verifier's incremental check remembers the last rowid it saw (${FROM}).
INSERT INTO log_rows (rowid, ${STORED.join(', ')})
  SELECT rowid, ${storedValues('e').join(', ')} FROM log_entries e ORDER BY rowid;
DROP TABLE log_entries;
CREATE INDEX log_entries_corrects ON log_rows(corrects_id) WHERE corrects_id IS NOT NULL;

CREATE VIEW log_entries AS
  SELECT ${LOG_COLUMNS.map((c) => (refOf(c) ? `${nameOf(`l.${refOf(c)}`)} AS ${c}` : `l.${c} AS ${c}`)).join(',\n         ')}
  FROM log_rows l;

CREATE TRIGGER log_entries_insert INSTEAD OF INSERT ON log_entries
BEGIN
  ${internAll('NEW')}
  INSERT INTO log_rows (${STORED.join(', ')}) VALUES (${storedValues('NEW').join(', ')});
END;
CREATE TRIGGER log_entries_update INSTEAD OF UPDATE ON log_entries
BEGIN
  ${internAll('NEW')}
  UPDATE log_rows SET ${STORED.map((c, i) => `${c} = ${storedValues('NEW')[i]}`).join(', ')} WHERE id = OLD.id;
END;
CREATE TRIGGER log_entries_delete INSTEAD OF DELETE ON log_entries
BEGIN
  DELETE FROM log_rows WHERE id = OLD.id;
END;

CREATE TRIGGER log_entries_no_update BEFORE UPDATE ON log_rows
BEGIN SELECT RAISE(ABORT, 'log_entries is append-only: a row cannot be altered; record a correction instead'); END;
CREATE TRIGGER log_entries_no_delete BEFORE DELETE ON log_rows
BEGIN SELECT RAISE(ABORT, 'log_entries is append-only: a row cannot be deleted'); END;
CREATE TRIGGER log_entries_no_replace BEFORE INSERT ON log_rows WHEN EXISTS (SELECT 1 FROM log_rows WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'log_entries is append-only: a row with this key already exists and cannot be replaced'); END;

CREATE TRIGGER log_entries_timeline AFTER INSERT ON log_rows
BEGIN
  INSERT INTO timeline (key, inc, kind, record_id, pos, op, cat) VALUES (
    coalesce((SELECT key + 1 FROM timeline WHERE ${SAME_MS} ORDER BY key DESC LIMIT 1), NEW.occurred_at * 1048576),
    NEW.inc, 'entry', ${rowKeySql('NEW.id')}, NEW.pos, NEW.op, NEW.cat);
  INSERT INTO timeline_fts (rowid, scope, body)
    SELECT key, ${scopeSql('inc', 'kind', 'pos')}, concat_ws(' ', NEW.heard_from, NEW.text, ${nameOf('NEW.cat')})
    FROM timeline WHERE ${SAME_MS} ORDER BY key DESC LIMIT 1;
END;
`;
