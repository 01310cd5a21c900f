/**
 * Migration 13 (issue 14): a leaner full-text index, and leaner timeline triggers.
 *
 * The timeline's full-text index stored, for every word of every record, where in the text
 * it stood (FTS5 detail=full) and each record's length in words (its docsize table). Search
 * uses neither: every typed word must be present, results come in time order (never ranked),
 * and the scope (incident, kind, position) is checked again against the timeline row. Now
 * the index holds only which records hold each word (detail=none, columnsize=0): about half
 * the bytes. What it gives up is adjacency: a typed word the tokenizer splits in two
 * ("medical-surgical") finds records holding both parts, anywhere (see timeline/fts.ts).
 *
 * With detail=none, FTS5 cannot filter by column, so the scope tokens and the text share
 * one bag of words. Scope tokens start with a private-use character (U+E000) no typed
 * search word keeps (fts.ts drops it), so searching "p1" or "i3" finds only those words in
 * the text, never every record of position 1 or incident 3.
 *
 * The timeline keeps its rows and keys; its operator and category are interned into
 * timeline_refs like its incident and position, so the row and the two indexes on them
 * hold a small number instead of the name (the search and filters look the name up once).
 * The index is rebuilt from the timeline and the records of fact it points to; the
 * triggers feeding both are recreated with the new scope tokens and interning, which uses a
 * plain NOT EXISTS instead of INSERT OR IGNORE (that ran the interning table's guard
 * trigger for every value of every record).
 * A request step's and a checklist tick's words come from the request and checklist item
 * as they read now (as migration 10's backfill did); every other record's words are its own.
 */
import { FEEDS, type TimelineFeed } from './002-incidents';
// The guards as this migration made them when released (migration 18 added the rowid).
import { keyOnlyNoReplaceTrigger as noReplaceTrigger } from './append-only';

/** FTS5 scope tokens: private-use prefix, then i<incident>, k<kind>, p<position>. */
const P = 'char(57344)';
export const scopeSql = (inc: string, kind: string, pos: string) =>
  `${P} || 'i' || ${inc} || ' ' || ${P} || 'k' || ${kind} || coalesce(' ' || ${P} || 'p' || ${pos}, '')`;

interface Feed {
  /** The trigger's name (kept from the migration that made it). */
  readonly name: string;
  readonly table: string;
  readonly kind: string;
  readonly inc: string;
  readonly position: string;
  readonly category: string;
  readonly body: string;
  readonly when?: string;
}

const fromIncidents = (f: TimelineFeed): Feed => ({ ...f, name: `${f.table}_timeline`, inc: 'NEW.incident_id' });
const STAFF_INC = "json_extract(NEW.detail, '$.incidentId')";

/** Every feed of the timeline as migrations 2, 10 and 12 left them (12 added who an entry was heard from). */
export const TIMELINE_FEEDS: readonly Feed[] = [
  ...FEEDS.map((f) =>
    f.table === 'log_entries'
      ? fromIncidents({ ...f, body: "concat_ws(' ', NEW.heard_from, NEW.text, NEW.category)" })
      : fromIncidents(f),
  ),
  {
    name: 'request_events_timeline',
    table: 'request_events',
    kind: 'request',
    inc: '(SELECT incident_id FROM requests WHERE id = NEW.request_id)',
    position: 'NULL',
    category: 'NULL',
    body: "concat_ws(' ', (SELECT number || ' ' || summary FROM requests WHERE id = NEW.request_id), replace(NEW.action, '_', ' '), NEW.note)",
  },
  {
    name: 'audit_entries_staffing_timeline',
    table: 'audit_entries',
    kind: 'staffing',
    inc: STAFF_INC,
    position: "json_extract(NEW.detail, '$.positionId')",
    category: 'NULL',
    body: "concat_ws(' ', json_extract(NEW.detail, '$.position'), json_extract(NEW.detail, '$.holderName'))",
    when: `NEW.action IN ('staffing.assigned', 'staffing.removed') AND ${STAFF_INC} IS NOT NULL`,
  },
];

/** The rows of a record's millisecond in the timeline; the highest is the one just added. */
const SAME_MS = 'key >= NEW.occurred_at * 1048576 AND key < (NEW.occurred_at + 1) * 1048576';

/** Interns a value into timeline_refs unless it is NULL or already there. */
const intern = (v: string) =>
  v === 'NULL' ? '' : `\n  INSERT INTO timeline_refs (ref) SELECT v FROM (SELECT ${v} AS v) WHERE v IS NOT NULL AND NOT EXISTS (SELECT 1 FROM timeline_refs WHERE ref = v);`;
