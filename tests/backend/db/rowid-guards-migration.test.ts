import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA, migrate } from '../../../electron/backend/db/migrate';
import { keyOnlyNoReplaceTrigger } from '../../../electron/backend/db/migrations/append-only';
import { REPLACE_GUARDS } from '../../../electron/backend/db/migrations/018-rowid-guards';
import { copyOf, makeDemoStore, verify } from '../integrity/demo-store';
import { hashes, syncAll } from '../sync/harness';
import { bundleToNewcomerAndVerify, convertedMidSync } from './converted-coalition';
import { allLinks, type Link } from './store-answers';
import { rowidGuards, undoRowidGuards } from './before-rowid-guards';

/**
 * Migration "rowid-guards" (018) makes every REPLACE guard refuse an insert naming a taken
 * rowid, not only a taken key. The store before it is the demonstration coalition put back
 * as migration 17 left it (before-rowid-guards.ts): there, INSERT OR REPLACE naming an
 * existing row's rowid with a new id removes a record of fact without a word.
 */
const NEW_ID = '01900000-0000-7000-8000-00000000beef';
/** log_entries is a view over log_rows (migration 16): the rowid is log_rows'. */
const VICTIMS = ['log_rows', 'decisions', 'status_reports'];

/** INSERT OR REPLACE of a copy of the second row of `table`, with its rowid and a new id. */
function replaceByRowid(db: Database.Database, table: string): { rowid: number; original: Record<string, unknown>; run: () => unknown } {
  const { rowid_: rowid, ...original } = db.prepare(`SELECT rowid AS rowid_, * FROM ${table} ORDER BY rowid LIMIT 1 OFFSET 1`).get() as Record<string, unknown>;
  const cols = Object.keys(original);
  const stmt = db.prepare(`INSERT OR REPLACE INTO ${table} (rowid, ${cols.join(',')}) VALUES (@rowid, ${cols.map((c) => '@' + c).join(',')})`);
  return { rowid: rowid as number, original, run: () => stmt.run({ ...original, rowid, id: NEW_ID }) };
}

const triggerSql = (db: Database.Database, name: string) => db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(name) as string;
const spaced = (sql: string) => sql.replace(/\s+/g, ' ').replace(/;\s*$/, '').trim();

let demo: string;
let db: Database.Database;
let links: Link[];

beforeAll(async () => {
  demo = await makeDemoStore();
  const file = path.join(path.dirname(demo), 'before-rowid-guards.sqlite');
  fs.copyFileSync(demo, file);
  db = new Database(file);
  undoRowidGuards(db);
  links = allLinks(db);
}, 120_000);
afterAll(() => {
  db.close();
  fs.rmSync(path.dirname(demo), { recursive: true, force: true });
});

