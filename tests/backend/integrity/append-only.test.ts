import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPEND_ONLY_TABLES, FACT_TABLES } from '../../../electron/backend/db/migrations';
import { copyOf, makeDemoStore } from './demo-store';

/**
 * Every path that rewrites or removes a row of an append-only table is refused by the
 * schema itself, table by table and unique key by unique key: UPDATE, DELETE, INSERT OR
 * REPLACE, REPLACE, UPSERT and UPDATE OR REPLACE, whether or not recursive_triggers is on
 * (REPLACE's conflict path deletes without firing delete triggers when it is off).
 */
// timeline_refs takes INSERT OR IGNORE by design (the timeline's triggers intern with it):
// its REPLACE is ignored rather than refused, tested on its own at the end.
const TABLES = [...FACT_TABLES, ...APPEND_ONLY_TABLES].filter((t) => t !== 'timeline_refs');
/**
 * The table holding a table's rows: log_entries is a view over log_rows since migration 16,
 * whose guards keep log_entries' names and words (as the chain's sit on chain_links).
 */
const storedIn = (table: string) => (table === 'log_entries' ? 'log_rows' : table);

let demo: string;
let db: Database.Database;
beforeAll(async () => {
  demo = await makeDemoStore();
  db = copyOf(demo);
});
afterAll(() => {
  db.close();
  fs.rmSync(path.dirname(demo), { recursive: true, force: true });
});

/** Every unique key of a table: its primary key (a rowid alias included) and each unique index. */
function uniqueKeys(table: string): string[][] {
  const info = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; pk: number }[];
  const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
  const keys = [pk];
  for (const ix of db.prepare(`PRAGMA index_list(${table})`).all() as { name: string; unique: number; origin: string }[]) {
    if (!ix.unique || ix.origin === 'pk') continue;
    keys.push((db.prepare(`PRAGMA index_info(${ix.name})`).all() as { name: string }[]).map((c) => c.name));
  }
  return keys;
}

const rowsOf = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** A copy of an existing row that collides on `key` only: every other unique column gets a fresh value. */
function collidingCopy(table: string, key: string[], keys: string[][]): Record<string, unknown> | null {
  const row = db.prepare(`SELECT * FROM ${table} WHERE ${key.map((c) => `${c} IS NOT NULL`).join(' AND ')} LIMIT 1`).get() as Record<string, unknown> | undefined;
  if (!row) return null;
  const copy = { ...row };
  for (const other of keys) {
    if (other.join() === key.join()) continue;
    for (const c of other) if (!key.includes(c)) copy[c] = typeof row[c] === 'number' ? 900_000_000 + Math.floor(Math.random() * 1e6) : `fresh-${Math.random()}`;
  }
  return copy;
}

