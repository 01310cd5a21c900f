import Database from 'better-sqlite3';
import path from 'node:path';

/** Row counts of every table: equal snapshots mean nothing was written. */
export function snapshotCounts(dataDir: string): Record<string, number> {
  const db = new Database(path.join(dataDir, 'eoc.sqlite'), { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'")
      .all() as { name: string }[];
    return Object.fromEntries(tables.map((t) => [t.name, (db.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}
