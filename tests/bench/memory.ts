// Backend resident memory while serving a 1,000,000-record store (target: under 200 MB):
// the browser host's RSS after it opens the store and answers what an operator's first
// minutes ask (a timeline page, a full-text search, the facets, the log board, the status
// board), beside the same host on an empty store in the same run.
//
// MEMORY_BENCH_RECORDS (default 1000000) sets the size. The 1M-record folder the logs bench
// keeps (LOGS_BENCH_DIR, with its logs-bench-seed.json) is reused when it holds at least that
// many records; MEMORY_BENCH_DIR=<folder> keeps this bench's own seeded folder for the next run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../electron/backend';
import { hostClient, SERVER, startHost } from './host';
import type { Bench } from './run';
import { client } from './seed';
import { report } from './stats';

const RECORDS = Number(process.env.MEMORY_BENCH_RECORDS ?? 1_000_000);
const CHUNK = 1000;
const CATEGORIES = ['Situation', 'Resource', 'Communications', 'Patient movement', 'Facility status', 'Staffing'];
const WORDS = ['Baystate', 'Holyoke', 'Mercy', 'Cooley', 'ICU', 'med-surg', 'ventilator', 'generator', 'ambulance', 'PPE', 'staging', 'diversion'];

interface Store {
  dir: string;
  incidentId: string;
  records: number;
  /** Seeded here and not kept: removed at the end. */
  temporary: boolean;
}

/** The logs bench's kept folder, if it holds enough records. */
function logsBenchStore(): Store | null {
  const dir = process.env.LOGS_BENCH_DIR;
  const sidecar = dir && path.join(dir, 'logs-bench-seed.json');
  if (!sidecar || !fs.existsSync(sidecar)) return null;
  const s = JSON.parse(fs.readFileSync(sidecar, 'utf8')) as { records: number; incidents: string[] };
  return s.records >= RECORDS ? { dir: dir!, incidentId: s.incidents[0]!, records: s.records, temporary: false } : null;
}

/** Seeds `records` log entries into one incident, in-process, 1,000 per log.import. */
async function seed(dir: string, records: number): Promise<string> {
  const backend = await createBackend({ dataDir: dir, backupIntervalMs: 0 });
  const call = client(backend);
  await call('setup.complete', { coalitionName: 'Bench Coalition', region: 'Region 1', timeZone: 'America/New_York', workstationName: 'BENCH-1' });
  const { positions } = await call('position.list', {});
  const sitl = positions.find((p) => p.code === 'SITL')!;
  await call('session.signIn', { operatorName: 'Bench Operator', positionId: sitl.id });
  const { levels } = await call('incident.levels', {});
  const start = Date.now() - records * 600 - 3_600_000;
  const { incident } = await call('incident.create', { name: 'Bench incident', exercise: false, activationLevelId: levels[0]!.id, startedAt: start });
  await call('incident.setActive', { incidentId: incident.id });
  for (let i = 0; i < records; i += CHUNK) {
    const entries = Array.from({ length: Math.min(CHUNK, records - i) }, (_, k) => {
      const j = i + k;
      return {
        occurredAt: start + j * 600,
        category: CATEGORIES[j % CATEGORIES.length]!,
        text: `Update ${j}: ${WORDS[j % WORDS.length]} reports ${j % 17} ${WORDS[(j * 7) % WORDS.length]} available.`,
      };
    });
    await call('log.import', { incidentId: incident.id, positionId: sitl.id, source: 'paper', entries });
    if (i % 100_000 === 0 && i) process.stdout.write(`  seeding: ${i.toLocaleString('en-US')} records\r`);
  }
  await backend.close();
  return incident.id;
}

async function seededStore(records: number, keep?: string): Promise<Store> {
  const sidecar = keep && path.join(keep, 'memory-bench-seed.json');
  if (sidecar && fs.existsSync(sidecar)) {
    const s = JSON.parse(fs.readFileSync(sidecar, 'utf8')) as { records: number; incidentId: string };
    if (s.records === records) return { dir: keep!, ...s, temporary: false };
  }
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-bench-memory-'));
  fs.mkdirSync(dir, { recursive: true });
  const incidentId = await seed(dir, records);
  if (sidecar) fs.writeFileSync(sidecar, JSON.stringify({ records, incidentId }));
  return { dir, incidentId, records, temporary: !keep };
}

/** Resident and peak resident memory of a process, in MiB, from /proc. */
function rss(pid: number): { now: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Starts the host on a store, asks what the first screens ask, and reads its memory. */
async function serve(store: Store): Promise<{ now: number; peak: number }> {
  const host = startHost(store.dir);
  try {
    const c = await hostClient(await host.url);
    const incidentId = store.incidentId;
    await c.call('system.info', {});
    await c.call('setup.status', {});
    await c.call('session.current', {});
    // Three times over: memory a repeat read keeps, not only what one read touches.
    for (let i = 0; i < 3; i++) {
      const first = (await c.call('timeline.page', { incidentId, filters: {}, order: 'newest', limit: 200 })) as { nextCursor: string | null };
      if (first.nextCursor) await c.call('timeline.page', { incidentId, filters: {}, order: 'newest', limit: 200, cursor: first.nextCursor });
      await c.call('timeline.page', { incidentId, filters: { text: 'ventilator Mercy' }, order: 'newest', limit: 200 });
      await c.call('timeline.facets', { incidentId });
      await c.call('log.board', { incidentId });
      await c.call('status.board', {});
    }
    c.close();
    return rss(host.child.pid!);
  } finally {
    host.child.kill('SIGTERM');
    await new Promise((r) => host.child.once('exit', r));
  }
}

const mib = (n: number) => `${n.toFixed(0)} MiB`;

export const memoryBench: Bench = {
  name: 'memory',
  title: `Backend memory serving ${RECORDS.toLocaleString('en-US')} records (target: under 200 MB resident)`,
  async run() {
    if (!fs.existsSync(SERVER)) throw new Error('Build first: npm run build');
    const empty = await seededStore(0);
    let big = logsBenchStore();
    if (big) console.log(`  (reusing the logs bench's ${big.records.toLocaleString('en-US')} records in ${big.dir})`);
    else {
      const t = performance.now();
      big = await seededStore(RECORDS, process.env.MEMORY_BENCH_DIR);
      console.log(`  (store ready in ${((performance.now() - t) / 1000).toFixed(0)} s)`);
    }
    const base = await serve(empty);
    const full = await serve(big);
    const fileMiB = fs.statSync(path.join(big.dir, fs.readdirSync(big.dir).find((f) => f.endsWith('.sqlite') || f.endsWith('.db')) ?? '')).size / 2 ** 20;
    report(
      `browser host resident memory after timeline, search, boards (${big.records.toLocaleString('en-US')} records)`,
      mib(full.now),
      `empty store ${mib(base.now)}`,
      `peak ${mib(full.peak)} (empty ${mib(base.peak)}); store file ${fileMiB.toFixed(0)} MiB`,
    );
    for (const s of [empty, big]) if (s.temporary) fs.rmSync(s.dir, { recursive: true, force: true });
  },
};
