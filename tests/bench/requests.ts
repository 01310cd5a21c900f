// Resource requests at scale: the request board over 50,000 requests and 200,000 events,
// through handle() (validation, the board's three statements, mapping) beside the same
// SQL run raw on better-sqlite3 in the same run; then 1,000 lifecycle transitions through
// handle(), each with its event, fill and stock movement in one transaction.
//
// REQUESTS_BENCH_REQUESTS (default 50000) sets the size; events are four per request.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { createBackend, type Backend } from '../../electron/backend';
import { board as boardQuery, boardSql, type BoardQuery } from '../../electron/backend/domains/request/board';
import type { MethodInput } from '../../shared/contract';
import { OPEN_STATUSES, PRIORITIES, PRIORITY_RANK, REQUEST_STATUSES } from '../../shared/domain/request-state';
import type { Bench } from './run';
import { client, rng } from './seed';
import { fmt, report, summarize } from './stats';

const REQUESTS = Number(process.env.REQUESTS_BENCH_REQUESTS ?? 50_000);
const EVENTS_PER_REQUEST = 4;
const OPEN_SHARE = 0.2;
const SAMPLES = 200;
const HOUR = 3_600_000;
const KINDS = [
  'N95 respirator',
  'Ventilator (portable)',
  'Surge cot',
  'Generator (mobile)',
  'Isolation gown',
  'Oxygen cylinder (E)',
  'Ambulance strike team',
  'Bottled water',
];
const WORDS = [
  'dining hall',
  'second floor',
  'night shift',
  'loading dock',
  'ICU overflow',
  'dialysis chairs',
  'evacuation',
  'shelter',
];


async function samples(n: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 20; i++) await fn(); // warm-up: statement cache, page cache
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** The store as a busy season leaves it: written straight into SQLite, the same rows the write path makes. */
function seed(file: string, incidents: string[], orgs: string[], workstationId: string, now: number): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const r = rng(42);
  const insReq = db.prepare(
    `INSERT INTO requests (id, number, incident_id, requesting_organisation_id, requested_by_name, priority, priority_rank, delivery_location, status, status_since,
       is_open, submitted_at, aged_from, requested_arrival, eta, quantity_requested, quantity_filled, summary, search_text, created_at, updated_hlc)
     VALUES (@id, @number, @incident, @org, 'Bench Requester', @priority, @rank, 'Loading dock', @status, @since, @open, @submitted, @aged, @arrival, @eta, @qty, @filled, @summary, @search, @created, '0')`,
  );
  const insLine = db.prepare(
    `INSERT INTO request_lines (id, request_id, line_no, quantity, kind, kind_key, description, created_at, updated_hlc) VALUES (?, ?, 1, ?, ?, ?, ?, ?, '0')`,
  );
  const insEvent = db.prepare(
    `INSERT INTO request_events (id, request_id, action, from_status, to_status, detail, workstation_id, operator_name, position_title, recorded_at, occurred_at)
     VALUES (?, ?, ?, ?, ?, '{}', ?, 'Bench Operator', 'Coalition Duty Officer', ?, ?)`,
  );
  const terminal = REQUEST_STATUSES.filter((s) => !OPEN_STATUSES.includes(s));
  db.transaction(() => {
    for (let i = 0; i < REQUESTS; i++) {
      const id = uuidv7();
      const open = r() < OPEN_SHARE;
      const status = open
        ? OPEN_STATUSES[Math.floor(r() * OPEN_STATUSES.length)]!
        : terminal[Math.floor(r() * terminal.length)]!;
      const priority = PRIORITIES[Math.floor(r() * 3)]!;
      const created = now - Math.floor(r() * 90 * 24 * HOUR);
      const since = created + Math.floor(r() * 6 * HOUR);
      const kind = KINDS[i % KINDS.length]!;
      const qty = 1 + Math.floor(r() * 500);
      const words = WORDS[Math.floor(r() * WORDS.length)]!;
      insReq.run({
        id,
        number: `RR-${String(i + 1).padStart(4, '0')}`,
        incident: incidents[i % incidents.length],
        org: orgs[i % orgs.length],
        priority,
        rank: PRIORITY_RANK[priority],
        status,
        since,
        open: open ? 1 : 0,
        submitted: status === 'draft' ? null : created + 60_000,
        aged: created,
        arrival: r() < 0.3 ? created + 8 * HOUR : null,
        eta: status === 'en_route' ? since + 2 * HOUR : null,
        qty,
        filled: open ? 0 : qty,
        summary: `${qty} ${kind}`,
        search: `RR-${i + 1} Bench Requester ${kind} ${words}`,
        created,
      });
      insLine.run(uuidv7(), id, qty, kind, kind.toLowerCase(), words, created);
      for (let e = 0; e < EVENTS_PER_REQUEST; e++)
        insEvent.run(uuidv7(), id, e === 0 ? 'create' : 'submit', null, status, workstationId, since + e, since + e);
    }
  })();
  db.close();
}

