import Database from 'better-sqlite3';
import fs from 'node:fs';
import { migrations as allMigrations, type Migration } from './migrations';
import { tables as latestTables, version as latestVersion } from './migrations/latest';
import type { Db } from './open';

/**
 * Written in every store's header (`PRAGMA application_id`, bytes 68–71): "EOCC". A file
 * with another id belongs to another application and is never opened for writing.
 */
export const APPLICATION_ID = 0x454f4343;

/** Why a file in the data folder is not opened as the store. */
export type StoreProblemKind = 'damaged' | 'foreign' | 'empty' | 'half-migrated' | 'read-only' | 'missing';

export class StoreProblem extends Error {
  constructor(
    readonly kind: StoreProblemKind,
    message: string,
  ) {
    super(message);
    this.name = 'StoreProblem';
  }
}

export type Recognition =
  | { readonly state: 'missing' }
  | { readonly state: 'store'; readonly userVersion: number; readonly stamped: boolean }
  | { readonly state: 'problem'; readonly problem: StoreProblem };

const expectedCache = new Map<string, Set<string>>();

/** The tables a store has after migrations 1..version, read from an in-memory replay. */
export function tablesAtVersion(version: number, list: readonly Migration[] = allMigrations, nativeBinding?: string): Set<string> {
  const key = `${version}:${list.length}:${list.map((m) => m.name).join(',')}`;
  const cached = expectedCache.get(key);
  if (cached) return cached;
  // A store at the latest schema (every start but the first after an upgrade): its tables
  // are listed with the latest script, so recognising it replays no migration (about 60 ms).
  if (list === allMigrations && version === allMigrations.length && latestVersion === version) {
    const names = new Set(latestTables);
    expectedCache.set(key, names);
    return names;
  }
  const db = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    for (const m of list.filter((x) => x.version <= version)) db.exec(m.sql);
    const names = tableNames(db);
    expectedCache.set(key, names);
    return names;
  } finally {
    db.close();
  }
}

function tableNames(db: Db): Set<string> {
  return new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map(
      (r) => r.name,
    ),
  );
}

const list = (names: Iterable<string>, max = 5) => {
  const a = [...names].sort();
  return a.length > max ? `${a.slice(0, max).join(', ')} and ${a.length - max} more` : a.join(', ');
};

/**
 * Says what the file at `file` is without writing a byte of it: no store yet, a store of
 * this console (stamped with our application id, or an older one recognised by its
 * schema), or something the console must not adopt: an empty file, another application's
 * database, a store whose schema stops part-way through a migration, or a damaged file.
 */
export function recogniseStore(file: string, nativeBinding?: string, migrationList: readonly Migration[] = allMigrations): Recognition {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return problem('damaged', `The data file ${file} cannot be read (${(e as Error).message}).`);
  }
  if (size === 0) {
    return problem(
      'empty',
      `The data file ${file} is empty (0 bytes). It is not a console store, and the console does not turn an empty file into a new one by itself: records may have been lost before this start.`,
    );
  }
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (e) {
    return problem('damaged', `The data file ${file} cannot be opened (${(e as Error).message}).`);
  }
  try {
    let appId: number;
    let userVersion: number;
    let tables: Set<string>;
    try {
      appId = Number(db.pragma('application_id', { simple: true }));
      userVersion = Number(db.pragma('user_version', { simple: true }));
      tables = tableNames(db);
    } catch (e) {
      return problem('damaged', `The data file ${file} is not a readable database (${(e as Error).message}).`);
    }
    if (appId !== 0 && appId !== APPLICATION_ID) {
      return problem(
        'foreign',
        `The data file ${file} belongs to another application (its application id is 0x${(appId >>> 0).toString(16)}). The console has not changed it.`,
      );
    }
    const latest = migrationList.length;
    // Newer than this code: the caller refuses it with the version message.
    if (userVersion > latest) return { state: 'store', userVersion, stamped: appId === APPLICATION_ID };
    if (userVersion === 0) {
      return problem(
        'foreign',
        tables.size
          ? `The data file ${file} is another application's database (tables ${list(tables)}), not a console store. The console has not changed it.`
          : `The data file ${file} is an empty database with no console records. The console has not changed it.`,
      );
    }
    const expected = tablesAtVersion(userVersion, migrationList, nativeBinding);
    const missing = [...expected].filter((t) => !tables.has(t));
    const fromLater = [...tablesAtVersion(latest, migrationList, nativeBinding)].filter((t) => !expected.has(t) && tables.has(t));
    const ours = [...expected].filter((t) => tables.has(t)).length;
    if (missing.length || fromLater.length) {
      if (appId !== APPLICATION_ID && ours < expected.size / 2) {
        return problem(
          'foreign',
          `The data file ${file} is another application's database (tables ${list(tables)}), not a console store. The console has not changed it.`,
        );
      }
      return problem(
        'half-migrated',
        `The data file ${file} stops part-way through a schema upgrade (schema ${userVersion}` +
          `${missing.length ? `, missing ${list(missing)}` : ''}${fromLater.length ? `, with ${list(fromLater)} of a later schema` : ''}). ` +
          'The console has not changed it.',
      );
    }
    return { state: 'store', userVersion, stamped: appId === APPLICATION_ID };
  } finally {
    db.close();
  }
}

function problem(kind: StoreProblemKind, message: string): Recognition {
  return { state: 'problem', problem: new StoreProblem(kind, message) };
}

/** Marks a recognised store as ours; inside the caller's write, after its checks passed. */
export function stampApplicationId(db: Db): void {
  if (Number(db.pragma('application_id', { simple: true })) !== APPLICATION_ID) db.pragma(`application_id = ${APPLICATION_ID}`);
}
