import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';
import { FACT_TABLES, migrations } from '../../../electron/backend/db/migrations';
import { AGREEMENT_KINDS } from '../../../shared/domain/agreements';
import { DISCIPLINES } from '../../../shared/domain/disciplines';
import { PRIORITIES, REQUEST_STATUSES } from '../../../shared/domain/request-state';
import { FILL_SOURCES } from '../../../shared/domain/sourcing';
import { tempDir } from '../helpers/backend';
import { makeItem, makeOrg, requestInput, step, withIncident } from './fixtures';

describe('migration 3: resources', () => {
  it('is version 3, after the incidents, and adds its tables and fact tables', () => {
    const m = migrations.find((x) => x.name === 'resources')!;
    expect(m.version).toBe(3);
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    migrate(db, migrations.slice(0, 3));
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','trigger')").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining(['organisations', 'contacts', 'agreements', 'inventory', 'requests', 'request_lines', 'request_events', 'request_fills', 'allocations', 'requests_fts']),
    );
    for (const t of ['request_events', 'request_fills', 'allocations']) {
      expect(FACT_TABLES.has(t)).toBe(true);
      expect(names).toEqual(expect.arrayContaining([`${t}_no_update`, `${t}_no_delete`]));
    }
    db.close();
  });

  it('checks the same value lists as the shared domain (written out, so they cannot drift silently)', () => {
    const sql = migrations.find((x) => x.name === 'resources')!.sql;
    const list = (xs: readonly string[]) => xs.map((v) => `'${v}'`).join(', ');
    expect(sql).toContain(`discipline IN (${list(DISCIPLINES)})`);
    expect(sql).toContain(`kind IN (${list(AGREEMENT_KINDS)})`);
    expect(sql).toContain(`priority IN (${list(PRIORITIES)})`);
    expect(sql).toContain(`status IN (${list(REQUEST_STATUSES)})`);
    expect(sql).toContain(`source IN (${list(FILL_SOURCES)})`);
  });

  it('refuses to alter or delete a request step, a fill or a stock movement, and to over-allocate a holding', async () => {
    const t = await withIncident();
    const org = await makeOrg(t, 'Hilltop Care Center');
    const item = await makeItem(t, org, 'N95 respirator', 100);
    const { request } = await t.call('request.create', requestInput(t.incidentId, org, { lines: [{ quantity: 10, kind: 'N95 respirator' }] }));
    for (const [code, action] of [['HCCDO', 'submit'], ['OSC', 'approve'], ['RESL', 'check_resources']] as const) await step(t, code, { action, id: request.id });
    await step(t, 'LSC', { action: 'source', id: request.id, lineId: request.lines[0]!.id, quantity: 10, source: { kind: 'inventory', inventoryItemId: item } });
    await t.backend.close();
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'));
    try {
      expect(() => db.prepare("UPDATE request_events SET action = 'approve'").run()).toThrow(/record of fact: it cannot be altered/);
      expect(() => db.prepare('DELETE FROM request_events').run()).toThrow(/record of fact: it cannot be deleted/);
      expect(() => db.prepare('UPDATE request_fills SET quantity = 1').run()).toThrow(/cannot be altered/);
      expect(() => db.prepare('DELETE FROM allocations').run()).toThrow(/cannot be deleted/);
      expect(() => db.prepare('UPDATE inventory SET allocated_quantity = held_quantity + 1').run()).toThrow(/CHECK constraint failed/);
    } finally {
      db.close();
    }
  });
});
