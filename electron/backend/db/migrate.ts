import type { Db } from './open';
import { LATEST_SCHEMA, migrations, type Migration } from './migrations';
import { sql as latestSql, version as latestVersion } from './migrations/latest';

export class StoreTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This data file was written by a newer version of the console (schema ${found}); this version understands up to schema ${supported}. ` +
        'Install the newer version of the console to open it. The file has not been changed.',
    );
    this.name = 'StoreTooNewError';
  }
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

export function pendingMigrations(db: Db, list: readonly Migration[] = migrations): Migration[] {
  const current = schemaVersion(db);
  const latest = list.length;
  if (current > latest) throw new StoreTooNewError(current, latest);
  return list.filter((m) => m.version > current);
}

/** Applies every pending migration in one transaction: all of them or none. */
export function migrate(db: Db, list: readonly Migration[] = migrations): number {
  const pending = pendingMigrations(db, list);
  if (!pending.length) return schemaVersion(db);
  db.transaction(() => {
    for (const m of pending) {
      if (!m.applied?.(db)) db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return schemaVersion(db);
}

/**
 * Makes a new, empty store's schema and seeded rows at the latest version in one script
 * (migrations/latest.ts, generated from the migrations), instead of replaying every
 * migration: their ALTERs, table rebuilds and interim indexes cost a new store about
 * 60 ms of CPU, the script about 12. latest-schema.test.ts proves the two stores are the
 * same. A store that is not empty, or a script that is not of the latest schema (a
 * migration added, the script not generated again), is migrated as always.
 */
export function createLatest(db: Db): number {
  const empty = schemaVersion(db) === 0 && !db.prepare('SELECT 1 FROM sqlite_master').get();
  if (!empty || latestVersion !== LATEST_SCHEMA) return migrate(db);
  db.transaction(() => {
    db.exec(latestSql);
    db.pragma(`user_version = ${LATEST_SCHEMA}`);
  }).immediate();
  return schemaVersion(db);
}

export { LATEST_SCHEMA };
