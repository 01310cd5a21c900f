import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFile } from '../../../electron/backend/db/open';
import { methods } from '../../../shared/contract';
import { openReadyBackend } from '../helpers/backend';

/**
 * Names a change notice carries that are not tables: the integrity monitor's verdict, the
 * signed-in operator (tx.touched('session')) and the backup folder.
 */
const NOTICES = new Set(['integrity', 'session', 'backups']);

describe('query invalidation lists', () => {
  it('name only tables that exist, so a change to what a read shows always refreshes it', async () => {
    const t = await openReadyBackend();
    const db = new Database(databaseFile(t.dataDir), { readonly: true, fileMustExist: true });
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").all() as { name: string }[]).map((r) => r.name));
    db.close();
    const unknown = Object.entries(methods as Record<string, { reads?: readonly string[] }>).flatMap(([name, def]) =>
      (def.reads ?? []).filter((table) => !tables.has(table) && !NOTICES.has(table)).map((table) => `${name} reads ${table}`),
    );
    expect(unknown).toEqual([]);
  });

  it('refresh the list of backups when one is taken', async () => {
    const t = await openReadyBackend();
    const changed: string[] = [];
    t.backend.onEvent((e) => {
      if (e.event === 'data.changed') changed.push(...(e.payload as { tables: string[] }).tables);
    });
    await t.call('backup.create', {});
    const reads = (methods as Record<string, { reads?: readonly string[] }>)['backup.list']!.reads!;
    expect(changed.some((table) => reads.includes(table))).toBe(true);
  });
});
