import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';

const planOf = (db: Database.Database, sql: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('the change log’s indexes', () => {
  const db = new Database(':memory:');
  migrate(db);

  it('keeps no index whose columns lead another one: every mutable write pays for each index, a read needs only the longer', () => {
    const indexes = (db.prepare("SELECT name, \"unique\" FROM pragma_index_list('changes')").all() as { name: string; unique: number }[]).map((i) => ({
      ...i,
      cols: db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(i.name) as string[],
    }));
    const redundant = indexes.filter((a) => !a.unique && indexes.some((b) => b !== a && a.cols.length <= b.cols.length && a.cols.every((c, k) => b.cols[k] === c)));
    expect(redundant.map((i) => i.name)).toEqual([]);
  });

  it('still reads a row’s changes by index, never by scanning the log', () => {
    for (const sql of [
      "SELECT 1 FROM changes WHERE table_name = 'x' AND row_id = 'y' LIMIT 1",
      "SELECT column_name, value, hlc, recorded_at FROM changes WHERE table_name = 'x' AND row_id = 'y' ORDER BY hlc",
      "SELECT min(hlc) FROM changes WHERE table_name = 'x' AND row_id = 'y'",
      "SELECT id, hlc, value, base_hlc FROM changes WHERE table_name = 'x' AND row_id = 'y' AND column_name = 'z' ORDER BY hlc DESC LIMIT 1",
    ]) {
      const plan = planOf(db, sql);
      expect(plan, sql).toMatch(/SEARCH changes USING (COVERING )?INDEX changes_field \(table_name=\? AND row_id=\?/);
      expect(plan, sql).not.toMatch(/SCAN changes/);
    }
  });
});