const refOf = (v: string) => (v === 'NULL' ? 'NULL' : `(SELECT n FROM timeline_refs WHERE ref = ${v})`);

/** A feed's trigger; `recordId` is how the record's id is kept (its text here; see migration 14). */
export function timelineTrigger(f: Feed, recordId = 'NEW.id'): string {
  return /* sql */ `
CREATE TRIGGER ${f.name} AFTER INSERT ON ${f.table}${f.when ? `\nWHEN ${f.when}` : ''}
BEGIN${[f.inc, f.position, 'NEW.operator_name', f.category].map(intern).join('')}
  INSERT INTO timeline (key, inc, kind, record_id, pos, op, cat) VALUES (
    coalesce((SELECT key + 1 FROM timeline WHERE ${SAME_MS} ORDER BY key DESC LIMIT 1), NEW.occurred_at * 1048576),
    ${refOf(f.inc)},
    '${f.kind}',
    ${recordId},
    ${refOf(f.position)},
    ${refOf('NEW.operator_name')},
    ${refOf(f.category)});
  INSERT INTO timeline_fts (rowid, scope, body)
    SELECT key, ${scopeSql('inc', 'kind', 'pos')}, ${f.body} FROM timeline WHERE ${SAME_MS} ORDER BY key DESC LIMIT 1;
END;`;
}

/**
 * The timeline with its operator and category interned like its incident and position: a
 * small number in the row and in each of the two indexes instead of the name repeated in
 * all three. Same keys, same rows, same index names; the guards as migrations 2 and 4 made them.
 */
const TIMELINE_REBUILD = /* sql */ `
INSERT INTO timeline_refs (ref)
  SELECT v FROM (SELECT DISTINCT operator_name AS v FROM timeline UNION SELECT DISTINCT category FROM timeline)
  WHERE v IS NOT NULL AND NOT EXISTS (SELECT 1 FROM timeline_refs WHERE ref = v) ORDER BY v;
ALTER TABLE timeline RENAME TO timeline_before;
CREATE TABLE timeline (
  key INTEGER PRIMARY KEY,
  inc INTEGER NOT NULL,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  pos INTEGER,
  op INTEGER,
  cat INTEGER
) STRICT;
INSERT INTO timeline (key, inc, kind, record_id, pos, op, cat)
  SELECT t.key, t.inc, t.kind, t.record_id, t.pos, o.n, c.n
  FROM timeline_before t LEFT JOIN timeline_refs o ON o.ref = t.operator_name LEFT JOIN timeline_refs c ON c.ref = t.category
  ORDER BY t.key;
DROP TABLE timeline_before;
CREATE INDEX timeline_incident ON timeline(inc);
CREATE INDEX timeline_kind ON timeline(inc, kind);
CREATE INDEX timeline_position ON timeline(inc, pos);
CREATE INDEX timeline_operator ON timeline(inc, op);
CREATE INDEX timeline_category ON timeline(inc, cat);
CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline
BEGIN SELECT RAISE(ABORT, 'timeline is derived from records of fact: it cannot be altered'); END;
CREATE TRIGGER timeline_no_delete BEFORE DELETE ON timeline
BEGIN SELECT RAISE(ABORT, 'timeline is derived from records of fact: it cannot be deleted'); END;
${noReplaceTrigger('timeline', [['key']])}
`;

/** Every timeline row's words, from the record it points to, in key order. */
function rebuild(f: Feed): string {
  return /* sql */ `
INSERT INTO timeline_fts (rowid, scope, body)
  SELECT t.key, ${scopeSql('t.inc', 't.kind', 't.pos')}, ${f.body.replace(/\bNEW\./g, 's.')}
  FROM timeline t JOIN ${f.table} s ON s.id = t.record_id WHERE t.kind = '${f.kind}' ORDER BY t.key;`;
}

/** The full-text index made anew from the timeline. */
const FTS_REBUILD = /* sql */ `
DROP TABLE timeline_fts;
CREATE VIRTUAL TABLE timeline_fts USING fts5(
  scope, body, content = '', detail = none, columnsize = 0, tokenize = 'unicode61 remove_diacritics 2');
${TIMELINE_FEEDS.map(rebuild).join('\n')}
`;

export const sql = /* sql */ `
${TIMELINE_FEEDS.map((f) => `DROP TRIGGER ${f.name};`).join('\n')}
${TIMELINE_REBUILD}
${FTS_REBUILD}
${TIMELINE_FEEDS.map((f) => timelineTrigger(f)).join('\n')}
`;
