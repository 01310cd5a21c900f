import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';
import { timelineSql, type KeyQuery } from '../../../electron/backend/domains/timeline/queries';
import { tempDir } from '../helpers/backend';

function planOf(db: Database.Database, sql: string, params: unknown): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params as Record<string, unknown>) as { detail: string }[]).map((r) => r.detail);
}

const base: KeyQuery = { inc: 1, order: 'newest', limit: 51 };

/** Every filter combination the timeline screen offers. */
const CASES: [string, KeyQuery, RegExp][] = [
  ['no filter, newest first', base, /USING (COVERING )?INDEX timeline_incident/],
  ['no filter, oldest first', { ...base, order: 'oldest' }, /USING (COVERING )?INDEX timeline_incident/],
  ['log entries only (most records: the incident index, skipping the others)', { ...base, kinds: ['entry'] }, /INDEX timeline_incident/],
  ['one kind that is not log entries', { ...base, kinds: ['decision'] }, /INDEX timeline_kind/],
  ['several kinds', { ...base, kinds: ['entry', 'message'] }, /INDEX timeline_incident/],
  ['a position', { ...base, pos: 3 }, /INDEX timeline_position/],
  ['an operator', { ...base, operatorName: 'Dana Duty' }, /INDEX timeline_operator/],
  ['a category', { ...base, category: 'Situation' }, /INDEX timeline_category/],
  ['a period (time range)', { ...base, from: 1_000, to: 2_000 }, /INDEX timeline_incident/],
  ['position and category', { ...base, pos: 3, category: 'Situation' }, /INDEX timeline_position/],
  ['one kind (entries) and an operator', { ...base, kinds: ['entry'], operatorName: 'Dana Duty' }, /INDEX timeline_operator/],
  ['a cursor', { ...base, after: { occurredAt: 1_700_000_000_000, n: 4 } }, /INDEX timeline_incident/],
  ['text', { ...base, words: ['"generator"'] }, /VIRTUAL TABLE INDEX/],
  ['text with filters', { ...base, words: ['"generator"'], kinds: ['entry'], pos: 2, operatorName: 'x' }, /VIRTUAL TABLE INDEX/],
];

describe('timeline queries', () => {
  const db = new Database(path.join(tempDir(), 'plan.sqlite'));
  migrate(db);

  for (const [label, q, index] of CASES) {
    it(`use an index and never sort or scan the whole table: ${label}`, () => {
      const { sql, params } = timelineSql(q);
      const plan = planOf(db, sql, params);
      expect(plan.join(' | '), label).toMatch(index);
      for (const step of plan) {
        expect(step, `${label}: ${plan.join(' | ')}`).not.toMatch(/^SCAN (t|timeline)\b(?! USING)/);
        expect(step, `${label}: ${plan.join(' | ')}`).not.toMatch(/TEMP B-TREE/);
      }
    });
  }

  it('walks the full-text index in time order, joining each match by its key', () => {
    const { sql, params } = timelineSql({ ...base, words: ['"generator"'] });
    const plan = planOf(db, sql, params).join(' | ');
    expect(plan).toMatch(/SEARCH t USING INTEGER PRIMARY KEY/);
    expect(plan).not.toMatch(/ORDER BY/);
  });
});
