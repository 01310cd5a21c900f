import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSON_COLUMNS, jsonFault } from '../../../electron/backend/db/json-columns';
import { openBackend } from '../helpers/backend';

describe('the columns that hold JSON, checked on every record and change that arrives', () => {
  it('names every column found holding JSON in a demonstration store, and each one it names exists and holds its shape', async () => {
    const t = await openBackend();
    const { incidentId } = await t.call('demo.load', {});
    // What the demonstration leaves empty: a console setting, and a report text's kept basis.
    const { positions } = await t.call('position.list', {});
    await t.call('session.signIn', { operatorName: 'Dana Duty', positionId: positions.find((p) => p.code === 'HCCDO')!.id });
    await t.call('settings.update', { idleLockMinutes: 15 });
    const [report] = (await t.call('sitrep.list', { incidentId: incidentId! })).sitreps;
    await t.call('sitrep.save', { id: report!.id, summary: 'Two hospitals on diversion; generator fuel holds to 18:00.' });
    await t.backend.close();
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'), { readonly: true });
    // Local tables never travel; the full-text index and its shadow tables hold no JSON.
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'local_%' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'")
      .pluck()
      .all() as string[];
    const found: string[] = [];
    for (const table of tables) {
      const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
      for (const column of columns) {
        const values = db
          .prepare(`SELECT 1 FROM "${table}" WHERE typeof("${column}") = 'text' AND json_valid("${column}") AND substr("${column}", 1, 1) IN ('{', '[') LIMIT 1`)
          .all();
        if (values.length) found.push(`${table}.${column}`);
      }
    }
    const listed = Object.entries(JSON_COLUMNS).flatMap(([table, cols]) => Object.keys(cols).map((c) => `${table}.${c}`));
    // Every column found holding JSON is listed (the sync bookkeeping tables hold JSON of their
    // own, vectors and batches, never synced as fields)...
    expect(found.filter((c) => !c.startsWith('sync_') && !listed.includes(c))).toEqual([]);
    // ...and every listed column is one of the schema, each value in it of the shape listed.
    for (const [table, cols] of Object.entries(JSON_COLUMNS))
      for (const column of Object.keys(cols)) {
        expect(db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(table, column), `${table}.${column}`).toBeDefined();
        for (const v of db.prepare(`SELECT "${column}" FROM "${table}" WHERE "${column}" IS NOT NULL`).pluck().all())
          expect(jsonFault(table, column, v), `${table}.${column}`).toBeNull();
      }
    expect(found).toEqual(expect.arrayContaining(['sitreps.summary_basis', 'status_reports.vals', 'audit_entries.detail']));
    db.close();
  });

  it('says in words what is wrong with a value, and passes what is right', () => {
    expect(jsonFault('audit_entries', 'detail', '{"a":1}')).toBeNull();
    expect(jsonFault('audit_entries', 'detail', null)).toBeNull();
    expect(jsonFault('log_entries', 'text', '{not json')).toBeNull();
    expect(jsonFault('audit_entries', 'detail', '{not json')).toBe('audit_entries.detail holds text that is not JSON');
    expect(jsonFault('audit_entries', 'detail', '[1]')).toBe('audit_entries.detail holds a JSON array, not a JSON object');
    expect(jsonFault('status_reports', 'vals', '"x"')).toBe('status_reports.vals holds a JSON string, not a JSON array');
    expect(jsonFault('status_reports', 'flags', 'null')).toBe('status_reports.flags holds a JSON null, not a JSON array');
    expect(jsonFault('decisions', 'options', 12)).toBe('decisions.options holds a number, not JSON text');
    // A status report's values are summed into the region's totals: each number a number.
    expect(jsonFault('status_reports', 'vals', '[{"t":"icu","n":4,"s":null},{"t":"ed","n":null,"s":"open"}]')).toBeNull();
    expect(jsonFault('status_reports', 'vals', '[{"t":"icu","n":4,"s":null},{"t":"icu","n":"4","s":null}]')).toBe(
      'status_reports.vals holds a value (number 2) that is not a type with a number or a text',
    );
    expect(jsonFault('status_reports', 'vals', '[{"n":4,"s":null}]')).toMatch(/number 1/);
    expect(jsonFault('status_reports', 'vals', '[[1]]')).toMatch(/number 1/);
    expect(jsonFault('status_reports', 'vals', '{"t":"icu"}')).toBe('status_reports.vals holds a JSON object, not a JSON array');
  });
});
