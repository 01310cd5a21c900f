import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/backend/db/migrate';
import { LATEST_SCHEMA, migrations } from '../../../electron/backend/db/migrations';
import { linkHash } from '../../../electron/backend/db/chain';
import { GENESIS_HASH } from '../../../shared/domain/canonical';
import { openBackend, tempDir } from '../helpers/backend';

/**
 * A data folder as the foundation release left it: schema 1 with a coalition, positions and
 * audit entries, written as that release's write path wrote them (rows, a change per field,
 * a chained audit entry). Today's write path needs today's schema, so it cannot stand in.
 */
function version1Store(): string {
  const dir = tempDir();
  const db = new Database(path.join(dir, 'eoc.sqlite'));
  db.pragma('journal_mode = WAL');
  migrate(db, migrations.slice(0, 1));
  db.prepare("INSERT INTO meta (key, value) VALUES ('workstation_id', 'ws-v1')").run();
  const at = 1_700_000_000_000;
  let n = 0;
  const put = (table: string, id: string, fields: Record<string, string | number>) => {
    const hlc = `${String(at).padStart(15, '0')}-${String(n++).padStart(5, '0')}-ws-v1`;
    const row = { ...fields, id, created_at: at, updated_hlc: hlc };
    db.prepare(`INSERT INTO ${table} (${Object.keys(row).join(',')}) VALUES (${Object.keys(row).map((k) => '@' + k).join(',')})`).run(row);
    for (const [k, v] of Object.entries(fields)) {
      db.prepare('INSERT INTO changes (id, hlc, table_name, row_id, column_name, value, workstation_id, operator_name, position_title, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?)').run(
        `${id}-${k}`, hlc, table, id, k, JSON.stringify(v), 'ws-v1', 'Dana Duty', 'Coalition Duty Officer', at);
    }
  };
  put('coalition', 'c-1', { name: 'Old Coalition', region: 'Region 2', time_zone: 'America/Chicago' });
  put('workstations', 'ws-v1', { name: 'EOC-OLD' });
  put('positions', 'p-sitl', { code: 'SITL', title: 'Situation Unit Leader', section: 'Planning', custom: 0 });
  const audit = { id: 'a-1', workstation_id: 'ws-v1', operator_name: 'Dana Duty', position_title: 'Coalition Duty Officer', recorded_at: at, occurred_at: at, action: 'setup.completed', detail: JSON.stringify({ coalitionName: 'Old Coalition' }) };
  db.prepare('INSERT INTO audit_entries (id, workstation_id, operator_name, position_title, recorded_at, occurred_at, action, detail) VALUES (@id, @workstation_id, @operator_name, @position_title, @recorded_at, @occurred_at, @action, @detail)').run(audit);
  db.prepare('INSERT INTO fact_chain (workstation_id, seq, table_name, row_id, prev_hash, hash) VALUES (?,?,?,?,?,?)').run(
    'ws-v1', 1, 'audit_entries', 'a-1', GENESIS_HASH, linkHash(GENESIS_HASH, 'audit_entries', 1, audit));
  db.close();
  return dir;
}

describe('migration 2 (incidents)', () => {
  it('upgrades a schema 1 store with data: the data survives, a backup is taken first, the chain still verifies', async () => {
    const dir = version1Store();
    const t = await openBackend({ dataDir: dir });
    expect((await t.call('system.info', {})).schemaVersion).toBe(LATEST_SCHEMA);
    expect((await t.call('setup.status', {})).coalition).toMatchObject({ name: 'Old Coalition', region: 'Region 2', timeZone: 'America/Chicago' });
    expect((await t.call('audit.recent', { limit: 10 })).entries.map((e) => e.action)).toContain('setup.completed');
    expect(await t.call('integrity.verify', {})).toMatchObject({ ok: true });

    const backups = (await t.call('backup.list', {})).backups.filter((b) => b.reason === 'pre-migration');
    expect(backups).toHaveLength(1);
    expect(backups[0]!.verified).toBe(true);
    const copy = new Database(path.join(dir, 'backups', backups[0]!.file), { readonly: true });
    expect(schemaVersion(copy)).toBe(1);
    copy.close();

    expect((await t.call('incident.levels', {})).levels.map((l) => l.name)).toEqual(['Monitoring', 'Partial activation', 'Full activation']);
    // Migration 2's five templates are there (later migrations add more).
    expect((await t.call('incident.templates', {})).templates.map((x) => x.name)).toEqual(expect.arrayContaining(['Hospital evacuation / patient surge', 'Extended power outage', 'Infectious disease outbreak', 'Mass casualty incident']));
  });

  it('creates its tables, append-only triggers and the full-text index', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 2));
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')").all() as { name: string }[]).map((r) => r.name);
    for (const t of ['log_entries', 'decisions', 'messages', 'message_replies', 'significant_proposals', 'significant_reviews', 'checklist_ticks']) {
      expect(names).toEqual(expect.arrayContaining([t, `${t}_no_update`, `${t}_no_delete`, `${t}_timeline`]));
    }
    expect(names).toEqual(expect.arrayContaining(['incidents', 'periods', 'objectives', 'staffing', 'checklist_items', 'timeline', 'timeline_fts', 'incidents_exercise_fixed']));
    db.close();
  });
});
