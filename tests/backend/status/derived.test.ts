import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';
import { applyReport, rebuildDerived } from '../../../electron/backend/domains/status/apply';
import { regionTotals } from '../../../electron/backend/domains/status/board';
import { typeByCode, typeById } from '../../../electron/backend/domains/status/catalogue';
import { statusFixture, T0 } from './fixtures';

const snapshot = (db: Database.Database) => ({
  current: db.prepare('SELECT * FROM status_current ORDER BY organisation_id, type_id').all(),
  // The region total now: the newest trend bucket of each summed type.
  totals: [...regionTotals(db, db.prepare("SELECT id FROM status_types WHERE aggregate = 'sum' ORDER BY id").pluck().all() as string[])],
  // Buckets whose total and count equal the one before add nothing to the trend.
  trend: (db.prepare('SELECT * FROM status_trend ORDER BY type_id, bucket').all() as { type_id: string; total: number; reporting: number }[]).filter(
    (r, i, all) => !(i > 0 && all[i - 1]!.type_id === r.type_id && all[i - 1]!.total === r.total && all[i - 1]!.reporting === r.reporting),
  ),
});

describe('derived facility status', () => {
  it('kept report by report, in any order of entry, equals a rebuild from the reports (current values, region totals, trend)', () => {
    // In memory: a file would sync every one of the thousands of inserts below.
    const db = new Database(':memory:');
    migrate(db);
    const types = typeById(db);
    const beds = typeByCode(db).get('beds.adult_icu.available')!.id;
    const ops = typeByCode(db).get('ops.status')!.id;
    const report = fc.record({
      org: fc.integer({ min: 0, max: 3 }),
      minute: fc.integer({ min: 0, max: 48 * 60 }),
      beds: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
      ops: fc.option(fc.constantFrom('normal', 'closed'), { nil: null }),
    });
    let n = 0;
    fc.assert(
      fc.property(fc.array(report, { minLength: 1, maxLength: 25 }), (reports) => {
        db.exec('DELETE FROM status_current; DELETE FROM status_trend;');
        // A fresh table each run: reports are insert-only, so the table is recreated.
        db.exec('DROP TRIGGER status_reports_no_delete; DELETE FROM status_reports;');
        db.exec("CREATE TRIGGER status_reports_no_delete BEFORE DELETE ON status_reports BEGIN SELECT RAISE(ABORT, 'x'); END;");
        const ins = db.prepare(
          "INSERT INTO status_reports (id, organisation_id, source, vals, workstation_id, recorded_at, occurred_at) VALUES (?, ?, 'phone', ?, 'w', ?, ?)",
        );
        reports.forEach((r, i) => {
          const vals = [...(r.beds !== null ? [{ t: beds, n: r.beds, s: null }] : []), ...(r.ops ? [{ t: ops, n: null, s: r.ops }] : [])];
          if (!vals.length) return;
          const id = `r-${++n}`;
          const at = T0 + r.minute * 60_000;
          ins.run(id, `org-${r.org}`, JSON.stringify(vals), T0 + i, at);
          applyReport(db, { id, organisation_id: `org-${r.org}`, occurred_at: at, vals }, types);
        });
        const kept = snapshot(db);
        rebuildDerived(db, types);
        expect(kept).toEqual(snapshot(db));
      }),
      { numRuns: 200 },
    );
    db.close();
  });

  it('charts region totals over time, carried forward between reports, and refuses to add up unlike units', async () => {
    const t = await statusFixture();
    const a = await t.facility('Mercy General');
    const b = await t.facility('Baystate North');
    await t.report(a, { 'beds.adult_icu.available': 5, 'power.fuel_hours': 40 });
    t.advance(60 * 60_000);
    await t.report(b, { 'beds.adult_icu.available': 3 });
    t.advance(60 * 60_000);
    await t.report(a, { 'beds.adult_icu.available': 3 });
    const { series } = await t.call('status.trend', { typeIds: [t.id('beds.adult_icu.available')], from: T0 - 60 * 60_000, to: T0 + 3 * 60 * 60_000 });
    expect(series[0]!.points.map((p) => [p.at - T0, p.total, p.reporting])).toEqual([
      [-60 * 60_000, 0, 0],
      [15 * 60_000, 5, 1],
      [75 * 60_000, 8, 2],
      [135 * 60_000, 6, 2],
      [180 * 60_000, 6, 2],
    ]);
    const board = await t.call('status.board', {});
    expect(board.beds).toEqual([{ typeId: t.id('beds.adult_icu.available'), label: 'Adult ICU', available: 6, baseline: null, reporting: 2, change: { delta: -2, since: T0 + 60 * 60_000 } }]);
    expect(await t.raw('status.trend', { typeIds: [t.id('power.fuel_hours')], from: T0, to: T0 + 1 })).toMatchObject({
      ok: false,
      error: { message: 'Generator fuel is not added up across facilities (its unit, hours, does not sum); chart it per facility' },
    });
  });
});