async function boardLatency(b: Backend, raw: Database.Database, label: string, q: Partial<BoardQuery>) {
  const call = client(b);
  const full: BoardQuery = { scope: 'open', sort: 'priority', limit: 200, offset: 0, ...q };
  const viaHandle = summarize(await samples(SAMPLES, () => call('request.board', q as MethodInput<'request.board'>)));
  // Baseline: the same three statements (rows, total, counts) straight on better-sqlite3.
  const baseline = summarize(await samples(SAMPLES, () => boardQuery(raw, full, Date.now())));
  const rowsOnly = summarize(
    await samples(SAMPLES, () => {
      const s = boardSql(full, Date.now());
      return raw.prepare(s.sql).all(s.p);
    }),
  );
  const total = (await call('request.board', q as MethodInput<'request.board'>)).total;
  report(
    `board ${label} (${total} match) p50`,
    fmt(viaHandle.p50),
    `raw SQLite ${fmt(baseline.p50)} (rows query alone ${fmt(rowsOnly.p50)})`,
  );
  report(
    `board ${label} p95`,
    fmt(viaHandle.p95),
    `raw SQLite ${fmt(baseline.p95)} (rows query alone ${fmt(rowsOnly.p95)})`,
  );
}

async function transitions(b: Backend, incidentId: string, orgId: string, cacheId: string): Promise<void> {
  const call = client(b);
  const STEPS = [
    'submit',
    'approve',
    'check_resources',
    'source',
    'send_to_finance',
    'finance_approve',
    'mark_en_route',
    'receive',
    'release',
    'close',
  ] as const;
  const N = 1000 / STEPS.length;
  const requests: { id: string; line: string }[] = [];
  for (let i = 0; i < N; i++) {
    const { request } = await call('request.create', {
      incidentId,
      requestingOrganisationId: orgId,
      requestedByName: 'Bench Requester',
      priority: 'urgent',
      deliveryLocation: 'Loading dock',
      lines: [{ quantity: 10, kind: 'N95 respirator' }],
    });
    requests.push({ id: request.id, line: request.lines[0]!.id });
  }
  const per: number[] = [];
  const started = performance.now();
  for (const action of STEPS) {
    for (const r of requests) {
      const input =
        action === 'source'
          ? {
              action,
              id: r.id,
              lineId: r.line,
              quantity: 10,
              source: { kind: 'inventory' as const, inventoryItemId: cacheId },
            }
          : action === 'mark_en_route'
            ? { action, id: r.id, eta: Date.now() + HOUR }
            : { action, id: r.id };
      const t = performance.now();
      await call('request.transition', input as MethodInput<'request.transition'>);
      per.push(performance.now() - t);
    }
  }
  const totalMs = performance.now() - started;
  const s = summarize(per);
  // Baseline: the smallest write through handle() on the same store (one field, one audit row,
  // one fsync'd commit), so the figure shows what the 213RR step itself adds.
  let held = 2_000_000;
  const smallWrite = summarize(
    await samples(SAMPLES, () => call('inventory.count', { id: cacheId, heldQuantity: held++ })),
  );
  report(
    `1,000 transitions through handle() (${N} requests x ${STEPS.length} steps) total`,
    fmt(totalMs),
    undefined,
    `${(1000 / (totalMs / 1000)).toFixed(0)} per second`,
  );
  report('one transition p50', fmt(s.p50), `smallest write (inventory.count) ${fmt(smallWrite.p50)}`);
  report('one transition p95', fmt(s.p95), `smallest write (inventory.count) ${fmt(smallWrite.p95)}`);
}

