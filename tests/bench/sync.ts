// Sync between workstations: write-to-arrival latency over loopback TLS, catch-up of a new
// workstation, and signed bundles, each beside a baseline measured in the same run.
// SYNC_BENCH_CHANGES (default 1000000) and SYNC_BENCH_RECORDS (default 100000) set sizes;
// hub throughput with 10 workstations over a throwaway PostgreSQL cluster (SYNC_BENCH_HUB_WRITES
// entries each, default 20). SYNC_BENCH_PARTS picks parts: latency,catchup,bundle,hub.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { createBackend, type Backend } from '../../electron/backend';
import { migrate } from '../../electron/backend/db/migrate';
import { Writer } from '../../electron/backend/db/writer';
import { exportBundle, importBundle, openBundle } from '../../electron/backend/domains/sync/bundle';
import { startLanSync } from '../../electron/backend/domains/sync/lan/service';
import { joinHub, startHub } from '../../electron/backend/hub/server';
import { startTempCluster } from '../backend/helpers/postgres';
import type { Bench } from './run';
import { client } from './seed';
import { fmt, report, summarize } from './stats';

const CHANGES = Number(process.env.SYNC_BENCH_CHANGES ?? 1_000_000);
const RECORDS = Number(process.env.SYNC_BENCH_RECORDS ?? 100_000);
const LATENCY_WRITES = 200;

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-sync-bench-'));

async function founder(dir = tmp()): Promise<{ backend: Backend; dir: string; call: ReturnType<typeof client> }> {
  const backend = await createBackend({ dataDir: dir, backupIntervalMs: 0 });
  const call = client(backend);
  await call('setup.complete', { coalitionName: 'Bench Coalition', region: 'Region 1', timeZone: 'America/New_York', workstationName: 'EOC-1' });
  const { positions } = await call('position.list', {});
  await call('session.signIn', { operatorName: 'Bench', positionId: positions.find((p) => p.code === 'HCCDO')!.id });
  return { backend, dir, call };
}

async function joiner(from: ReturnType<typeof client>, name: string): Promise<{ backend: Backend; dir: string; call: ReturnType<typeof client> }> {
  const dir = tmp();
  const backend = await createBackend({ dataDir: dir, backupIntervalMs: 0 });
  const call = client(backend);
  const { code } = await from('sync.issueJoin', {});
  await call('sync.join', { code, workstationName: name });
  return { backend, dir, call };
}

function catchUp(from: Backend, to: Backend): number {
  let pages = 0;
  for (;;) {
    const env = from.sync.collect(to.sync.vector());
    const b = JSON.parse(env.batch) as { parts: unknown[]; more: boolean };
    if (!b.parts.length) return pages;
    to.sync.receive(env, 'bench');
    pages++;
    if (!b.more) return pages;
  }
}

async function latency(): Promise<void> {
  const a = await founder();
  const b = await joiner(a.call, 'EOC-2');
  catchUp(a.backend, b.backend);
  const { positions } = await b.call('position.list', {});
  await b.call('session.signIn', { operatorName: 'Bench 2', positionId: positions.find((p) => p.code === 'HCCDO')!.id });
  const { levels } = await a.call('incident.levels', {});
  const incidentId = (await a.call('incident.create', { name: 'Bench storm', exercise: true, activationLevelId: levels[0]!.id })).incident.id;
  const la = await startLanSync({ backend: a.backend, dataDir: a.dir, port: 0, host: '127.0.0.1', retryMs: 100 });
  const lb = await startLanSync({ backend: b.backend, dataDir: b.dir, port: 0, host: '127.0.0.1', retryMs: 100 });
  b.backend.sync.addPeer(`127.0.0.1:${la.port}`, 'typed');
  const arrived = (pred: () => boolean) =>
    new Promise<void>((resolve) => {
      if (pred()) return resolve();
      const off = b.backend.onEvent((e) => {
        if (e.event === 'data.changed' && pred()) {
          off();
          resolve();
        }
      });
    });
  await arrived(() => b.backend.sync.vector()[a.backend.sync.describe().workstationId]?.seq === a.backend.sync.vector()[a.backend.sync.describe().workstationId]?.seq);
  const local: number[] = [];
  const remote: number[] = [];
  const aId = a.backend.sync.describe().workstationId;
  for (let i = 0; i < LATENCY_WRITES; i++) {
    const t = performance.now();
    await a.call('log.append', { incidentId, category: 'General', text: `Latency probe ${i}` });
    local.push(performance.now() - t);
    const target = a.backend.sync.vector()[aId]!.seq;
    await arrived(() => (b.backend.sync.vector()[aId]?.seq ?? 0) >= target);
    remote.push(performance.now() - t);
  }
  const l = summarize(local);
  const r = summarize(remote);
  report('write on one, on the other (loopback TLS) p50', fmt(r.p50), `${fmt(l.p50)} local write`);
  report('write on one, on the other (loopback TLS) p95', fmt(r.p95), `${fmt(l.p95)} local write`, 'target under 1 s, aim 200 ms');
  await la.close();
  await lb.close();
  await a.backend.close();
  await b.backend.close();
}

