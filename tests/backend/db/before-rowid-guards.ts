import Database from 'better-sqlite3';
import { migrations } from '../../../electron/backend/db/migrations';
import { REPLACE_GUARDS } from '../../../electron/backend/db/migrations/018-rowid-guards';

export const rowidGuards = migrations.find((m) => m.name === 'rowid-guards')!;

/** Each REPLACE guard as the schema before "rowid-guards" had it, read from a replay of the migrations before it. */
function guardsBefore(): Map<string, string> {
  const db = new Database(':memory:');
  try {
    for (const m of migrations.filter((x) => x.version < rowidGuards.version)) db.exec(m.sql);
    const get = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck();
    return new Map([...REPLACE_GUARDS.keys()].map((name) => [name, get.get(name) as string]));
  } finally {
    db.close();
  }
}

/**
 * Puts a store of today's schema back as migration 17 left it: every REPLACE guard that
 * migration 18 made anew back in its key-only form (which lets a taken rowid through). Then
 * the schema version before "rowid-guards".
 */
export function undoRowidGuards(db: Database.Database): void {
  for (const [name, sql] of guardsBefore()) db.exec(`DROP TRIGGER ${name}; ${sql}`);
  db.pragma(`user_version = ${rowidGuards.version - 1}`);
}
