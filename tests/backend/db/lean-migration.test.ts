import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';
import { migrations } from '../../../electron/backend/db/migrations';
import { searchWords } from '../../../electron/backend/domains/timeline/fts';
import { timelineRows } from '../../../electron/backend/domains/timeline/queries';
import { openBackend } from '../helpers/backend';
import { asBeforeLean, lean } from './before-lean';
import { asAttacker, copyOf, localWorkstation, makeDemoStore, middleLink, verify } from '../integrity/demo-store';

/**
 * Migration "lean" (013) remakes the timeline's full-text index with only which records hold
 * each word (detail=none, no docsize), interns the timeline's operator and category, and
 * recreates the triggers that feed both. The store before it is the demonstration coalition
 * (records in every domain that has them) put back as migrations 2, 10 and 12 left it (see
 * before-lean.ts).
 */
type Row = { key: bigint };
/** The timeline with operator and category by name, whichever way they are stored. */
const allTimeline = (db: Database.Database) => {
  const named = (db.prepare('PRAGMA table_info(timeline)').all() as { name: string }[]).some((c) => c.name === 'category');
  return db
    .prepare(
      named
        ? 'SELECT key, inc, kind, record_id, pos, operator_name AS op, category AS cat FROM timeline ORDER BY key'
        : 'SELECT t.key, t.inc, t.kind, t.record_id, t.pos, o.ref AS op, c.ref AS cat FROM timeline t LEFT JOIN timeline_refs o ON o.n = t.op LEFT JOIN timeline_refs c ON c.n = t.cat ORDER BY t.key',
    )
    .safeIntegers()
    .all();
};

/** What the old index answered for a word (or word beginning), as the search asked it before this migration. */
function oldSearch(db: Database.Database, inc: number, word: string): bigint[] {
  const term = word.endsWith('*') ? `"${word.slice(0, -1)}"*` : `"${word}"`;
  return (
    db.prepare('SELECT rowid AS key FROM timeline_fts WHERE timeline_fts MATCH ? ORDER BY rowid DESC').safeIntegers().all(`scope : "i${inc}" AND body : (${term})`) as Row[]
  ).map((r) => r.key);
}

function newSearch(db: Database.Database, inc: number, word: string): bigint[] {
  return timelineRows(db, { inc, words: searchWords(word), order: 'newest', limit: 1_000_000 }).map(
    (r) => (BigInt(r.occurredAt) << 20n) | BigInt(r.n),
  );
}

let demo: string;
let file: string;
let db: Database.Database;
let timelineBefore: unknown[];
let incidents: number[];
/** Words of the demonstration's records: every fifth of those the old index holds, and some beginnings. */
let words: string[];
let before: Map<string, bigint[]>;

beforeAll(async () => {
  demo = await makeDemoStore();
  const dir = path.join(path.dirname(demo), 'before-lean');
  fs.mkdirSync(dir);
  file = path.join(dir, 'eoc.sqlite');
  fs.copyFileSync(demo, file);
  db = new Database(file);
  asBeforeLean(db);
  timelineBefore = allTimeline(db);
  incidents = db.prepare('SELECT DISTINCT inc FROM timeline ORDER BY inc').pluck().all() as number[];
  db.exec("CREATE VIRTUAL TABLE temp.seen USING fts5vocab(main, 'timeline_fts', 'col')");
  const terms = (db.prepare("SELECT term FROM temp.seen WHERE col = 'body' ORDER BY term").pluck().all() as string[]).filter(
    (_, i) => i % 5 === 0,
  );
  db.exec('DROP TABLE temp.seen');
  words = [...terms, ...terms.filter((t) => t.length > 4).slice(0, 20).map((t) => `${t.slice(0, 3)}*`)];
  before = new Map();
  for (const inc of incidents)
    for (const w of words) before.set(`${inc} ${w}`, oldSearch(db, inc, w));
});
afterAll(() => {
  db.close();
  fs.rmSync(path.dirname(demo), { recursive: true, force: true });
});

