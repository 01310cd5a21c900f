// The record of an incident at scale: 1,000,000 log records across several incidents,
// measured through handle() (validation, attribution, hash chain, timeline index, FTS)
// beside raw better-sqlite3 on the same schema in the same run.
//
// LOGS_BENCH_RECORDS (default 1000000) sets the size. LOGS_BENCH_DIR=<folder> keeps the
// seeded data folder there and reuses it on the next run (said so in the output);
// without it a temporary folder is seeded and removed.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../electron/backend';
import { migrate } from '../../electron/backend/db/migrate';
import { matchExpression, searchWords } from '../../electron/backend/domains/timeline/fts';
import { timelineSql } from '../../electron/backend/domains/timeline/queries';
import { bigStore } from './big-store';
import { rawLogInsert } from './raw-log';
import type { Bench } from './run';
import { client, rng } from './seed';
import { fmt, report, summarize } from './stats';

const RECORDS = Number(process.env.LOGS_BENCH_RECORDS ?? 1_000_000);
const CHUNK = 1000; // log.import's maximum, one transaction each
const INCIDENTS = 5;
const DAY = 86_400_000;
const RAW_BULK_RECORDS = Math.min(RECORDS, 100_000);

const FACILITIES = [
  'Mercy General', 'St. Luke', 'Riverside Medical', 'Valley Regional', 'Harbor Health', 'Northgate Clinic', 'Pinecrest Nursing',
  'Lakeside Dialysis', 'Summit Rehab', 'Oakwood Hospital', 'Bayview Urgent Care', 'Cedar Home Health', 'Maple Long-Term Care',
  'Eastside Health Center', 'Westfield Pharmacy', 'Granite EMS', 'County Public Health', 'Hillcrest Behavioral', 'Brookside Hospice',
  'Fairview Children’s',
];
const PHRASES = [
  (f: string, n: number) => `${f} reports ${n} medical-surgical beds available and ${n % 7} ICU beds`,
  (f: string, n: number) => `Generator fuel at ${f}: ${n} hours remaining, delivery requested`,
  (f: string, n: number) => `Called ${f} command center about patient transfers; ${n} patients awaiting transport`,
  (f: string, n: number) => `${n} N95 respirators delivered to ${f} from coalition cache`,
  (f: string, n: number) => `Radio check with ${f} on the backup net, signal ${n % 5}/5`,
  (f: string, n: number) => `${f} staffing gap: ${n % 12} nurses short for the night shift`,
  (f: string, n: number) => `Ambulance strike team assigned to ${f}, ETA ${n % 60} minutes`,
  (f: string, n: number) => `${f} switched to diversion; EMS notified, review in ${n % 4} hours`,
];
const CATEGORIES = ['Situation', 'Resource', 'Communications', 'Patient movement', 'Facility status', 'Staffing', 'Task assignment', 'Task completion'];
const OPERATORS = ['Dana Duty', 'Sam Situation', 'Lee Logistics', 'Pat Planning', 'Robin Resources', 'Chris Comms', 'Alex Ops', 'Jo Medcare'];
const POSITION_CODES = ['HCCDO', 'SITL', 'LSC', 'PSC', 'RESL', 'COML', 'OSC', 'MEDCARE', 'SPUL', 'LOFR'];
/** Searched words from rare (one facility) to common (in one phrase of eight). */
const SEARCHES = ['Lakeside', 'Pinecrest', 'generator', 'respirators', 'diversion', 'Mercy General', 'strike team', 'ventilat*'];


interface Seeded {
  records: number;
  incidents: string[];
  positions: Record<string, string>;
  periods: string[];
  seconds: number;
  /** The time the first RAW_BULK_RECORDS took, into a store as empty as the raw side's file. */
  firstSeconds?: number;
  /** The raw INSERT's rate over the same records, chunk for chunk beside the import's (rawSide). */
  rawRate?: number;
}