export const requestsBench: Bench = {
  name: 'requests',
  title: `Resource requests: board over ${REQUESTS.toLocaleString('en-US')} requests and ${(REQUESTS * EVENTS_PER_REQUEST).toLocaleString('en-US')} events; 1,000 transitions`,
  async run() {
    // REQUESTS_BENCH_DIR=<folder> keeps the seeded store there and reuses it next time.
    const keep = process.env.REQUESTS_BENCH_DIR;
    const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-bench-requests-'));
    const idsFile = path.join(dir, 'bench-ids.json');
    try {
      if (keep && fs.existsSync(idsFile)) {
        console.log(`  reusing the seeded store in ${dir}`);
        const ids = JSON.parse(fs.readFileSync(idsFile, 'utf8')) as {
          incidents: string[];
          orgs: string[];
          cache: string;
        };
        await measure(dir, ids.incidents, ids.orgs, ids.cache);
        return;
      }
      const b = await createBackend({ dataDir: dir, backupIntervalMs: 0 });
      const call = client(b);
      await call('setup.complete', {
        coalitionName: 'Bench Coalition',
        region: 'Region 1',
        timeZone: 'America/New_York',
        workstationName: 'BENCH',
      });
      const { positions } = await call('position.list', {});
      await call('session.signIn', {
        operatorName: 'Bench Operator',
        positionId: positions.find((p) => p.code === 'HCCDO')!.id,
      });
      const { levels } = await call('incident.levels', {});
      const incidents: string[] = [];
      for (let i = 0; i < 3; i++)
        incidents.push(
          (
            await call('incident.create', {
              name: `Bench incident ${i + 1}`,
              exercise: false,
              activationLevelId: levels[0]!.id,
            })
          ).incident.id,
        );
      const orgs: string[] = [];
      for (let i = 0; i < 60; i++) {
        orgs.push(
          (
            await call('directory.saveOrganisation', {
              name: `Bench member ${i + 1}`,
              discipline: i % 3 ? 'long_term_care' : 'hospital',
              membership: 'core',
              town: 'Springfield',
              zip: '01103',
            })
          ).organisation.id,
        );
      }
      const cache = await call('inventory.save', {
        category: 'Medical and Public Health',
        resourceClass: 'supplies',
        kind: 'N95 respirator',
        name: 'Bench cache N95',
        unit: 'each',
        location: 'Warehouse',
        ownerOrganisationId: orgs[0]!,
        status: 'available',
        heldQuantity: 1_000_000,
      });
      const workstationId = (await call('system.info', {})).workstationId;
      await b.close();

      const file = path.join(dir, 'eoc.sqlite');
      const t0 = performance.now();
      seed(file, incidents, orgs, workstationId, Date.now());
      console.log(
        `  seeded ${REQUESTS.toLocaleString('en-US')} requests, ${REQUESTS.toLocaleString('en-US')} lines, ${(REQUESTS * EVENTS_PER_REQUEST).toLocaleString('en-US')} events in ${fmt(performance.now() - t0)} (raw inserts, FTS triggers on)`,
      );

      if (keep) fs.writeFileSync(idsFile, JSON.stringify({ incidents, orgs, cache: cache.item.id }));
      await measure(dir, incidents, orgs, cache.item.id);
    } finally {
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

async function measure(dir: string, incidents: string[], orgs: string[], cacheId: string): Promise<void> {
  const b = await createBackend({ dataDir: dir, backupIntervalMs: 0 });
  const raw = new Database(path.join(dir, 'eoc.sqlite'), { readonly: true });
  await boardLatency(b, raw, 'default (open, most urgent first, 200 rows)', {});
  await boardLatency(b, raw, 'one incident, oldest first', { incidentId: incidents[1]!, sort: 'age' });
  await boardLatency(b, raw, 'search "ventilator dock"', { search: 'ventilator dock' });
  await boardLatency(b, raw, 'overdue only', { flag: 'overdue' });
  raw.close();
  await transitions(b, incidents[0]!, orgs[1]!, cacheId);
  await b.close();
}
