import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';
import { Writer } from '../../../electron/backend/db/writer';
import { contentHash } from '../../../electron/backend/domains/sync/content';
import { asAttacker, copyOf, localWorkstation, makeDemoStore, middleLink, verify } from '../integrity/demo-store';
import { tempDir } from '../helpers/backend';
import { hashes, syncAll } from '../sync/harness';
import { bundleToNewcomerAndVerify, convertedMidSync } from './converted-coalition';
import { allLinks, KINDS, timelineAnswers, type Link } from './store-answers';
import { asBeforeLogRows } from './before-log-rows';

/**
 * Migration "log-rows" (016) keeps a log entry's six repeated names (workstation, operator,
 * position title, incident, position, category) as small numbers in log_rows, behind a
 * log_entries view that gives every row exactly as before. The store before it is the
 * demonstration coalition (records in every domain that has them) put back as migration 15
 * left it (see before-log-rows.ts).
 */
const allEntries = (db: Database.Database) => db.prepare('SELECT * FROM log_entries ORDER BY id').all() as Record<string, unknown>[];
const rowids = (db: Database.Database, table: string) => db.prepare(`SELECT rowid, id FROM ${table} ORDER BY rowid`).all();


let demo: string;
let db: Database.Database;
let links: Link[];
let entries: Record<string, unknown>[];
let entryRowids: unknown[];
let content: ReturnType<typeof contentHash>;
let incidents: number[];
let answered: Record<string, unknown>;
const words = ['generator', 'mercy', 'evacuation', 'shelter', 'bed*', 'staff*', 'situation'];

beforeAll(async () => {
  demo = await makeDemoStore();
  const file = path.join(path.dirname(demo), 'before-log-rows.sqlite');
  fs.copyFileSync(demo, file);
  db = new Database(file);
  asBeforeLogRows(db);
  links = allLinks(db);
  entries = allEntries(db);
  entryRowids = rowids(db, 'log_entries');
  content = contentHash(db);
  incidents = db.prepare('SELECT DISTINCT inc FROM timeline ORDER BY inc').pluck().all() as number[];
  answered = timelineAnswers(db, incidents, words);
}, 120_000);
afterAll(() => {
  db.close();
  fs.rmSync(path.dirname(demo), { recursive: true, force: true });
});