async function seed(dir: string): Promise<{ backend: Backend; seeded: Seeded; reused: boolean }> {
  const sidecar = path.join(dir, 'logs-bench-seed.json');
  const backend = await createBackend({ dataDir: dir, backupIntervalMs: 0 });
  const call = client(backend);
  if (fs.existsSync(sidecar)) {
    const seeded = JSON.parse(fs.readFileSync(sidecar, 'utf8')) as Seeded;
    if (seeded.records === RECORDS) {
      console.log(`  (reusing the ${RECORDS.toLocaleString('en-US')} records seeded earlier in ${dir})`);
      return { backend, seeded, reused: true };
    }
  }
  await call('setup.complete', { coalitionName: 'Bench Coalition', region: 'Region 1', timeZone: 'America/New_York', workstationName: 'BENCH' });
  const { positions } = await call('position.list', {});
  const byCode = Object.fromEntries(positions.map((p) => [p.code, p.id]));
  await call('session.signIn', { operatorName: OPERATORS[0]!, positionId: byCode.HCCDO! });
  const { levels } = await call('incident.levels', {});
  const { templates } = await call('incident.templates', {});
  const start = Date.now() - 40 * DAY;
  const incidents: string[] = [];
  const periods: string[] = [];
  for (let i = 0; i < INCIDENTS; i++) {
    const startsAt = start + i * 7 * DAY;
    const { incident, period } = await call('incident.create', {
      name: `Bench incident ${i + 1}`,
      exercise: i === INCIDENTS - 1,
      templateId: templates[i % templates.length]!.id,
      activationLevelId: levels[2]!.id,
      startedAt: startsAt,
      firstPeriod: { startsAt, endsAt: startsAt + DAY },
    });
    incidents.push(incident.id);
    periods.push(period!.id);
  }
  const rand = rng(42);
  const perIncident = Math.ceil(RECORDS / INCIDENTS);
  // The raw side stores the same entries, a chunk after each of the import's first
  // RAW_BULK_RECORDS, so both are timed in the same moments of a shared machine's load.
  const raw = rawSide();
  let importMs = 0;
  let written = 0;
  let firstSeconds: number | undefined;
  for (let c = 0; written < RECORDS; c++) {
    const inc = c % INCIDENTS;
    const n = Math.min(CHUNK, RECORDS - written);
    if (c % 25 === 0) {
      const op = OPERATORS[(c / 25) % OPERATORS.length]!;
      await call('session.signIn', { operatorName: op, positionId: byCode[POSITION_CODES[(c / 25) % POSITION_CODES.length]!]! });
    }
    const base = start + inc * 7 * DAY;
    const offset = Math.floor(c / INCIDENTS) * CHUNK;
    const entries = Array.from({ length: n }, (_, j) => {
      const k = offset + j;
      const f = FACILITIES[Math.floor(rand() * FACILITIES.length)]!;
      return {
        // Spread over seven days: about one record every 0.6 s at a million records.
        occurredAt: base + Math.floor(((k + rand()) / perIncident) * 7 * DAY),
        category: CATEGORIES[Math.floor(rand() * CATEGORIES.length)]!,
        text: PHRASES[Math.floor(rand() * PHRASES.length)]!(f, Math.floor(rand() * 200)),
      };
    });
    const positionId = byCode[POSITION_CODES[c % POSITION_CODES.length]!]!;
    const t = performance.now();
    await call('log.import', { incidentId: incidents[inc]!, positionId, source: 'paper', entries });
    importMs += performance.now() - t;
    if (written < RAW_BULK_RECORDS) raw.chunk(entries, incidents[inc]!, positionId);
    written += n;
    if (written === RAW_BULK_RECORDS) firstSeconds = importMs / 1000;
    if (c % 100 === 99) process.stdout.write(`  seeding: ${written.toLocaleString('en-US')} records\r`);
  }
  const seconds = importMs / 1000;
  const seeded: Seeded = { records: RECORDS, incidents, positions: byCode, periods, seconds, firstSeconds, rawRate: raw.close() };
  fs.writeFileSync(sidecar, JSON.stringify(seeded));
  return { backend, seeded, reused: false };
}


/**
 * Raw better-sqlite3 bulk insert on a fresh file with the same schema, the floor for
 * log.import: the same entries, 1,000 a transaction, timed chunk by chunk.
 */
function rawSide() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-bench-raw-'));
  const db = new Database(path.join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('temp_store = MEMORY'); // as the backend's import path does
  migrate(db);
  const ins = rawLogInsert(db);
  let ms = 0;
  let rows = 0;
  return {
    chunk(entries: readonly { occurredAt: number; category: string; text: string }[], inc: string, pos: string) {
      const t = performance.now();
      db.transaction(() => {
        for (const e of entries) {
          const recordedAt = Date.now();
          ins({ id: crypto.randomUUID(), ws: 'w', recordedAt, occurredAt: e.occurredAt, inc, pos, category: e.category, text: e.text, source: 'paper', transcribed: 1 });
        }
      })();
      ms += performance.now() - t;
      rows += entries.length;
    },
    /** The rate over every chunk; removes the file. */
    close(): number {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
      return rows / (ms / 1000);
    },
  };
}

