import type { Db } from '../../db/open';

/**
 * Whether this store holds the demonstration coalition. Kept in meta (local to the file,
 * like the workstation id): a demo store stays a demo store; the UI marks every screen.
 */
export const DEMO_META_KEY = 'demo_loaded_at';

export function demoLoadedAt(db: Db): number | null {
  const r = db.prepare('SELECT value FROM meta WHERE key = ?').get(DEMO_META_KEY) as { value: string } | undefined;
  return r ? Number(r.value) : null;
}

export const isDemo = (db: Db): boolean => demoLoadedAt(db) !== null;

export function markDemo(db: Db, at: number): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(DEMO_META_KEY, String(at));
}
