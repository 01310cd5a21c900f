// Facility status at scale: 500 facilities reporting every hour for 30 days (360,000
// reports), measured through handle() beside raw better-sqlite3 on the same file in the
// same run: the current status of every facility, a 30-day bed trend, and one durable
// report appended.
//
// STATUS_BENCH_FACILITIES (default 500) and STATUS_BENCH_DAYS (default 30) set the size.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../electron/backend';
import type { Bench } from './run';
import { client, rng } from './seed';
import { fmt, report, summarize } from './stats';

const FACILITIES = Number(process.env.STATUS_BENCH_FACILITIES ?? 500);
const DAYS = Number(process.env.STATUS_BENCH_DAYS ?? 30);
const HOUR = 3_600_000;
const BEDS = ['beds.adult_icu', 'beds.medical_surgical', 'beds.pediatrics', 'beds.negative_isolation'];

/** Appends timed on each side, per mode: p99 is then the 6th slowest, not one stray pause. */
const APPENDS = Number(process.env.STATUS_BENCH_APPENDS ?? 600);
const BLOCK = 50;

async function sample<T>(n: number, fn: (i: number) => Promise<T> | T) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  return summarize(ms);
}

/**
 * The write path and the raw INSERT timed in alternating blocks of BLOCK, `between` run
 * after each timed call outside the timed region. Each side is measured warm, as a console
 * holding the only connection is: the first call of each block is untimed, since a write on
 * the other connection makes SQLite drop this connection's page cache (one call in BLOCK,
 * which would otherwise land in the p99 of the side with more pages to read back).
 */
async function interleaved(n: number, via: (i: number) => unknown, raw: (i: number) => unknown, between?: () => void) {
  const a: number[] = [];
  const b: number[] = [];
  const block = async (fn: (i: number) => unknown, out: number[], from: number) => {
    await fn(n + from);
    between?.();
    for (let i = from; i < Math.min(n, from + BLOCK); i++) {
      const t = performance.now();
      await fn(i);
      out.push(performance.now() - t);
      between?.();
    }
  };
  for (let from = 0; from < n; from += BLOCK) {
    await block(via, a, from);
    await block(raw, b, from);
  }
  return [summarize(a), summarize(b)] as const;
}

