import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';
import { asAttacker, copyOf, localWorkstation, makeDemoStore, middleLink, verify } from '../integrity/demo-store';
import { hashes, syncAll, syncOnce } from '../sync/harness';
import { bundleToNewcomerAndVerify, convertedMidSync } from './converted-coalition';
import { allLinks, KINDS, timelineAnswers, type Link } from './store-answers';
import { asBeforeKeys } from './before-keys';

/**
 * Migration "keys" (014) keeps record ids as their 16 bytes in the chain's links, the
 * chain's row index and the timeline, and keeps log entries out of the timeline's kind
 * index. The store before it is the demonstration coalition (records in every domain that
 * has them) put back as migration 13 left it (see before-keys.ts).
 */


let demo: string;
let db: Database.Database;
let before: Link[];
let incidents: number[];
let answered: Record<string, unknown>;
const words = ['generator', 'mercy', 'evacuation', 'shelter', 'bed*', 'staff*'];

beforeAll(async () => {
  demo = await makeDemoStore();
  const file = path.join(path.dirname(demo), 'before-keys.sqlite');
  fs.copyFileSync(demo, file);
  db = new Database(file);
  asBeforeKeys(db);
  before = allLinks(db);
  incidents = db.prepare('SELECT DISTINCT inc FROM timeline ORDER BY inc').pluck().all() as number[];
  answered = timelineAnswers(db, incidents, words);
}, 120_000);
afterAll(() => {
  db.close();
  fs.rmSync(path.dirname(demo), { recursive: true, force: true });
});

describe('migration keys: record ids in 16 bytes, the same chain, timeline and search', () => {
  it('starts from a store holding ids as text, with records of every kind and an answer for most questions', () => {
    expect(db.prepare('SELECT DISTINCT typeof(row_id) FROM chain_links').pluck().all()).toEqual(['text']);
    expect(db.prepare('SELECT DISTINCT typeof(record_id) FROM timeline').pluck().all()).toEqual(['text']);
    const kinds = db.prepare('SELECT DISTINCT kind FROM timeline').pluck().all();
    for (const k of KINDS.filter((k) => k !== 'staffing')) expect(kinds, k).toContain(k);
    expect(Object.values(answered).filter((a) => (Array.isArray(a) ? a.length > 0 : a !== 0)).length).toBeGreaterThan(20);
    expect(verify(db).problems).toEqual([]);
  });

  it('converts it: every link reads back exactly as before, the ids are stored in 16 bytes, the store verifies', () => {
    migrate(db);
    expect(allLinks(db)).toEqual(before);
    expect(db.prepare('SELECT DISTINCT typeof(row_id) || length(row_id) FROM chain_links').pluck().all()).toEqual(['blob16']);
    expect(db.prepare('SELECT DISTINCT typeof(record_id) || length(record_id) FROM timeline').pluck().all()).toEqual(['blob16']);
    expect(db.prepare("SELECT count(*) FROM timeline WHERE kind = 'entry'").pluck().get()).toBeGreaterThan(0);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'timeline_kind'").pluck().get()).toMatch(/WHERE kind <> 'entry'/);
    const r = verify(db);
    expect(r.problems).toEqual([]);
    expect(r.checkedLinks).toBe(before.length);
  });

  it('answers every timeline page, kind count and search exactly as before', () => {
    expect(timelineAnswers(db, incidents, words)).toEqual(answered);
  });

  it('still refuses an edit, removal or replacement of the chain, the timeline and the records', () => {
    const link = db.prepare('SELECT * FROM chain_links LIMIT 1').get() as Record<string, unknown>;
    for (const [sql, args] of [
      ["UPDATE fact_chain SET hash = 'x'", []],
      ['DELETE FROM fact_chain', []],
      ['UPDATE chain_links SET seq = seq + 1', []],
      ['DELETE FROM chain_links', []],
      ['INSERT OR REPLACE INTO chain_links (ws, seq, tab, row_id, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)', [link.ws, 999_999, link.tab, link.row_id, link.prev_hash, link.hash]],
      ['UPDATE timeline SET kind = kind', []],
      ['DELETE FROM timeline', []],
      ['INSERT OR REPLACE INTO timeline SELECT * FROM timeline LIMIT 1', []],
      ["UPDATE log_entries SET text = 'x'", []],
      ['DELETE FROM log_entries', []],
    ] as [string, unknown[]][])
      expect(() => db.prepare(sql).run(...args), sql).toThrow(/append-only|record of fact|cannot be/);
  });

  it('still finds and names a tampered record, a record edited with its link recomputed, and a record outside the chain', () => {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const copy = copyOf(db.name);
    try {
      const ws = localWorkstation(copy);
      const victim = middleLink(copy, ws, 'log_entries');
      asAttacker(copy, ['log_entries'], () => copy.prepare("UPDATE log_entries SET text = text || ' (edited)' WHERE id = ?").run(victim.row_id));
      expect(verify(copy).problems).toEqual([expect.objectContaining({ kind: 'altered', table: 'log_entries', rowId: victim.row_id, seq: victim.seq })]);
    } finally {
      copy.close();
    }
    const second = copyOf(db.name);
    try {
      const ws = localWorkstation(second);
      const victim = middleLink(second, ws, 'decisions');
      asAttacker(second, ['decisions', 'fact_chain'], () => {
        second.prepare("UPDATE decisions SET title = title || ' (edited)' WHERE id = ?").run(victim.row_id);
        second.prepare('UPDATE fact_chain SET hash = ? WHERE workstation_id = ? AND seq = ?').run('e'.repeat(64), ws, victim.seq);
      });
      const problems = verify(second).problems;
      expect(problems[0]).toMatchObject({ kind: 'altered', table: 'decisions', rowId: victim.row_id, seq: victim.seq });
      const stray = second.prepare('SELECT * FROM log_entries LIMIT 1').get() as Record<string, unknown>;
      asAttacker(second, ['log_entries'], () =>
        second.prepare(`INSERT INTO log_entries (${Object.keys(stray).join(',')}) VALUES (${Object.keys(stray).map(() => '?').join(',')})`).run(
          ...Object.values({ ...stray, id: '01900000-0000-7000-8000-000000000001' }),
        ),
      );
      expect(verify(second).problems).toContainEqual(expect.objectContaining({ kind: 'not-chained', rowId: '01900000-0000-7000-8000-000000000001' }));
    } finally {
      second.close();
    }
  });
});

describe('migration keys on a workstation of a coalition', () => {
  it('catches the other workstation up, and its bundle imports, with records written before and after the conversion', async () => {
    const { a2, b, incidentId } = await convertedMidSync(asBeforeKeys, 'Dana');
    await a2.call('log.append', { incidentId, category: 'General', text: 'Written after the conversion' });
    syncOnce(a2, b);
    const texts = (await b.call('log.list', { incidentId })).entries.map((e) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['Written before the conversion', 'Waiting for the next sync', 'Written after the conversion']));
    syncAll([a2, b]);
    expect(hashes([a2, b])[0]).toEqual(hashes([a2, b])[1]);

    await bundleToNewcomerAndVerify(a2, b, incidentId, ['Written after the conversion']);
  }, 120_000);
});