describe('migration lean: a smaller full-text index, the same answers', () => {
  it('starts from a store with the old full-text index and words in every kind of record', () => {
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'timeline_fts'").pluck().get()).not.toMatch(/detail/);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'timeline_fts_docsize'").pluck().get()).toBe(1);
    const kinds = db.prepare('SELECT DISTINCT kind FROM timeline').pluck().all();
    for (const k of ['entry', 'decision', 'message', 'reply', 'request', 'tick']) expect(kinds, k).toContain(k);
    expect(words.length).toBeGreaterThan(50);
    expect([...before.values()].some((keys) => keys.length > 0)).toBe(true);
    expect(verify(db).problems).toEqual([]);
  });

  it('converts it: the index keeps only which records hold each word, and the timeline is untouched', () => {
    migrate(db, migrations.slice(0, lean.version));
    const ddl = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'timeline_fts'").pluck().get();
    expect(ddl).toMatch(/detail = none/);
    expect(ddl).toMatch(/columnsize = 0/);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'timeline_fts_docsize'").pluck().get()).toBe(0);
    expect(allTimeline(db)).toEqual(timelineBefore);
    expect(db.prepare("SELECT count(*) FROM pragma_table_info('timeline') WHERE name IN ('op', 'cat') AND type = 'INTEGER'").pluck().get()).toBe(2);
    const r = verify(db);
    expect(r.problems).toEqual([]);
    expect(r.checkedLinks).toBeGreaterThan(100);
  });

  it('finds exactly what the old index found, for every incident, word and word beginning', () => {
    for (const inc of incidents)
      for (const w of words) expect(newSearch(db, inc, w), `${inc} ${w}`).toEqual(before.get(`${inc} ${w}`));
  });

  it('still refuses an edit, removal or replacement of the timeline, the chain and the records', () => {
    for (const sql of [
      'UPDATE timeline SET kind = kind',
      'DELETE FROM timeline',
      'UPDATE chain_links SET seq = seq + 1',
      'DELETE FROM fact_chain',
      "UPDATE log_entries SET text = 'x'",
      'DELETE FROM log_entries',
      'INSERT OR REPLACE INTO log_entries SELECT * FROM log_entries LIMIT 1',
      'INSERT OR REPLACE INTO timeline SELECT * FROM timeline LIMIT 1',
    ])
      expect(() => db.prepare(sql).run(), sql).toThrow(/append-only|record of fact|cannot be/);
  });

  it('still finds and names a tampered record after the conversion', () => {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const copy = copyOf(db.name);
    try {
      const victim = middleLink(copy, localWorkstation(copy), 'log_entries');
      asAttacker(copy, ['log_entries'], () => copy.prepare("UPDATE log_entries SET text = text || ' (edited)' WHERE id = ?").run(victim.row_id));
      expect(verify(copy).problems).toEqual([expect.objectContaining({ kind: 'altered', table: 'log_entries', rowId: victim.row_id, seq: victim.seq })]);
    } finally {
      copy.close();
    }
  });

  it('feeds records written after the conversion into the timeline and its search', async () => {
    db.close();
    const t = await openBackend({ dataDir: path.dirname(file), integrityCheckMs: 0 });
    const { incidents: list } = await t.call('incident.list', {});
    const open = list.find((i) => i.status === 'open')!;
    const e = await t.call('log.append', { incidentId: open.id, category: 'Situation', text: 'Zanzibar-class generator tested at p1 level' });
    const found = await t.call('timeline.page', { incidentId: open.id, filters: { text: 'zanzibar-class' } });
    expect(found.items.map((i) => i.id)).toEqual([e.id]);
    // A word shaped like the index's own scope tokens finds that word, not every record of position 1.
    expect((await t.call('timeline.page', { incidentId: open.id, filters: { text: 'p1' } })).items.map((i) => i.id)).toEqual([e.id]);
    await t.backend.close();
    db = new Database(file);
    expect(verify(db).problems).toEqual([]);
  });
});
