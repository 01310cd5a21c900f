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
 * The index is rebuilt from the timeline and the records of fact it points to; the
 * triggers feeding it are recreated with the new scope tokens, and intern incident and
 * position ids with a plain NOT EXISTS instead of INSERT OR IGNORE (which ran the interning
 * table's guard trigger twice for every record). The timeline itself is unchanged.
 * A request step's and a checklist tick's words come from the request and checklist item
 * as they read now (as migration 10's backfill did); every other record's words are its own.
 */
import { FEEDS, type TimelineFeed } from './002-incidents';

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

function trigger(f: Feed): string {
  return /* sql */ `
CREATE TRIGGER ${f.name} AFTER INSERT ON ${f.table}${f.when ? `\nWHEN ${f.when}` : ''}
BEGIN
  INSERT INTO timeline_refs (ref) SELECT ${f.inc} WHERE NOT EXISTS (SELECT 1 FROM timeline_refs WHERE ref = ${f.inc});
  INSERT INTO timeline_refs (ref) SELECT p FROM (SELECT ${f.position} AS p)
    WHERE p IS NOT NULL AND NOT EXISTS (SELECT 1 FROM timeline_refs WHERE ref = p);
  INSERT INTO timeline (key, inc, kind, record_id, pos, operator_name, category) VALUES (
    coalesce((SELECT key + 1 FROM timeline WHERE ${SAME_MS} ORDER BY key DESC LIMIT 1), NEW.occurred_at * 1048576),
    (SELECT n FROM timeline_refs WHERE ref = ${f.inc}),
    '${f.kind}',
    NEW.id,
    (SELECT n FROM timeline_refs WHERE ref = ${f.position}),
    NEW.operator_name,
    ${f.category});
  INSERT INTO timeline_fts (rowid, scope, body)
    SELECT key, ${scopeSql('inc', 'kind', 'pos')}, ${f.body} FROM timeline WHERE ${SAME_MS} ORDER BY key DESC LIMIT 1;
END;`;
}

/** Every timeline row's words, from the record it points to, in key order. */
function rebuild(f: Feed): string {
  return /* sql */ `
INSERT INTO timeline_fts (rowid, scope, body)
  SELECT t.key, ${scopeSql('t.inc', 't.kind', 't.pos')}, ${f.body.replace(/\bNEW\./g, 's.')}
  FROM timeline t JOIN ${f.table} s ON s.id = t.record_id WHERE t.kind = '${f.kind}' ORDER BY t.key;`;
}

/** The full-text index made anew from the timeline (exported: a test replays an older upgrade before it). */
export const FTS_REBUILD = /* sql */ `
DROP TABLE timeline_fts;
CREATE VIRTUAL TABLE timeline_fts USING fts5(
  scope, body, content = '', detail = none, columnsize = 0, tokenize = 'unicode61 remove_diacritics 2');
${TIMELINE_FEEDS.map(rebuild).join('\n')}
`;

export const sql = /* sql */ `
${TIMELINE_FEEDS.map((f) => `DROP TRIGGER ${f.name};`).join('\n')}
${FTS_REBUILD}
${TIMELINE_FEEDS.map(trigger).join('\n')}
`;
