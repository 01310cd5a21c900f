import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../electron/backend';
import { migrate } from '../../electron/backend/db/migrate';
import { databaseFile, openDatabase } from '../../electron/backend/db/open';
import { Writer } from '../../electron/backend/db/writer';
import { enrolIdentity } from '../../electron/backend/identity/enrol';
import { openIdentity } from '../../electron/backend/identity/identity';
import { fileKeyStore, KEY_FILE } from '../../electron/backend/identity/key-store';
import { readCheckpoints, saveCheckpoints } from '../../electron/backend/integrity/checkpoints';
import { verifyStore } from '../../electron/backend/integrity/verify';
import type { Bench } from './run';
import { fmt, report, timeIt } from './stats';

/** 1,000,000 by default; INTEGRITY_BENCH_N=100000 for a quicker look. */
const N = Number(process.env.INTEGRITY_BENCH_N ?? 1_000_000);
/** A folder to keep the seeded store in and reuse on the next run (seeding a million records takes minutes). */
const KEEP = process.env.INTEGRITY_BENCH_STORE;
const BATCH = 1000;
const SESSION = 1000;

async function run(): Promise<void> {
  const reuse = KEEP !== undefined && fs.existsSync(databaseFile(KEEP));
  const dir = KEEP ?? fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-bench-integrity-'));
  fs.mkdirSync(dir, { recursive: true });
  try {
    const file = databaseFile(dir);
    const identity = await openIdentity(fileKeyStore(path.join(dir, KEEP ? `bench-${KEY_FILE}` : KEY_FILE)));
    const db = openDatabase(file);
    migrate(db);
    const ws = 'bench-workstation';
    if (!reuse) db.prepare("INSERT INTO meta (key, value) VALUES ('workstation_id', ?)").run(ws);
    const writer = new Writer(db, ws, Date.now, { signer: identity });
    enrolIdentity(db, writer, identity);
    const actor = { workstationId: ws, operatorName: 'Bench Operator', positionTitle: 'Situation Unit Leader' };
    let n = (db.prepare('SELECT count(*) AS n FROM log_entries').get() as { n: number }).n;
    const append = (count: number) => {
      for (let done = 0; done < count; done += BATCH) {
        writer.transaction((tx) => {
          for (let i = 0; i < Math.min(BATCH, count - done); i++) {
            n++;
            tx.appendFact('log_entries', {
              occurred_at: 1_780_000_000_000 + n * 1000,
              incident_id: 'inc-bench',
              position_id: 'pos-sitl',
              category: 'Situation',
              text: `Bench entry ${n}: generator fuel at ${n % 97} percent, 3 patients moved to the warming centre`,
              source: 'direct',
              transcribed: 0,
              corrects_id: null,
            });
          }
        }, actor);
      }
    };
    if (n < N) {
      const todo = N - n;
      const seeded = await timeIt(() => append(todo));
      report(`write ${todo.toLocaleString('en-US')} chained, signed records`, fmt(seeded.ms), undefined, `${((seeded.ms * 1000) / todo).toFixed(1)} µs a record`);
    }
    const total = n;
    const heads = (db.prepare('SELECT count(*) AS n FROM chain_heads').get() as { n: number }).n;

    // Baseline: reading the same rows and links, with nothing computed.
    const raw = await timeIt(() => {
      let k = 0;
      for (const _ of db.prepare('SELECT * FROM log_entries').iterate()) k++;
      for (const _ of db.prepare('SELECT * FROM fact_chain ORDER BY workstation_id, seq').iterate()) k++;
      return k;
    });
    const full = await timeIt(() => verifyStore(db, { maxProblems: 10 }));
    if (!full.value.ok) throw new Error(`The bench store does not verify: ${full.value.problems[0]?.problem}`);
    report(`verify ${total.toLocaleString('en-US')} records from scratch (${heads.toLocaleString('en-US')} signed heads)`, fmt(full.ms), `raw read of the same rows ${fmt(raw.ms)}`, `×${(full.ms / raw.ms).toFixed(1)}`);

    // A day's session after the last clean check: what the start-up check walks.
    saveCheckpoints(db, { chains: full.value.ends, rowsSeen: full.value.rowsSeen, outboxHlc: full.value.outboxHlc }, Date.now());
    append(SESSION);
    const cp = readCheckpoints(db);
    const rawSession = await timeIt(() => {
      let k = 0;
      for (const _ of db.prepare('SELECT * FROM log_entries ORDER BY rowid DESC LIMIT ?').iterate(SESSION)) k++;
      return k;
    });
    const inc = await timeIt(() => verifyStore(db, { from: cp.chains, rowsSeen: cp.rowsSeen, outboxSince: cp.outboxHlc, maxProblems: 10 }));
    if (!inc.value.ok || !inc.value.incremental) throw new Error('The incremental check did not run as one');
    report(`incremental check at start (${SESSION.toLocaleString('en-US')} records since the last)`, fmt(inc.ms), `raw read of those rows ${fmt(rawSession.ms)}`);
    db.close();

    // What start-up costs with it: the check runs after the backend is open, in slices,
    // so the open itself (what the first screen waits for) is the baseline and the figure.
    const open = await timeIt(() =>
      createBackend({ dataDir: dir, backupIntervalMs: 0, integrityCheckMs: 0, keyStore: fileKeyStore(path.join(dir, KEEP ? `bench-${KEY_FILE}` : KEY_FILE)) }),
    );
    const b = open.value;
    const firstVerdict = await timeIt(
      () =>
        new Promise<void>((resolve) => {
          const off = b.onEvent((e) => {
            if (e.event === 'data.changed' && (e.payload as { tables: string[] }).tables.includes('integrity')) {
              off();
              resolve();
            }
          });
        }),
    );
    report('open the store (what the first screen waits for)', fmt(open.ms), undefined, 'the check is not part of it');
    report('then the background verdict (incremental, in slices)', fmt(firstVerdict.ms), undefined, 'requests are answered between slices');
    await b.close();
  } finally {
    if (!KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const integrityBench: Bench = { name: 'integrity', title: 'Record integrity: verifying chained, signed records', run };
