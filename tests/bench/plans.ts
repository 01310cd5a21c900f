// Full-text search over the plans library at scale: 2,000 plan documents uploaded through
// handle() (text extracted by section, files kept under their hash, FTS5 index), then
// plan.search through handle() beside the raw FTS5 query on the same index, same run.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../electron/backend';
import { COUNT_SQL, ftsQuery, NEWEST_SQL, RANK_LIMIT, RANKED_SQL } from '../../electron/backend/domains/plan/queries';
import type { Bench } from './run';
import { client, rng } from './seed';
import { fmt, report, summarize } from './stats';

const DOCUMENTS = Number(process.env.PLANS_BENCH_DOCUMENTS ?? 2000);
const ROUNDS = 100;
const KINDS = ['conops', 'macp', 'warning', 'annex', 'sop', 'mou'] as const;
const TOPICS = ['evacuation', 'generator fuel', 'surge capacity', 'ventilator allocation', 'dialysis continuity', 'oxygen supply', 'radio backup', 'shelter staffing', 'warming center', 'patient tracking', 'decontamination', 'pharmacy cache', 'fatality management', 'crisis standards of care'];
const HEADINGS = ['Purpose', 'Scope', 'Situation and assumptions', 'Concept of operations', 'Activation', 'Roles and responsibilities', 'Communications', 'Demobilization'];
/** From a word in every document to one in a few. */
const SEARCHES = ['activation', 'generator fuel', 'ventilat', 'crisis standards', 'decontamination', 'Annex 1999', 'oxygen supply duty officer'];

function documentText(i: number, r: () => number): string {
  const topic = (k: number) => TOPICS[Math.floor(r() * TOPICS.length + k) % TOPICS.length]!;
  return HEADINGS.map((h, s) => {
    const body = Array.from({ length: 6 }, (_, k) => `The coalition coordinates ${topic(k)} with members; the duty officer reviews ${topic(k + s)} during activation level ${1 + ((i + k) % 3)}.`).join(' ');
    return `${s + 1}. ${h}\n${body}\n`;
  }).join('\n') + `\nAnnex ${i}: regional contacts.\n`;
}

export const plansBench: Bench = {
  name: 'plans',
  title: `Plans library: full-text search over ${DOCUMENTS.toLocaleString('en-US')} plan documents`,
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-bench-plans-'));
    const backend = await createBackend({ dataDir: dir, backupIntervalMs: 0 });
    try {
      const call = client(backend);
      await call('setup.complete', { coalitionName: 'Bench Coalition', region: 'Region 1', timeZone: 'America/New_York', workstationName: 'BENCH' });
      const { positions } = await call('position.list', {});
      await call('session.signIn', { operatorName: 'Pat Planning', positionId: positions.find((p) => p.code === 'HCCDO')!.id });
      const r = rng(13);
      const started = performance.now();
      for (let i = 0; i < DOCUMENTS; i++) {
        await call('plan.upload', {
          title: `Plan ${i}`,
          kind: KINDS[i % KINDS.length]!,
          owner: 'Bench',
          versionLabel: 'v1',
          effectiveOn: '2026-01-01',
          fileName: `plan-${i}.txt`,
          base64: Buffer.from(documentText(i, r)).toString('base64'),
        });
      }
      const seconds = (performance.now() - started) / 1000;
      // Wall-clock percentiles on a shared machine include waiting for a core; CPU time does not.
      console.log(`  load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
      report('upload through handle() (extract, store, index)', `${(DOCUMENTS / seconds).toFixed(0)} docs/s`, undefined, `${seconds.toFixed(1)} s for ${DOCUMENTS}`);

      const raw = new Database(path.join(dir, 'eoc.sqlite'), { readonly: true });
      const count = raw.prepare(COUNT_SQL);
      const ranked = raw.prepare(RANKED_SQL);
      const newest = raw.prepare(NEWEST_SQL);
      // The same two statements plan.search runs, on a read-only connection, without handle().
      const rawSearch = (q: string) => ((count.get(q) as { n: number }).n <= RANK_LIMIT ? ranked : newest).all(q, 90);
      const sections = (raw.prepare('SELECT count(*) AS n FROM plan_sections').get() as { n: number }).n;
      console.log(`  ${sections.toLocaleString('en-US')} sections indexed`);
      for (const q of SEARCHES) {
        const viaHandle: number[] = [];
        const viaRaw: number[] = [];
        const naive: number[] = [];
        const cpu: number[] = [];
        let result = { hits: [] as unknown[], matched: 0, ranked: true };
        for (let k = 0; k < ROUNDS; k++) {
          let t = performance.now();
          const c0 = process.cpuUsage();
          result = await call('plan.search', { query: q, limit: 30 });
          viaHandle.push(performance.now() - t);
          const c1 = process.cpuUsage(c0);
          cpu.push((c1.user + c1.system) / 1000);
          t = performance.now();
          rawSearch(ftsQuery(q)!);
          viaRaw.push(performance.now() - t);
          if (k < 10) {
            t = performance.now();
            ranked.all(ftsQuery(q), 90);
            naive.push(performance.now() - t);
          }
        }
        const [a, b, c, u] = [summarize(viaHandle), summarize(viaRaw), summarize(naive), summarize(cpu)];
        const what = `${result.matched > RANK_LIMIT ? `${RANK_LIMIT}+` : result.matched} sections, ${result.ranked ? 'ranked' : 'newest first'}`;
        report(`plan.search "${q}" (${what}) p50 / p95`, `${fmt(a.p50)} / ${fmt(a.p95)}`, `${fmt(b.p50)} / ${fmt(b.p95)} raw FTS5`, `(CPU time p50 / p95 ${fmt(u.p50)} / ${fmt(u.p95)}; ranking every match: p50 ${fmt(c.p50)})`);
      }
      raw.close();
    } finally {
      await backend.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
