/**
 * Migration 18: the REPLACE guards refuse a taken rowid too.
 *
 * Every append-only table's `_no_replace` trigger compared only the new row's unique keys
 * (its id…) with the rows there. `INSERT OR REPLACE INTO decisions (rowid, id, …)` naming an
 * existing row's rowid and a new id conflicts on the rowid alone: REPLACE deleted that row
 * without firing its delete guard (recursive_triggers is off), and a record of fact was gone
 * (the full verification named it deleted, afterwards). Each guard is made anew with the
 * rowid among its keys (append-only.ts); its name, table and words are otherwise the same.
 *
 * Not changed: `timeline`, `chain_origins` and `chain_tables`, whose INTEGER PRIMARY KEY (the
 * rowid's alias) is a key their guard compares already, and `chain_links`, a WITHOUT ROWID
 * table whose primary key is its conflict target. `plan_sections`' primary key is a column
 * named rowid but its guard compared only (version_id, ordinal): it gets the rowid.
 *
 * `timeline_refs` (the names log entries carry, shared since migration 16) ignored any insert
 * whose number or name was taken. A taken name stays ignored: it is the interning's
 * "already there". A taken number is now refused in words: the console never gives one
 * (numbers are chosen by SQLite), so it is a hand-made statement, and answering it with
 * silent success, as if the name had been stored, would mislead whoever wrote it; nothing
 * was ever lost either way, since IGNORE keeps the row that was there.
 */
import { noReplaceTrigger, type ReplaceGuardOptions } from './append-only';

type Guard = readonly [table: string, keys?: readonly (readonly string[])[], options?: ReplaceGuardOptions];

/** Every REPLACE guard a store of schema 17 has on a table with a rowid, with its unique keys. */
const GUARDS: readonly Guard[] = [
  ...[
    'audit_entries',
    'decisions',
    'messages',
    'message_replies',
    'checklist_ticks',
    'significant_proposals',
    'significant_reviews',
    'request_events',
    'request_fills',
    'allocations',
    'workstation_keys',
    'chain_heads',
    'changes',
    'aar_section_revisions',
    'aar_action_events',
    'status_reports',
    'status_requests',
    'calldowns',
    'calldown_targets',
    'calldown_attempts',
  ].map((t): Guard => [t]),
  ['sitrep_versions', [['id'], ['sitrep_id', 'version']]],
  ['plan_sections', [['version_id', 'ordinal']]],
  ['plan_versions', [['id'], ['supersedes_id']]],
  ['decision_citations', [['id'], ['decision_id']]],
  ['activation_sheets', [['id'], ['version']]],
  ['alerts', [['id'], ['identifier']]],
  ['log_entries', [['id']], { on: 'log_rows' }],
];

const TIMELINE_REFS_GUARD = /* sql */ `
CREATE TRIGGER timeline_refs_no_replace BEFORE INSERT ON timeline_refs
WHEN EXISTS (SELECT 1 FROM timeline_refs WHERE n = NEW.n OR ref = NEW.ref)
BEGIN
  SELECT RAISE(ABORT, 'timeline_refs is append-only: a row with this number already exists and cannot be replaced')
    WHERE EXISTS (SELECT 1 FROM timeline_refs WHERE n = NEW.n);
  SELECT RAISE(IGNORE);
END;`;

/**
 * The SQL of each REPLACE guard this migration makes, by trigger name: the verifier compares
 * a store's guards with it, so one put back in its older, weaker form is named. It is
 * schema 18's text and stays so (this migration runs it): a later migration that makes one
 * of these anew exports its own map, and the verifier picks the map by the store's schema.
 */
export const REPLACE_GUARDS: ReadonlyMap<string, string> = new Map([
  ...GUARDS.map(([t, keys, options]) => [`${t}_no_replace`, noReplaceTrigger(t, keys, options)] as const),
  ['timeline_refs_no_replace', TIMELINE_REFS_GUARD] as const,
]);

/**
 * IF EXISTS: a store whose guard was dropped outside the console (which the verifier names
 * as missing) must still open and migrate, not stop every start on "no such trigger"; the
 * guard is made anew, and the chains still name any row changed while it was gone.
 */
export const sql = [...REPLACE_GUARDS].map(([name, create]) => `DROP TRIGGER IF EXISTS ${name};${create}`).join('\n');
