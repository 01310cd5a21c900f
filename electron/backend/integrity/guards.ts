import type { Db } from '../db/open';
import { guardTriggerNames } from '../db/migrations/append-only';
import { REPLACE_GUARDS } from '../db/migrations/018-rowid-guards';
import type { ProblemList } from './problem';

/** The schema from which each REPLACE guard's text is known (migration 18 made them all anew). */
const REPLACE_GUARDS_SINCE = 18;

/**
 * The append-only guards are part of what the verifier checks: a store whose triggers
 * were dropped accepts edits the console would refuse, even if none was made yet.
 * Files from before migration 4 lack only the REPLACE guards, which are not asked of them.
 * From schema 18 a REPLACE guard must also read as the schema made it: one put back in a
 * weaker form under its own name (its older, key-only form, which let a taken rowid through,
 * or one with its condition cut) is named too. Compared as text, spaces aside.
 */
export function checkGuards(db: Db, tables: Iterable<string>, problems: ProblemList): void {
  const schema = Number(db.pragma('user_version', { simple: true }));
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'view', 'trigger')").all() as { type: string; name: string; sql: string | null }[];
  const present = new Set(rows.map((r) => r.name));
  const triggerSql = new Map(rows.filter((r) => r.type === 'trigger').map((r) => [r.name, r.sql ?? '']));
  for (const table of tables) {
    if (!present.has(table)) continue;
    for (const trigger of guardTriggerNames(table)) {
      if (schema < 4 && trigger.endsWith('_no_replace')) continue;
      const refuses = trigger.endsWith('update') ? 'edits' : trigger.endsWith('delete') ? 'deletions' : 'INSERT OR REPLACE';
      const problem = (text: string) => problems.push({ kind: 'guard', workstationId: null, seq: null, table, rowId: null, problem: text });
      if (!present.has(trigger)) {
        problem(`The guard ${trigger} is missing: ${table} no longer refuses ${refuses}; it was removed outside the console`);
        continue;
      }
      const expected = schema >= REPLACE_GUARDS_SINCE ? REPLACE_GUARDS.get(trigger) : undefined;
      if (expected !== undefined && normalise(triggerSql.get(trigger)!) !== normalise(expected)) {
        problem(`The guard ${trigger} is not the one the schema made: ${table} may no longer refuse every ${refuses}; it was changed outside the console`);
      }
    }
  }
}

const normalise = (sql: string) => sql.replace(/\s+/g, ' ').replace(/;\s*$/, '').trim();
