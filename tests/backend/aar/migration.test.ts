import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';
import { FACT_TABLES, migrations } from '../../../electron/backend/db/migrations';
import { ACTION_STATUSES, AAR_SECTION_KEYS, ELEMENTS, EXERCISE_TYPES } from '../../../shared/domain/aar-outline';
import { tempDir } from '../helpers/backend';

describe('migration 7: after-action reports and the exercise calendar', () => {
  const m = migrations.find((x) => x.name === 'aar')!;

  it('applies over the earlier migrations, seeds the catalogues and makes sections and status changes records of fact', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    migrate(db, migrations.filter((x) => x.version <= m.version));
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','trigger')").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['capability_frameworks', 'capabilities', 'aar_reports', 'aar_objectives', 'aar_ratings', 'aar_observations', 'aar_actions', 'exercises', 'exercise_objectives', 'exercise_participants']));
    for (const t of ['aar_section_revisions', 'aar_action_events']) {
      expect(FACT_TABLES.has(t)).toBe(true);
      expect(names).toEqual(expect.arrayContaining([`${t}_no_update`, `${t}_no_delete`]));
    }
    expect(db.prepare('SELECT count(*) AS n FROM capability_frameworks').get()).toEqual({ n: 3 });
    expect(db.prepare('SELECT count(*) AS n FROM capabilities').get()).toEqual({ n: 4 + 17 + 8 + 32 });
    expect(() => db.prepare("INSERT INTO exercises (id, title, type, starts_on, ends_on, created_at, updated_hlc) VALUES ('x', 't', 'drill', '2027-02-02', '2027-02-01', 0, '0')").run()).toThrow(
      /CHECK constraint failed/,
    );
    db.close();
  });

  it('checks the same value lists as the shared outline (written out, so they cannot drift silently)', () => {
    const list = (xs: readonly string[]) => xs.map((v) => `'${v}'`).join(', ');
    expect(m.sql).toContain(`section IN (${list(AAR_SECTION_KEYS)})`);
    expect(m.sql).toContain(`element IN (${list(ELEMENTS)})`);
    expect(m.sql).toContain(`status IN (${list(ACTION_STATUSES)})`);
    expect(m.sql).toContain(`type IN (${list(EXERCISE_TYPES)})`);
  });
});
