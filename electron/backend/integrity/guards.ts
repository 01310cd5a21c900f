import type { Db } from '../db/open';
import { guardTriggerNames } from '../db/migrations/append-only';
import type { ProblemList } from './problem';

/**
 * The append-only guards are part of what the verifier checks: a store whose triggers
 * were dropped accepts edits the console would refuse, even if none was made yet.
 * Files from before migration 4 lack only the REPLACE guards, which are not asked of them.
 */
export function checkGuards(db: Db, tables: Iterable<string>, problems: ProblemList): void {
  const schema = Number(db.pragma('user_version', { simple: true }));
  const present = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view', 'trigger')").all() as { name: string }[]).map((r) => r.name));
  for (const table of tables) {
    if (!present.has(table)) continue;
    for (const trigger of guardTriggerNames(table)) {
      if (schema < 4 && trigger.endsWith('_no_replace')) continue;
      if (!present.has(trigger)) {
        problems.push({
          kind: 'guard',
          workstationId: null,
          seq: null,
          table,
          rowId: null,
          problem: `The guard ${trigger} is missing: ${table} no longer refuses ${trigger.endsWith('update') ? 'edits' : trigger.endsWith('delete') ? 'deletions' : 'INSERT OR REPLACE'}; it was removed outside the console`,
        });
      }
    }
  }
}