describe('migration rowid-guards: a taken rowid is refused like a taken key', () => {
  it('starts from a store of schema 17 that verifies, whose guards let a REPLACE by rowid remove a record of fact', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(rowidGuards.version - 1);
    expect(verify(db).problems).toEqual([]);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const copy = copyOf(db.name);
    try {
      const { run } = replaceByRowid(copy, 'decisions');
      run();
      // Named only afterwards, by the full verification.
      expect(verify(copy).problems).toContainEqual(expect.objectContaining({ kind: 'deleted', table: 'decisions' }));
    } finally {
      copy.close();
    }
  });

  it('converts a store one of whose guards was dropped outside the console: it opens, the guard is made anew', () => {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const copy = copyOf(db.name);
    try {
      copy.exec('DROP TRIGGER decisions_no_replace; DROP TRIGGER plan_sections_no_replace');
      expect(verify(copy).problems).toContainEqual(expect.objectContaining({ kind: 'guard', table: 'decisions', problem: expect.stringContaining('is missing') }));
      // Before: "no such trigger", and every start refused.
      expect(migrate(copy)).toBe(LATEST_SCHEMA);
      expect(spaced(triggerSql(copy, 'decisions_no_replace'))).toBe(spaced(REPLACE_GUARDS.get('decisions_no_replace')!));
      expect(verify(copy).problems).toEqual([]);
    } finally {
      copy.close();
    }
  });

  it('converts it: every REPLACE guard made anew, the chains unchanged and verifying', () => {
    expect(migrate(db)).toBe(LATEST_SCHEMA);
    for (const [name, sql] of REPLACE_GUARDS) expect(spaced(triggerSql(db, name)), name).toBe(spaced(sql));
    expect(allLinks(db)).toEqual(links);
    const r = verify(db);
    expect(r.problems).toEqual([]);
    expect(r.checkedLinks).toBe(links.length);
  });

  it('then refuses INSERT OR REPLACE by rowid of a log entry, a decision and a status report in words, each row kept as written', () => {
    for (const table of VICTIMS) {
      const { rowid, original, run } = replaceByRowid(db, table);
      expect(run, table).toThrow(/is append-only: a row with this key or rowid already exists and cannot be replaced/);
      expect(db.prepare(`SELECT * FROM ${table} WHERE rowid = ?`).get(rowid), table).toEqual(original);
      expect(db.prepare(`SELECT count(*) FROM ${table} WHERE id = ?`).pluck().get(NEW_ID), table).toBe(0);
    }
    expect(verify(db).problems).toEqual([]);
  });

  it('the verifier names a REPLACE guard put back in its key-only form, or dropped', () => {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const copy = copyOf(db.name);
    try {
      copy.exec(`DROP TRIGGER decisions_no_replace; ${keyOnlyNoReplaceTrigger('decisions')}`);
      expect(verify(copy).problems).toEqual([
        expect.objectContaining({ kind: 'guard', table: 'decisions', problem: expect.stringContaining('decisions_no_replace is not the one the schema made') }),
      ]);
      copy.exec('DROP TRIGGER decisions_no_replace');
      expect(verify(copy).problems).toEqual([
        expect.objectContaining({ kind: 'guard', table: 'decisions', problem: expect.stringContaining('decisions_no_replace is missing') }),
      ]);
      // A plan's sections too (the verifier did not look at their guards before).
      copy.exec(`${REPLACE_GUARDS.get('decisions_no_replace')!}; DROP TRIGGER plan_sections_no_replace; ${keyOnlyNoReplaceTrigger('plan_sections', [['version_id', 'ordinal']])}`);
      expect(verify(copy).problems).toEqual([
        expect.objectContaining({ kind: 'guard', table: 'plan_sections', problem: expect.stringContaining('plan_sections_no_replace is not the one the schema made') }),
      ]);
    } finally {
      copy.close();
    }
  });
});

describe('migration rowid-guards on a workstation of a coalition', () => {
  it('appends, imports, applies sync, restores a backup and bundles with records written before and after the conversion', async () => {
    const { a2, b, incidentId } = await convertedMidSync(undoRowidGuards, 'Robin New');
    await a2.call('log.append', { incidentId, category: 'General', text: 'Written after the conversion' });
    const { imported } = await a2.call('log.import', {
      incidentId,
      source: 'paper',
      entries: [{ occurredAt: Date.now() - 60_000, category: 'General', text: 'Imported from paper after the conversion' }],
    });
    expect(imported).toBe(1);
    const backup = await a2.call('backup.create', {});
    await a2.call('log.append', { incidentId, category: 'General', text: 'Lost to the restore' });
    await a2.call('backup.restore', { file: backup.file });
    await b.call('log.append', { incidentId, category: 'General', text: 'Written on the second workstation' });
    syncAll([a2, b]);
    for (const s of [a2, b]) {
      const texts = (await s.call('log.list', { incidentId })).entries.map((e) => e.text);
      expect(texts).toEqual(
        expect.arrayContaining([
          'Written before the conversion',
          'Waiting for the next sync',
          'Written after the conversion',
          'Imported from paper after the conversion',
          'Written on the second workstation',
        ]),
      );
      expect(texts).not.toContain('Lost to the restore');
    }
    expect(hashes([a2, b])[0]).toEqual(hashes([a2, b])[1]);
    await bundleToNewcomerAndVerify(a2, b, incidentId, ['Written after the conversion', 'Imported from paper after the conversion', 'Written on the second workstation']);
  }, 120_000);
});