describe('append-only tables refuse every rewrite, table by table', () => {
  it.each(TABLES)('%s has its UPDATE, DELETE and REPLACE guards, the last covering every unique key', (table) => {
    const stored = storedIn(table);
    const triggers = new Map(
      (db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").all(stored) as { name: string; sql: string }[]).map((t) => [t.name, t.sql]),
    );
    expect(triggers.get(`${table}_no_update`)).toMatch(new RegExp(`BEFORE UPDATE ON ${stored}[\\s\\S]*RAISE\\(ABORT`));
    expect(triggers.get(`${table}_no_delete`)).toMatch(new RegExp(`BEFORE DELETE ON ${stored}[\\s\\S]*RAISE\\(ABORT`));
    const replace = triggers.get(`${table}_no_replace`);
    expect(replace, `${table}_no_replace`).toMatch(new RegExp(`BEFORE INSERT ON ${stored}[\\s\\S]*RAISE\\(ABORT`));
    for (const key of uniqueKeys(stored)) {
      expect(replace, `${table}_no_replace covers the unique key (${key.join(', ')})`).toContain(key.map((c) => `${c} = NEW.${c}`).join(' AND '));
    }
  });

  // log_entries through its view and log_rows behind it; the view takes no UPSERT at all.
  it.each([...TABLES, 'log_rows'])('%s: INSERT OR REPLACE, REPLACE, UPSERT, UPDATE OR REPLACE and DELETE change nothing', (table) => {
    const keys = uniqueKeys(storedIn(table));
    const before = rowsOf(table);
    let tried = 0;
    for (const recursive of ['OFF', 'ON']) {
      db.pragma(`recursive_triggers = ${recursive}`);
      for (const key of keys) {
        const copy = collidingCopy(table, key, keys);
        if (!copy) continue;
        tried++;
        const cols = Object.keys(copy);
        const values = `(${cols.map((c) => '@' + c).join(',')})`;
        const original = db.prepare(`SELECT * FROM ${table} WHERE ${key.map((c) => `${c} = @${c}`).join(' AND ')}`).get(copy);
        for (const sql of [
          `INSERT OR REPLACE INTO ${table} (${cols.join(',')}) VALUES ${values}`,
          `REPLACE INTO ${table} (${cols.join(',')}) VALUES ${values}`,
          `INSERT INTO ${table} (${cols.join(',')}) VALUES ${values} ON CONFLICT DO UPDATE SET ${cols[1]} = excluded.${cols[1]}`,
        ]) {
          expect(() => db.prepare(sql).run(copy), sql).toThrow(/append-only|record of fact|cannot UPSERT a view/);
        }
        expect(() => db.prepare(`UPDATE OR REPLACE ${table} SET ${cols[1]} = ${cols[1]}`).run()).toThrow(/append-only|record of fact|derived/);
        expect(() => db.prepare(`DELETE FROM ${table}`).run()).toThrow(/append-only|record of fact|derived/);
        expect(db.prepare(`SELECT * FROM ${table} WHERE ${key.map((c) => `${c} = @${c}`).join(' AND ')}`).get(copy)).toEqual(original);
      }
    }
    expect(rowsOf(table)).toBe(before);
    // A table the demonstration leaves empty is covered by the guard test above alone.
    if (before > 0) expect(tried).toBeGreaterThan(0);
  });

  // Migration 18: a new row naming an existing row's rowid conflicts on the rowid alone, and
  // REPLACE would delete that row. plan_sections' guard compared (version_id, ordinal) only.
  it.each(TABLES.map(storedIn))('%s: INSERT OR REPLACE naming an existing rowid with every key new changes nothing', (table) => {
    const info = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; pk: number }[];
    const pk = info.filter((c) => c.pk > 0);
    const alias = pk.length === 1 && pk[0]!.type === 'INTEGER' ? pk[0]!.name : null;
    const withoutRowid = (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(table) as string).includes('WITHOUT ROWID');
    if (withoutRowid) return; // its primary key is its conflict target, covered above
    const rowid = alias ?? 'rowid';
    const row = db.prepare(`SELECT rowid AS rowid_, * FROM ${table} ORDER BY rowid LIMIT 1`).get() as Record<string, unknown> | undefined;
    if (!row) {
      // Left empty by the demonstration (decision_citations): nothing to collide with, so its
      // guard is checked for the rowid clause itself.
      const guard = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(table === 'log_rows' ? 'log_entries_no_replace' : `${table}_no_replace`) as string;
      expect(guard, `${table}_no_replace`).toContain(`${rowid} = NEW.${rowid}`);
      return;
    }
    const { rowid_: existing, ...original } = row;
    const copy: Record<string, unknown> = { ...original };
    for (const key of uniqueKeys(table)) for (const c of key) if (c !== rowid) copy[c] = typeof row[c] === 'number' ? 900_000_000 + Math.floor(Math.random() * 1e6) : `fresh-${Math.random()}`;
    copy[rowid] = existing;
    const cols = Object.keys(copy);
    const before = rowsOf(table);
    for (const recursive of ['OFF', 'ON']) {
      db.pragma(`recursive_triggers = ${recursive}`);
      for (const verb of ['INSERT OR REPLACE', 'REPLACE']) {
        const sql = `${verb} INTO ${table} (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`;
        expect(() => db.prepare(sql).run(copy), sql).toThrow(/append-only/);
      }
    }
    expect(db.prepare(`SELECT * FROM ${table} WHERE rowid = ?`).get(existing)).toEqual(original);
    expect(rowsOf(table)).toBe(before);
  });

  it('timeline_refs: a taken number is refused in words; a taken name is still skipped, as the interning expects', () => {
    const ref = db.prepare('SELECT n, ref FROM timeline_refs LIMIT 1').get() as { n: number; ref: string };
    expect(() => db.prepare('INSERT OR REPLACE INTO timeline_refs (n, ref) VALUES (?, ?)').run(ref.n, 'Mallory')).toThrow(
      /timeline_refs is append-only: a row with this number already exists/,
    );
    expect(() => db.prepare('INSERT OR IGNORE INTO timeline_refs (n, ref) VALUES (?, ?)').run(ref.n, 'Mallory')).toThrow(/append-only/);
    expect(db.prepare('SELECT ref FROM timeline_refs WHERE n = ?').pluck().get(ref.n)).toBe(ref.ref);
    expect(db.prepare('INSERT INTO timeline_refs (ref) VALUES (?)').run(ref.ref).changes).toBe(0);
  });

  it('the timeline’s interned ids cannot be renumbered by REPLACE either', () => {
    const ref = db.prepare('SELECT n, ref FROM timeline_refs LIMIT 1').get() as { n: number; ref: string };
    db.prepare('INSERT OR REPLACE INTO timeline_refs (n, ref) VALUES (?, ?)').run(ref.n + 100_000, ref.ref);
    expect(db.prepare('SELECT n FROM timeline_refs WHERE ref = ?').get(ref.ref)).toEqual({ n: ref.n });
    expect(() => db.prepare('UPDATE timeline_refs SET n = n + 1').run()).toThrow(/append-only/);
  });
});