/** The raw side alone over RAW_BULK_RECORDS entries like the seeded ones (a reused store's seeding was not beside it). */
function rawBulk(): number {
  const raw = rawSide();
  const rand = rng(7);
  const start = Date.now() - 40 * DAY;
  for (let written = 0; written < RAW_BULK_RECORDS; written += CHUNK) {
    const entries = Array.from({ length: CHUNK }, (_, j) => ({
      occurredAt: start + (written + j) * 600,
      category: CATEGORIES[Math.floor(rand() * CATEGORIES.length)]!,
      text: PHRASES[Math.floor(rand() * PHRASES.length)]!(FACILITIES[Math.floor(rand() * FACILITIES.length)]!, Math.floor(rand() * 200)),
    }));
    raw.chunk(entries, `inc-${(written / CHUNK) % INCIDENTS}`, 'pos-1');
  }
  return raw.close();
}

async function sample(n: number, fn: (i: number) => Promise<unknown> | unknown): Promise<number[]> {
  for (let i = 0; i < Math.min(20, n); i++) await fn(i); // warm-up
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

const pct = (s: number[]) => summarize(s);
const line = (label: string, ms: number[], base: number[]) => {
  const a = pct(ms);
  const b = pct(base);
  report(label, `p50 ${fmt(a.p50)} p95 ${fmt(a.p95)}`, `p50 ${fmt(b.p50)} p95 ${fmt(b.p95)}`);
};

export const logsBench: Bench = {
  name: 'logs',
  title: `Incident record: ${RECORDS.toLocaleString('en-US')} log records (ICS 214 log, timeline, full-text search)`,
  async run() {
    const keep = process.env.LOGS_BENCH_DIR;
    const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-bench-logs-'));
    fs.mkdirSync(dir, { recursive: true });
    const { backend, seeded, reused } = await seed(dir);
    const call = client(backend);
    const file = path.join(dir, 'eoc.sqlite');
    const rate = seeded.records / seeded.seconds;
    const rawRate = seeded.rawRate ?? rawBulk();
    const n = (x: number) => Math.round(x).toLocaleString('en-US');
    // Like for like: the raw side inserts RAW_BULK_RECORDS rows into an empty file, so the
    // import is timed over its own first RAW_BULK_RECORDS (an empty store too), not over all
    // of them (deeper trees and bigger full-text merges past that point); the figure over all
    // of them, the one printed before, follows.
    if (seeded.firstSeconds !== undefined) {
      const first = RAW_BULK_RECORDS / seeded.firstSeconds;
      report(
        `bulk import: log.import via handle(), ${CHUNK}/transaction, first ${RAW_BULK_RECORDS.toLocaleString('en-US')}`,
        `${n(first)} records/s`,
        `${n(rawRate)} records/s raw INSERT of the same entries into an empty file${seeded.rawRate ? ', chunk for chunk beside it' : ''}`,
        `ratio ${(first / rawRate).toFixed(2)}x (target at least 0.8x)${reused ? ' (when seeded)' : ''}`,
      );
    }
    report(
      `bulk import: log.import via handle(), ${CHUNK}/transaction, all`,
      `${n(rate)} records/s`,
      `${n(rawRate)} records/s raw INSERT, ${RAW_BULK_RECORDS.toLocaleString('en-US')} rows into an empty file`,
      `ratio ${(rate / rawRate).toFixed(2)}x; ${seeded.records.toLocaleString('en-US')} records in ${seeded.seconds.toFixed(0)} s${reused ? ' (when seeded)' : ''}`,
    );

    // Reads: through handle() beside the same page query run raw on a second connection.
    const raw = new Database(file, { readonly: true });
    // The file beside what its records of fact alone take (the log rows and their key index).
    const bytes = (names: string) =>
      (raw.prepare(`SELECT sum(pgsize) FROM dbstat WHERE name IN (${names})`).pluck().get() as number | null) ?? 0;
    const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
    const fileBytes = fs.statSync(file).size;
    report(
      `file size at ${seeded.records.toLocaleString('en-US')} log records`,
      mib(fileBytes),
      `the log rows and their key index alone ${mib(bytes("'log_rows', 'sqlite_autoindex_log_rows_1'"))}`,
      `${(fileBytes / seeded.records).toFixed(0)} bytes a record; target at most 600 MiB at 1,000,000 (${((fileBytes / seeded.records) * 1e6 / 2 ** 20).toFixed(0)} MiB at this rate)`,
    );
    // Where the bytes go (SQLite's dbstat), largest first.
    const parts = raw
      .prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 12')
      .all() as { name: string; bytes: number }[];
    const free = (raw.pragma('freelist_count', { simple: true }) as number) * (raw.pragma('page_size', { simple: true }) as number);
    report(
      '  where the file goes (dbstat, MiB)',
      parts.map((p) => `${p.name} ${(p.bytes / 2 ** 20).toFixed(0)}`).join(', '),
      undefined,
      free ? `${(free / 2 ** 20).toFixed(0)} MiB free pages (a VACUUM returns them)` : undefined,
    );
    const refs = new Map((raw.prepare('SELECT n, ref FROM timeline_refs').all() as { n: number; ref: string }[]).map((r) => [r.ref, r.n]));
    const incidents = seeded.incidents;
    const inc = (i: number) => incidents[i % incidents.length]!;
    const posId = (i: number) => seeded.positions[POSITION_CODES[i % POSITION_CODES.length]!]!;
    const rawPage = (q: Parameters<typeof timelineSql>[0]) => {
      const { sql, params } = timelineSql(q);
      return raw.prepare(sql).all(params);
    };
    const periodSpan = (id: string) => {
      const p = raw.prepare('SELECT starts_at AS "from", ends_at AS "to" FROM periods WHERE id = ?').get(id) as { from: number; to: number };
      return p;
    };
    const N = 200;
    const cases: { label: string; filters: (i: number) => Record<string, unknown>; rawQ: (i: number) => Partial<Parameters<typeof timelineSql>[0]> }[] = [
      { label: 'no filter', filters: () => ({}), rawQ: () => ({}) },
      { label: 'position', filters: (i) => ({ positionId: posId(i) }), rawQ: (i) => ({ pos: refs.get(posId(i))! }) },
      { label: 'category', filters: (i) => ({ category: CATEGORIES[i % CATEGORIES.length] }), rawQ: (i) => ({ category: CATEGORIES[i % CATEGORIES.length] }) },
      { label: 'operator', filters: (i) => ({ operatorName: OPERATORS[i % OPERATORS.length] }), rawQ: (i) => ({ operatorName: OPERATORS[i % OPERATORS.length] }) },
      {
        label: 'period 1 + position',
        filters: (i) => ({ periodId: seeded.periods[i % incidents.length], positionId: posId(i) }),
        rawQ: (i) => ({ pos: refs.get(posId(i))!, ...periodSpan(seeded.periods[i % incidents.length]!) }),
      },
    ];
    for (const c of cases) {
      const first = await sample(N, (i) => call('timeline.page', { incidentId: inc(i), filters: c.filters(i), limit: 50 }));
      const firstRaw = await sample(N, (i) => rawPage({ inc: refs.get(inc(i))!, order: 'newest', limit: 51, ...c.rawQ(i) }));
      line(`timeline first page (50), ${c.label}`, first, firstRaw);
      const cursors = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => (await call('timeline.page', { incidentId: inc(i), filters: c.filters(i), limit: 50 })).nextCursor),
      );
      const next = await sample(N, (i) => call('timeline.page', { incidentId: inc(i % 20), filters: c.filters(i % 20), limit: 50, cursor: cursors[i % 20] ?? undefined }));
      line(`timeline next page (50), ${c.label}`, next, firstRaw);
    }

    const search = await sample(N, (i) => call('timeline.page', { incidentId: inc(i), filters: { text: SEARCHES[i % SEARCHES.length] }, limit: 50 }));
    const searchRaw = await sample(N, (i) =>
      raw
        .prepare('SELECT rowid FROM timeline_fts WHERE timeline_fts MATCH ? ORDER BY rowid DESC LIMIT 51')
        .all(matchExpression(searchWords(SEARCHES[i % SEARCHES.length]!), { inc: refs.get(inc(i))! })),
    );
    line('full-text search, first page (50)', search, searchRaw);
    raw.close();

    // Writes: one durable entry at a time (synchronous=FULL), through handle() and raw.
    const appends = await sample(500, (i) => call('log.append', { incidentId: inc(i % (INCIDENTS - 1)), category: 'Situation', text: `Bench append ${i} at Mercy General` }));
    await backend.close();
    const w = new Database(file);
    w.pragma('journal_mode = WAL');
    w.pragma('synchronous = FULL');
    const ins = rawLogInsert(w);
    const rawAppends = await sample(500, (i) => {
      const now = Date.now();
      const at = { recordedAt: now, occurredAt: now, inc: inc(i % (INCIDENTS - 1)), pos: seeded.positions.HCCDO!, category: 'Situation' };
      ins({ id: crypto.randomUUID(), ws: 'raw', ...at, text: `Raw append ${i} at Mercy General`, source: 'direct', transcribed: 0 });
    });
    w.close();
    const a = pct(appends);
    const b = pct(rawAppends);
    report('append one entry, durable: log.append via handle() p50', fmt(a.p50), `raw INSERT ${fmt(b.p50)}`, `ratio ${(a.p50 / b.p50).toFixed(2)}x`);
    report('append one entry, durable: log.append via handle() p99', fmt(a.p99), `raw INSERT ${fmt(b.p99)}`, `ratio ${(a.p99 / b.p99).toFixed(2)}x`);
    await bigStore(dir, seeded.records);
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  },
};
