import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';
import { migrations } from '../../../electron/backend/db/migrations';
import { tempDir } from '../helpers/backend';

const before = () =>
  migrations.slice(
    0,
    migrations.findIndex((m) => m.name === 'sync'),
  );
const hlc = '000001700000000-00003-ws-old';

/** A store as the release before sync left it: a holding with 8 allocated, 3 of them used up. */
function oldStore(): Database.Database {
  const db = new Database(path.join(tempDir(), 'eoc.sqlite'));
  migrate(db, before());
  db.prepare("INSERT INTO meta (key, value) VALUES ('workstation_id', 'ws-old')").run();
  db.exec(`
    INSERT INTO workstations (id, name, created_at, updated_hlc) VALUES ('ws-old', 'EOC-OLD', 1, '${hlc}');
    INSERT INTO organisations (id, name, discipline, membership, town, location_source, created_at, updated_hlc) VALUES ('o1', 'Cache', 'other', 'core', 'Amherst', 'none', 1, '${hlc}');
    INSERT INTO inventory (id, category, resource_class, kind, kind_key, name, unit, location, owner_organisation_id, status, held_quantity, allocated_quantity, created_at, updated_hlc)
      VALUES ('i1', 'Medical', 'supplies', 'N95 respirator', 'n95 respirator', 'N95', 'each', 'A', 'o1', 'available', 40, 5, 1, '${hlc}');
  `);
  // Movements as rows only (their chain is not under test here).
  db.pragma('foreign_keys = OFF');
  const fact = "'ws-old', NULL, NULL, 1, 1";
  db.exec(`
    INSERT INTO allocations (id, inventory_id, request_id, line_id, fill_id, event_id, movement, settles_id, quantity, workstation_id, operator_name, position_title, recorded_at, occurred_at)
      VALUES ('al1', 'i1', 'r', 'l', 'f', 'e', 'allocate', NULL, 8, ${fact});
    INSERT INTO allocations (id, inventory_id, request_id, line_id, fill_id, event_id, movement, settles_id, quantity, workstation_id, operator_name, position_title, recorded_at, occurred_at)
      VALUES ('al2', 'i1', 'r', 'l', 'f', 'e', 'consume', 'al1', 3, ${fact});
  `);
  return db;
}

describe('migration 009: sync', () => {
  it('comes after every other migration so far and keeps stock as it was, now derived from count and movements', () => {
    const db = oldStore();
    migrate(db, migrations);
    expect(db.prepare('SELECT held, allocated FROM inventory_stock WHERE inventory_id = ?').get('i1')).toEqual({
      held: 40,
      allocated: 5,
    });
    expect(
      db
        .prepare(
          'SELECT counted_quantity, consumed_at_count, held_quantity, allocated_quantity FROM inventory WHERE id = ?',
        )
        .get('i1'),
    ).toEqual({
      counted_quantity: 40,
      consumed_at_count: 3,
      held_quantity: 0,
      allocated_quantity: 0,
    });
    // The new synced fields enter the outbox, so a workstation that joins receives them.
    const outbox = db
      .prepare(
        "SELECT column_name, value, hlc, workstation_id FROM changes WHERE table_name = 'inventory' ORDER BY column_name",
      )
      .all();
    expect(outbox).toEqual([
      { column_name: 'consumed_at_count', value: '3', hlc, workstation_id: 'ws-old' },
      { column_name: 'counted_quantity', value: '40', hlc, workstation_id: 'ws-old' },
    ]);
    // This workstation numbers its records WS1-… until it enrols elsewhere.
    expect(db.prepare('SELECT short_code FROM workstations WHERE id = ?').pluck().get('ws-old')).toBe('WS1');
    expect(
      db
        .prepare("SELECT value FROM changes WHERE table_name = 'workstations' AND column_name = 'short_code'")
        .pluck()
        .get(),
    ).toBe('"WS1"');
    db.close();
  });

  it('lets two withdrawals of one fill be stored (both are records), and lets stock go over-allocated rather than refuse it', () => {
    const db = oldStore();
    migrate(db, migrations);
    const idx = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'request_fills'")
      .pluck()
      .all();
    expect(idx).not.toContain('request_fills_one_withdrawal');
    expect(() =>
      db.prepare('INSERT INTO inventory_stock (inventory_id, held, allocated) VALUES (?, 2, 9)').run('i2'),
    ).not.toThrow();
    db.close();
  });
});
