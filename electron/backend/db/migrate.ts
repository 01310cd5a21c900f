import type { Db } from './open';
import { LATEST_SCHEMA, migrations, type Migration } from './migrations';

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

export { LATEST_SCHEMA };