async function catchUpBench(): Promise<void> {
  // Seeded through the write path itself (a change per field, clocks, conflict queue), in
  // big transactions: directory records of 10 fields, CHANGES fields in all.
  const a = await founder();
  const aId = a.backend.sync.describe().workstationId;
  await a.backend.close();
  const db = new Database(path.join(a.dir, 'eoc.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const w = new Writer(db, aId);
  const actor = { workstationId: aId, operatorName: 'Bench', positionTitle: 'Coalition Duty Officer' };
  const t0 = performance.now();
  const rows = Math.ceil(CHANGES / 10);
  for (let done = 0; done < rows; ) {
    const n = Math.min(5000, rows - done);
    w.transaction((tx) => {
      for (let i = 0; i < n; i++) {
        tx.put('organisations', uuidv7(), {
          name: `Member ${done + i}`,
          short_name: `M${done + i}`,
          discipline: 'hospital',
          membership: 'core',
          region: 'Region 1',
          address: `${done + i} Main St`,
          town: 'Springfield',
          state: 'MA',
          zip: '01103',
          location_source: 'none',
        });
      }
    }, actor);
    done += n;
  }
  const seedMs = performance.now() - t0;
  db.close();
  const a2 = await createBackend({ dataDir: a.dir, backupIntervalMs: 0 });
  const b = await joiner(client(a2), 'EOC-NEW');
  const t1 = performance.now();
  const cpu1 = process.cpuUsage();
  const pages = catchUp(a2, b.backend);
  const ms = performance.now() - t1;
  // CPU time too: on a shared machine the wall time says as much about the neighbours.
  const cpu = process.cpuUsage(cpu1);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  // Baseline: the same number of rows inserted raw into a bare table, one transaction.
  const raw = new Database(':memory:');
  raw.exec('CREATE TABLE c (id TEXT PRIMARY KEY, hlc TEXT, t TEXT, r TEXT, k TEXT, v TEXT)');
  const ins = raw.prepare('INSERT INTO c VALUES (?,?,?,?,?,?)');
  const t2 = performance.now();
  const cpu2 = process.cpuUsage();
  raw.transaction(() => {
    for (let i = 0; i < rows * 10; i++) ins.run(String(i), String(i), 'organisations', String(i / 10), 'name', '"x"');
  })();
  const rawMs = performance.now() - t2;
  const rawCpu = process.cpuUsage(cpu2);
  const rawCpuS = (rawCpu.user + rawCpu.system) / 1e6;
  report(`seed ${rows * 10} changes through the write path`, `${(seedMs / 1000).toFixed(1)} s`);
  report(`catch-up of ${rows * 10} changes by a new workstation (${pages} pages)`, `${(ms / 1000).toFixed(1)} s (${cpuS.toFixed(1)} s CPU)`, `${(rawMs / 1000).toFixed(1)} s (${rawCpuS.toFixed(1)} s CPU) raw inserts`, 'target under 60 s');
  await a2.close();
  await b.backend.close();
}

async function bundleBench(): Promise<void> {
  const a = await founder();
  const { levels } = await a.call('incident.levels', {});
  const now = Date.now();
  const incidentId = (await a.call('incident.create', { name: 'Bench storm', exercise: true, activationLevelId: levels[0]!.id, startedAt: now - RECORDS * 1000 - 60_000 })).incident.id;
  for (let done = 0; done < RECORDS; done += 1000) {
    const n = Math.min(1000, RECORDS - done);
    await a.call('log.import', {
      incidentId,
      source: 'paper',
      entries: Array.from({ length: n }, (_, i) => ({ occurredAt: now - (RECORDS - done - i) * 1000, category: 'General', text: `Paper log line ${done + i}` })),
    });
  }
  const b = await joiner(a.call, 'EOC-USB');
  const t0 = performance.now();
  const { bytes, manifest } = exportBundle(a.backend.sync, b.backend.sync.vector(), Date.now());
  const exportMs = performance.now() - t0;
  const t1 = performance.now();
  importBundle(b.backend.sync, openBundle(bytes));
  const importMs = performance.now() - t1;
  const file = path.join(a.dir, 'eoc.sqlite');
  const t2 = performance.now();
  fs.copyFileSync(file, path.join(tmp(), 'copy.sqlite'));
  const copyMs = performance.now() - t2;
  report(`bundle export, ${manifest.counts.facts} records + ${manifest.counts.changes} changes (${(bytes.length / 1e6).toFixed(1)} MB)`, `${(exportMs / 1000).toFixed(2)} s`, `${(copyMs / 1000).toFixed(2)} s file copy`);
  report('bundle import (verify every link and signature, apply)', `${(importMs / 1000).toFixed(2)} s`, `${(copyMs / 1000).toFixed(2)} s file copy`);
  await a.backend.close();
  await b.backend.close();
}

/** Resolves once every workstation holds the same of every origin (polled: a bench, not a test). */
function allHoldTheSame(backends: Backend[], timeoutMs = 600_000): Promise<void> {
  const same = () => {
    const vs = backends.map((b) => b.sync.vector());
    const origins = new Set(vs.flatMap((v) => Object.keys(v)));
    return [...origins].every((o) => vs.every((v) => v[o]?.seq === vs[0]![o]?.seq && v[o]?.hlc === vs[0]![o]?.hlc));
  };
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const t = setInterval(() => {
      if (same()) {
        clearInterval(t);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(t);
        reject(new Error('the workstations did not converge through the hub'));
      }
    }, 10);
  });
}