export const statusBench: Bench = {
  name: 'status',
  title: `Facility status: ${FACILITIES} facilities reporting every hour for ${DAYS} days`,
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-bench-status-'));
    const backend = await createBackend({ dataDir: dir, backupIntervalMs: 0 });
    const call = client(backend);
    await call('setup.complete', { coalitionName: 'Bench Coalition', region: 'Region 1', timeZone: 'America/New_York', workstationName: 'BENCH' });
    const { positions } = await call('position.list', {});
    await call('session.signIn', { operatorName: 'Sam Situation', positionId: positions.find((p) => p.code === 'SITL')!.id });
    const { types } = await call('status.catalogue', {});
    const id = (code: string) => types.find((t) => t.code === code)!.id;
    const orgs: string[] = [];
    for (let i = 0; i < FACILITIES; i++) {
      const { organisation } = await call('directory.saveOrganisation', { name: `Bench Hospital ${i + 1}`, discipline: 'hospital', membership: 'core', town: 'Springfield', zip: '01103', region: `Region ${1 + (i % 6)}` });
      orgs.push(organisation.id);
    }

    // Seeding: one reportMany per hour (all facilities in one transaction), beds walking by at most 2.
    const rand = rng(7);
    const base = orgs.map(() => BEDS.map(() => 10 + Math.floor(rand() * 90)));
    const avail = base.map((b) => b.map((x) => Math.floor(x / 3)));
    const start = Date.now() - DAYS * 24 * HOUR;
    const t0 = performance.now();
    for (let h = 0; h < DAYS * 24; h++) {
      const reports = orgs.map((organisationId, i) => {
        const values: { typeId: string; value: number | string }[] = [];
        BEDS.forEach((b, k) => {
          avail[i]![k] = Math.max(0, Math.min(base[i]![k]!, avail[i]![k]! + Math.floor(rand() * 5) - 2));
          values.push({ typeId: id(`${b}.available`), value: avail[i]![k]! });
          if (h === 0) values.push({ typeId: id(`${b}.baseline`), value: base[i]![k]! });
        });
        if (h % 6 === 0) {
          values.push({ typeId: id('ops.status'), value: rand() < 0.02 ? 'compromised' : 'normal' });
          values.push({ typeId: id('power.source'), value: rand() < 0.05 ? 'generator' : 'utility' });
        }
        values.push({ typeId: id('ed.ems_traffic'), value: rand() < 0.05 ? 'diversion' : 'normal' });
        return { organisationId, values, confirmations: [] };
      });
      await call('status.reportMany', { reports, source: 'import', occurredAt: start + h * HOUR });
      if (h % 48 === 47) process.stdout.write(`  seeding: ${((h + 1) * FACILITIES).toLocaleString('en-US')} reports\r`);
    }
    const seedS = (performance.now() - t0) / 1000;
    report('seeded reports', `${(DAYS * 24 * FACILITIES).toLocaleString('en-US')}`, undefined, `${seedS.toFixed(0)} s through status.reportMany (${Math.round((DAYS * 24 * FACILITIES) / seedS).toLocaleString('en-US')} reports/s)`);

    const file = path.join(dir, 'eoc.sqlite');
    const raw = new Database(file, { readonly: true });
    const N = 60;
    // The current status of every facility: through handle() (headline, staleness, counts) beside the raw read of the same rows.
    const cur = await sample(N, () => call('status.facilities', {}));
    const curRaw = await sample(N, () =>
      raw
        .prepare('SELECT c.organisation_id, c.type_id, c.value_num, c.value_text, c.occurred_at FROM status_current c JOIN organisations o ON o.id = c.organisation_id WHERE o.deleted = 0')
        .all(),
    );
    report(`current status of ${FACILITIES} facilities (status.facilities) p50`, fmt(cur.p50), `raw SELECT ${fmt(curRaw.p50)}`);
    report(`current status of ${FACILITIES} facilities (status.facilities) p95`, fmt(cur.p95), `raw SELECT ${fmt(curRaw.p95)}`, cur.p95 < 20 ? 'target < 20 ms: met' : 'target < 20 ms: MISSED');
    const board = await sample(N, () => call('status.board', {}));
    report('situation board, facility part (status.board) p50', fmt(board.p50), `raw SELECT ${fmt(curRaw.p50)}`);
    report('situation board, facility part (status.board) p95', fmt(board.p95), `raw SELECT ${fmt(curRaw.p95)}`, board.p95 < 20 ? 'target < 20 ms: met' : 'target < 20 ms: MISSED');
    // Without the derived table: the latest value per facility of one type, from the reports themselves.
    const naive = await sample(3, () =>
      raw
        .prepare(
          `SELECT organisation_id, max(occurred_at) FROM status_reports r, json_each(r.vals) j WHERE json_extract(j.value, '$.t') = ? GROUP BY organisation_id`,
        )
        .all(id('beds.adult_icu.available')),
    );
    report('  (for scale: latest of ONE type from the reports, no derived table) p50', fmt(naive.p50));

    const bedType = id('beds.adult_icu.available');
    const to = Date.now();
    const from = to - DAYS * 24 * HOUR;
    const trend = await sample(N, () => call('status.trend', { typeIds: [bedType], from, to }));
    const trendRaw = await sample(N, () => raw.prepare('SELECT bucket, total, reporting FROM status_trend WHERE type_id = ? AND bucket >= ? AND bucket <= ? ORDER BY bucket').all(bedType, from, to));
    report(`${DAYS}-day trend of one bed type (status.trend) p50`, fmt(trend.p50), `raw SELECT ${fmt(trendRaw.p50)}`);
    report(`${DAYS}-day trend of one bed type (status.trend) p95`, fmt(trend.p95), `raw SELECT ${fmt(trendRaw.p95)}`, trend.p95 < 20 ? 'target < 20 ms: met' : 'target < 20 ms: MISSED');
    raw.close();

    // Appends: one durable report at a time (synchronous=FULL), through handle() and raw
    // INSERTs on a second connection to the same file, in alternating blocks (see
    // interleaved()): a shared machine's slow moments then fall on both sides alike.
    const vals = (i: number) => [
      { typeId: id('beds.adult_icu.available'), value: avail[i % FACILITIES]![0]! },
      { typeId: id('beds.medical_surgical.available'), value: avail[i % FACILITIES]![1]! },
      { typeId: id('ed.ems_traffic'), value: 'normal' },
    ];
    const save = (i: number) => call('status.report', { organisationId: orgs[i % FACILITIES]!, source: 'phone', values: vals(i) });
    const w = new Database(file);
    w.pragma('journal_mode = WAL');
    w.pragma('synchronous = FULL');
    const ins = w.prepare(
      `INSERT INTO status_reports (id, organisation_id, incident_id, status_request_id, source, reported_by, note, vals, flags, import_ref, workstation_id, operator_name, position_title, recorded_at, occurred_at)
       VALUES (?, ?, NULL, NULL, 'phone', NULL, NULL, ?, '[]', NULL, 'raw', 'Sam Situation', 'Situation Unit Leader', ?, ?)`,
    );
    const rawSave = (i: number) => {
      const now = Date.now();
      ins.run(crypto.randomUUID(), orgs[i % FACILITIES]!, JSON.stringify(vals(i).map((v) => ({ t: v.typeId, n: typeof v.value === 'number' ? v.value : null, s: typeof v.value === 'string' ? v.value : null }))), now, now);
    };
    // Paced as the scenario is: 500 facilities reporting hourly make one report every 7 s,
    // and between two the console checkpoints the WAL itself (db/checkpoint.ts, 500 ms
    // after a commit). That quiet moment is a PASSIVE checkpoint between samples, outside
    // the timed region, on both sides alike. Back to back (an import) is printed too.
    const ck = new Database(file);
    const quiet = () => void ck.pragma('wal_checkpoint(PASSIVE)');
    const [appends, rawAppends] = await interleaved(APPENDS, save, rawSave);
    const [paced, rawPaced] = await interleaved(APPENDS, (i) => save(i + APPENDS), (i) => rawSave(i + APPENDS), quiet);
    await backend.close();
    w.close();
    ck.close();
    const ratio = (a: number, b: number) => `ratio ${(a / b).toFixed(2)}x (target within 1.5x: ${a / b <= 1.5 ? 'met' : 'MISSED'})`;
    report('append one status report, durable, hourly reporting (status.report) p50', fmt(paced.p50), `raw INSERT ${fmt(rawPaced.p50)}`, ratio(paced.p50, rawPaced.p50));
    report('append one status report, durable, hourly reporting (status.report) p99', fmt(paced.p99), `raw INSERT ${fmt(rawPaced.p99)}`, ratio(paced.p99, rawPaced.p99));
    report('  the same back to back, no pause (an import) p50', fmt(appends.p50), `raw INSERT ${fmt(rawAppends.p50)}`, ratio(appends.p50, rawAppends.p50));
    report('  the same back to back, no pause (an import) p99', fmt(appends.p99), `raw INSERT ${fmt(rawAppends.p99)}`, ratio(appends.p99, rawAppends.p99));
    if (process.env.STATUS_BENCH_KEEP) console.log(`  (data kept in ${dir})`);
    else fs.rmSync(dir, { recursive: true, force: true });
  },
};
