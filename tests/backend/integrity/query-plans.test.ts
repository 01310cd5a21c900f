import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOf, makeDemoStore, verify } from './demo-store';

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

/**
 * The plan steps SQLite runs once per row of an outer query (inside a correlated
 * subquery), for every statement the verifier prepares: none may scan a table or walk
 * every link of a table. Such a step makes a verify grow as the square of the store: a
 * join through the fact_chain view once took 48 s for 2,700 requests.
 */
function perRowSteps(db: ReturnType<typeof copyOf>, sql: string): string[] {
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...new Array(sql.split('?').length - 1).fill(null)) as PlanRow[];
  const byId = new Map(plan.map((r) => [r.id, r]));
  const correlated = (r: PlanRow): boolean => {
    for (let p = byId.get(r.parent); p; p = byId.get(p.parent)) if (p.detail.startsWith('CORRELATED')) return true;
    return false;
  };
  return plan.filter(correlated).map((r) => r.detail);
}

describe('the verifier reaches each row and its link by an index', () => {
  let file: string;
  beforeAll(async () => {
    file = await makeDemoStore();
  }, 120_000);
  afterAll(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));

  it('runs no scan and no walk of a whole table once per row of another', () => {
    const db = copyOf(file);
    const seen = new Set<string>();
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      seen.add(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    expect(verify(db).ok).toBe(true);
    db.prepare = prepare;
    const bad = [...seen]
      .filter((sql) => !/^\s*(PRAGMA|EXPLAIN)/i.test(sql) && !/@\w|:\w/.test(sql))
      .flatMap((sql) => perRowSteps(db, sql).filter((d) => /^SCAN |\(tab=\?\)$/.test(d)).map((d) => `${d} in: ${sql.replace(/\s+/g, ' ').slice(0, 160)}`));
    expect(seen.size).toBeGreaterThan(10);
    expect(bad).toEqual([]);
    db.close();
  });
});
