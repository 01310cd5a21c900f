import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';
import { FACT_TABLES, migrations } from '../../../electron/backend/db/migrations';
import { DISCIPLINES } from '../../../shared/domain/disciplines';
import { REPORT_SOURCES, STATUS_KINDS } from '../../../shared/domain/status-rules';
import { PROGNOSES } from '../../../shared/contract/sitrep';
import { tempDir } from '../helpers/backend';

describe('migration: facility status', () => {
  it('adds the status tables after the resources, its records of fact insert-only, and seeds the default catalogue', () => {
    const at = migrations.findIndex((m) => m.name === 'status');
    expect(at).toBeGreaterThan(migrations.findIndex((m) => m.name === 'resources'));
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    migrate(db, migrations.slice(0, at + 1));
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','trigger')").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['status_types', 'eei_sets', 'status_reports', 'status_requests', 'status_current', 'status_totals', 'status_trend', 'sitreps', 'sitrep_versions']));
    for (const t of ['status_reports', 'status_requests', 'sitrep_versions']) {
      expect(FACT_TABLES.has(t)).toBe(true);
      expect(names).toEqual(expect.arrayContaining([`${t}_no_update`, `${t}_no_delete`]));
    }
    // Derived tables are not records of fact: the writer rebuilds them.
    for (const t of ['status_current', 'status_totals', 'status_trend']) expect(FACT_TABLES.has(t)).toBe(false);
    const codes = (db.prepare('SELECT code FROM status_types').all() as { code: string }[]).map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['ops.status', 'ed.ems_traffic', 'ed.diversion_reason', 'ed.diversion_until', 'beds.adult_icu.available', 'beds.adult_icu.baseline', 'power.source', 'power.fuel_hours', 'util.water', 'util.hvac', 'util.it_ehr', 'util.communications', 'staff.nursing', 'supply.ppe_days', 'vent.available', 'evac.critical', 'ops.accepting_transfers', 'ltc.census', 'evac.bariatric', 'evac.ventilator', 'dialysis.chairs_available', 'dialysis.patients_needing_placement', 'ems.units_available']));
    const sets = (db.prepare('SELECT discipline FROM eei_sets ORDER BY discipline').all() as { discipline: string }[]).map((r) => r.discipline);
    expect(sets).toEqual(['community_health_center', 'dialysis', 'ems', 'hospital', 'long_term_care', 'public_health']);
    db.close();
  });

  it('checks the same value lists as the shared domain (written out, so they cannot drift silently)', () => {
    const sql = migrations.find((x) => x.name === 'status')!.sql;
    const list = (xs: readonly string[]) => xs.map((v) => `'${v}'`).join(', ');
    expect(sql).toContain(`discipline IN (${list(DISCIPLINES)})`);
    expect(sql).toContain(`kind IN (${list(STATUS_KINDS)})`);
    expect(sql).toContain(`source IN (${list(REPORT_SOURCES)})`);
    expect(sql).toContain(`prognosis IN (${list(PROGNOSES)})`);
  });

  it('keys the current-status index by type alone, so a changed value does not move it, on a store that had the old index', () => {
    const at = migrations.findIndex((m) => m.name === 'status-index');
    expect(at).toBeGreaterThan(migrations.findIndex((m) => m.name === 'status'));
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    migrate(db, migrations.slice(0, at));
    const indexed = () => (db.prepare("SELECT name FROM pragma_index_info('status_current_type') ORDER BY seqno").all() as { name: string }[]).map((r) => r.name);
    expect(indexed()).toEqual(['type_id', 'value_num']);
    db.prepare("INSERT INTO status_current (organisation_id, type_id, value_num, value_text, occurred_at, report_id) VALUES ('org-1', 'type-1', 12, NULL, 1, 'r-1')").run();
    migrate(db, migrations);
    expect(indexed()).toEqual(['type_id']);
    // What the index answers (is a type in use) is answered through it, and the row is kept.
    const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT 1 FROM status_current WHERE type_id = ? LIMIT 1').all('type-1') as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan).toContain('status_current_type');
    expect(db.prepare('SELECT value_num FROM status_current WHERE type_id = ?').get('type-1')).toEqual({ value_num: 12 });
    db.close();
  });

  it('keeps no separate table of region totals: the newest trend bucket is the total now, so a report writes one page less', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    migrate(db);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'status_%'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['status_current', 'status_trend']));
    expect(tables).not.toContain('status_totals');
    db.close();
  });
});