describe('migration log-rows: a log entry’s names kept once, the same rows, chain, timeline and search', () => {
  it('starts from a store whose log entries are a table of text, with records of every kind', () => {
    expect(db.prepare("SELECT type FROM sqlite_master WHERE name = 'log_entries'").pluck().get()).toBe('table');
    expect(entries.length).toBeGreaterThan(50);
    const kinds = db.prepare('SELECT DISTINCT kind FROM timeline').pluck().all();
    for (const k of KINDS.filter((k) => k !== 'staffing')) expect(kinds, k).toContain(k);
    expect(Object.values(answered).filter((a) => (Array.isArray(a) ? a.length > 0 : a !== 0)).length).toBeGreaterThan(15);
    expect(verify(db).problems).toEqual([]);
  });

  it('converts it: every entry reads back exactly as before, column for column, with its rowid; the names are numbers; the store verifies', () => {
    migrate(db);
    expect(db.prepare("SELECT type FROM sqlite_master WHERE name = 'log_entries'").pluck().get()).toBe('view');
    const after = allEntries(db);
    expect(after).toEqual(entries);
    expect(after.map((e) => Object.keys(e))).toEqual(entries.map((e) => Object.keys(e)));
    expect(rowids(db, 'log_rows')).toEqual(entryRowids);
    expect(db.prepare('SELECT DISTINCT typeof(ws) || typeof(inc) || typeof(pos) || typeof(cat) FROM log_rows').pluck().all()).toEqual([
      'integerintegerintegerinteger',
    ]);
    expect(allLinks(db)).toEqual(links);
    const r = verify(db);
    expect(r.problems).toEqual([]);
    expect(r.checkedLinks).toBe(links.length);
  });

  it('gives sync the same content and answers every timeline page, kind count and search exactly as before', () => {
    expect(contentHash(db)).toEqual(content);
    expect(timelineAnswers(db, incidents, words)).toEqual(answered);
  });

  it('still refuses an edit, removal or replacement of an entry, through the view or in its table, in log_entries’ words', () => {
    const row = entries[3]!;
    const cols = Object.keys(row);
    for (const [sql, args] of [
      ["UPDATE log_entries SET text = 'x'", []],
      ['DELETE FROM log_entries', []],
      [`INSERT OR REPLACE INTO log_entries (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`, Object.values({ ...row, text: 'rewritten' })],
      ["UPDATE log_rows SET text = 'x'", []],
      ['DELETE FROM log_rows', []],
      ['INSERT OR REPLACE INTO log_rows SELECT * FROM log_rows LIMIT 1', []],
    ] as [string, unknown[]][])
      expect(() => db.prepare(sql).run(...args), sql).toThrow(/^log_entries is append-only/);
    expect(allEntries(db)).toEqual(entries);
  });

  it('still names an edited entry, a deleted one, and one outside the chain', () => {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const copy = copyOf(db.name);
    try {
      const ws = localWorkstation(copy);
      const edited = middleLink(copy, ws, 'log_entries');
      asAttacker(copy, ['log_entries'], () => copy.prepare("UPDATE log_entries SET category = 'Rumour' WHERE id = ?").run(edited.row_id));
      expect(verify(copy).problems).toEqual([expect.objectContaining({ kind: 'altered', table: 'log_entries', rowId: edited.row_id, seq: edited.seq })]);
      const deleted = links.filter((l) => l.table_name === 'log_entries' && l.row_id !== edited.row_id)[5]!;
      asAttacker(copy, ['log_entries'], () => copy.prepare('DELETE FROM log_entries WHERE id = ?').run(deleted.row_id));
      expect(verify(copy).problems).toContainEqual(expect.objectContaining({ kind: 'deleted', table: 'log_entries', rowId: deleted.row_id }));
      const stray = { ...entries[0]!, id: '01900000-0000-7000-8000-000000000001' };
      asAttacker(copy, ['log_entries'], () =>
        copy.prepare(`INSERT INTO log_entries (${Object.keys(stray).join(',')}) VALUES (${Object.keys(stray).map(() => '?').join(',')})`).run(...Object.values(stray)),
      );
      expect(verify(copy).problems).toContainEqual(expect.objectContaining({ kind: 'not-chained', table: 'log_entries', rowId: stray.id }));
    } finally {
      copy.close();
    }
  });

  it('stores a new entry from the console’s writer as the view’s trigger would, and forgets a name a rolled-back save added', () => {
    const file = path.join(tempDir(), 'eoc.sqlite');
    const fresh = new Database(file);
    migrate(fresh);
    const writer = new Writer(fresh, 'ws-1', () => 5_000);
    const actor = { workstationId: 'ws-1', operatorName: 'Dana Duty', positionTitle: 'Coalition Duty Officer' };
    const entry = (category: string, text: string) => ({
      occurred_at: 4_000, incident_id: 'inc-1', position_id: 'pos-1', category, text, source: 'radio', transcribed: 0, corrects_id: null, heard_from: 'Medic 21',
    });
    const written = writer.transaction((tx) => tx.appendFact('log_entries', entry('Situation', 'by the writer')), actor).result;
    // The same entry through the view, as sync and imports of old stores insert it.
    fresh
      .prepare('INSERT INTO log_entries (id, workstation_id, operator_name, position_title, recorded_at, occurred_at, incident_id, position_id, category, text, source, transcribed, corrects_id, heard_from) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)')
      .run('by-the-view', 'ws-1', 'Dana Duty', 'Coalition Duty Officer', 5_000, 4_000, 'inc-1', 'pos-1', 'Situation', 'by the writer', 'radio', 0, null, 'Medic 21');
    const stored = fresh.prepare('SELECT ws, op, title, recorded_at, occurred_at, inc, pos, cat, text, source, transcribed, corrects_id, heard_from FROM log_rows WHERE id IN (?, ?)').all(written, 'by-the-view');
    expect(stored).toHaveLength(2);
    expect(stored[0]).toEqual(stored[1]);

    expect(() =>
      writer.transaction((tx) => {
        tx.appendFact('log_entries', entry('Rolled back', 'never saved'));
        throw new Error('the operator cancelled');
      }, actor),
    ).toThrow(/cancelled/);
    writer.transaction((tx) => tx.appendFact('log_entries', entry('Taken its number', 'another name first')), actor);
    const again = writer.transaction((tx) => tx.appendFact('log_entries', entry('Rolled back', 'saved this time')), actor).result;
    expect(fresh.prepare('SELECT category FROM log_entries WHERE id = ?').pluck().get(again)).toBe('Rolled back');
    expect(fresh.prepare("SELECT count(*) FROM timeline_fts WHERE timeline_fts MATCH 'rolled'").pluck().get()).toBe(1);
    expect(verify(fresh).problems.filter((p) => p.kind !== 'not-chained')).toEqual([]);
    fresh.close();
  });
});

describe('migration log-rows on a workstation of a coalition', () => {
  it('catches the other workstation up, and its bundle imports, with entries written before and after the conversion', async () => {
    const { a2, b, incidentId } = await convertedMidSync(asBeforeLogRows, 'Robin New');
    await a2.call('log.append', { incidentId, category: 'A new category', text: 'Written after the conversion' });
    await b.call('log.append', { incidentId, category: 'From the other side', text: 'Written on the second workstation' });
    syncAll([a2, b]);
    for (const s of [a2, b]) {
      const texts = (await s.call('log.list', { incidentId })).entries.map((e) => `${e.category}: ${e.text}`);
      expect(texts).toEqual(
        expect.arrayContaining([
          'General: Written before the conversion',
          'General: Waiting for the next sync',
          'A new category: Written after the conversion',
          'From the other side: Written on the second workstation',
        ]),
      );
    }
    expect(hashes([a2, b])[0]).toEqual(hashes([a2, b])[1]);

    await bundleToNewcomerAndVerify(a2, b, incidentId, ['Written after the conversion', 'Written on the second workstation']);
  }, 120_000);
});
