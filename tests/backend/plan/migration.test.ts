import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';
import { FACT_TABLES, migrations } from '../../../electron/backend/db/migrations';
import { PREPAREDNESS_FACT_TABLES } from '../../../electron/backend/db/migrations/008-preparedness';
import { CALL_OUTCOMES } from '../../../shared/domain/calldown';
import { PLAN_KINDS } from '../../../shared/domain/plan';
import { SERVICE_TYPES } from '../../../shared/domain/service';
import { HVA_CATEGORIES } from '../../../shared/domain/hva';
import { tempDir } from '../helpers/backend';

describe('migration 8: preparedness', () => {
  it('comes after the resources and adds its tables, the plan search index and append-only fact tables', () => {
    const all = migrations.map((m) => m.name);
    expect(all.indexOf('preparedness')).toBeGreaterThan(all.indexOf('resources'));
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    migrate(db);
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','trigger')").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['plans', 'plan_versions', 'plan_sections', 'plan_sections_fts', 'services', 'hva_assessments', 'hva_hazards']));
    for (const t of PREPAREDNESS_FACT_TABLES) {
      expect(FACT_TABLES.has(t)).toBe(true);
      expect(names).toEqual(expect.arrayContaining([`${t}_no_update`, `${t}_no_delete`]));
    }
    db.close();
  });

  it('checks the same value lists as the shared domain (written out, so they cannot drift silently)', () => {
    const sql = migrations.find((x) => x.name === 'preparedness')!.sql;
    const list = (xs: readonly string[]) => xs.map((v) => `'${v}'`).join(', ');
    expect(sql).toContain(`kind IN (${list(PLAN_KINDS)})`);
    expect(sql).toContain(`type IN (${list(SERVICE_TYPES)})`);
    expect(sql).toContain(`outcome IN (${list(CALL_OUTCOMES)})`);
    expect(sql).toContain(`category IN (${list(HVA_CATEGORIES)})`);
  });

  it('the plan search uses the full-text index, and a decision’s citation is found by its index', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    migrate(db);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT rowid FROM plan_sections_fts WHERE plan_sections_fts MATCH 'x'")).toMatch(/VIRTUAL TABLE INDEX/);
    expect(plan("SELECT * FROM decision_citations WHERE decision_id = 'x'")).toMatch(/USING INDEX decision_citations_decision/);
    db.close();
  });
});