/**
 * Ten workstations that see only the hub (two hub processes over one PostgreSQL database,
 * five workstations on each), each writing HUB_WRITES log entries at once: the time until
 * every workstation holds every entry, beside the same delivery done in-process, workstation
 * to workstation, with no network and no hub.
 */
async function hubBench(): Promise<void> {
  const WRITES = Number(process.env.SYNC_BENCH_HUB_WRITES ?? 20);
  const cluster = startTempCluster();
  try {
    const database = await cluster.newDatabase('hub_bench');
    const a = await founder();
    await joinHub(database, (await a.call('sync.issueJoin', {})).code);
    const hubs = [await startHub({ database, port: 0, host: '127.0.0.1' }), await startHub({ database, port: 0, host: '127.0.0.1' })];
    const stations = [a];
    for (let i = 2; i <= 10; i++) stations.push(await joiner(a.call, `EOC-${i}`));
    const lans = await Promise.all(stations.map((s) => startLanSync({ backend: s.backend, dataDir: s.dir, port: 0, host: '127.0.0.1', retryMs: 200 })));
    stations.forEach((s, i) => s.backend.sync.addPeer(`127.0.0.1:${hubs[i % 2]!.port}`, 'typed'));
    const backends = stations.map((s) => s.backend);
    const tJoin = performance.now();
    await allHoldTheSame(backends);
    report('hub: 9 new workstations receive the coalition through the hub', `${((performance.now() - tJoin) / 1000).toFixed(2)} s`);
    for (const s of stations.slice(1)) {
      const { positions } = await s.call('position.list', {});
      await s.call('session.signIn', { operatorName: 'Bench', positionId: positions.find((p) => p.code === 'HCCDO')!.id });
    }
    const { levels } = await a.call('incident.levels', {});
    const incidentId = (await a.call('incident.create', { name: 'Bench storm', exercise: true, activationLevelId: levels[0]!.id })).incident.id;
    await allHoldTheSame(backends);

    const writeAll = async (tag: string) => {
      for (let i = 0; i < WRITES; i++) {
        await Promise.all(stations.map((s, k) => s.call('log.append', { incidentId, category: 'General', text: `${tag} ${k}-${i}` })));
        // Let the connections run between rounds, as between operators' keystrokes.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const batchesBefore = Number((await hubs[0]!.store.pool.query<{ n: string }>('SELECT count(*) AS n FROM hub_batches')).rows[0]!.n);
    const t0 = performance.now();
    await writeAll('Through the hub');
    await allHoldTheSame(backends);
    const hubMs = performance.now() - t0;
    const batches = Number((await hubs[0]!.store.pool.query<{ n: string }>('SELECT count(*) AS n FROM hub_batches')).rows[0]!.n) - batchesBefore;
    for (const l of lans) await l.close();

    // Baseline: the same number of entries, handed from each workstation to each other in-process.
    const t1 = performance.now();
    await writeAll('Directly');
    for (const from of backends) for (const to of backends) if (from !== to) catchUp(from, to);
    const directMs = performance.now() - t1;

    const deliveries = WRITES * 10 * 9;
    report(
      `hub: ${WRITES * 10} entries written on 10 workstations, each on all 10 (${batches} batches stored)`,
      `${(hubMs / 1000).toFixed(2)} s, ${Math.round(deliveries / (hubMs / 1000))} deliveries/s`,
      `${(directMs / 1000).toFixed(2)} s, ${Math.round(deliveries / (directMs / 1000))}/s in-process, no network (both include the writes)`,
    );
    for (const h of hubs) await h.close();
    for (const s of stations) await s.backend.close();
  } finally {
    cluster.stop();
  }
}

export const syncBench: Bench = {
  name: 'sync',
  title: 'Sync between workstations',
  async run() {
    // SYNC_BENCH_PARTS=hub,catchup runs only those parts (default: all four).
    const parts = (process.env.SYNC_BENCH_PARTS ?? 'latency,catchup,bundle,hub').split(',');
    if (parts.includes('latency')) await latency();
    if (parts.includes('catchup')) await catchUpBench();
    if (parts.includes('bundle')) await bundleBench();
    if (parts.includes('hub')) await hubBench();
  },
};
