import Database from 'better-sqlite3';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { verifyStore } from '../../../electron/backend/integrity/verify';
import { recogniseStore } from '../../../electron/backend/db/recognise';

const CHILD = path.resolve(import.meta.dirname, 'writer-child.ts');

/** A writer process, loaded and waiting for its data folder. */
export type Writer = ChildProcessWithoutNullStreams;

/**
 * Starts a writer. `bundle`: a prebuilt copy of writer-child.ts (the soak builds one, which
 * starts faster); otherwise tsx as a loader, which keeps one process, so the SIGKILL hits
 * the writer itself.
 */
export function spawnWriter(bundle?: string): Writer {
  const args = bundle ? [bundle] : ['--import', 'tsx', CHILD];
  return spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Where the kill lands: a random moment within `withinMs` after the child says `after`. */
export interface KillPlan {
  after: 'OPENING' | 'READY' | 'RESTORING';
  withinMs: number;
}

export interface CycleResult {
  /** Acknowledged writes checked against the file. */
  acknowledged: number;
  /** Acknowledged writes a restore in this cycle legitimately took back (not checked). */
  reverted: number;
  lost: string[];
  integrity: string;
  chainOk: boolean;
  /** The file is a store of this console (application id, schema), not a half-migrated one. */
  recognised: boolean;
  schemaVersion: number;
  /** What the child had reached when it died. */
  reached: 'OPENING' | 'READY' | 'RESTORING' | 'RESTORED' | 'nothing';
  /** Backup files left without their copy (-wal, -shm, a .partial is cleaned at the next backup). */
  strays: string[];
}

const PRESENT: Record<string, string> = {
  log: 'SELECT 1 FROM log_entries WHERE text = ?',
  decision: 'SELECT 1 FROM decisions WHERE title = ?',
  submit: "SELECT 1 FROM request_events WHERE request_id = ? AND action = 'submit'",
  // A count is synced as the quantity counted (sync); stores from before it recorded the quantity held.
  count: "SELECT 1 FROM changes WHERE table_name = 'inventory' AND row_id = ? AND column_name IN ('counted_quantity', 'held_quantity') AND value = ?",
};

/**
 * One crash: start a writer, SIGKILL it at a random moment of the plan, read its output
 * to the end (`close`, not `exit`: the last acknowledgements may still be in the pipe
 * when the process is gone), then open the file as the next start would and check every
 * acknowledged write is there.
 */
export async function crashCycle(
  dataDir: string,
  cycle: number,
  mode: 'write' | 'restore',
  kill: KillPlan,
  child: Writer = spawnWriter(),
  random = Math.random,
): Promise<CycleResult> {
  child.stdin.write(`GO ${dataDir} c${cycle} ${mode}\n`);
  const acked: string[] = [];
  let revertedBefore = 0;
  let reached: CycleResult['reached'] = 'nothing';
  let buf = '';
  let err = '';
  let killTimer: NodeJS.Timeout | null = null;
  const armKill = () => (killTimer = setTimeout(() => child.kill('SIGKILL'), Math.floor(random() * kill.withinMs)));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      if (line === 'OPENING' || line === 'READY' || line.startsWith('RESTORING') || line.startsWith('RESTORED')) {
        reached = line.split(' ')[0] as CycleResult['reached'];
        if (reached === kill.after && !killTimer) armKill();
        // A restore that never comes (no verified backup yet) must not hold the cycle for ever.
        if (reached === 'READY' && kill.after === 'RESTORING') setTimeout(() => child.kill('SIGKILL'), 4000);
        // Writes acknowledged before a restore may be older than the backup: taken back by design.
        if (reached === 'RESTORING') {
          revertedBefore = acked.length;
          acked.length = 0;
        }
      } else if (line.startsWith('ACK ')) acked.push(line.slice(4));
    }
  });
  const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    let exit: { code: number | null; signal: string | null } = { code: null, signal: null };
    child.once('exit', (c, s) => (exit = { code: c, signal: s }));
    child.once('close', () => resolve(exit));
  });
  if (killTimer) clearTimeout(killTimer);
  if (signal !== 'SIGKILL') throw new Error(`The writer exited on its own (${code}) after ${reached}: ${err.slice(-2000)}`);
  // A kill between RESTORING and RESTORED: the acknowledgements after it are none; before it, taken back.
  if ((reached as CycleResult['reached']) === 'RESTORING') acked.length = 0;

  const file = path.join(dataDir, 'eoc.sqlite');
  const seen = fs.existsSync(file) ? recogniseStore(file) : { state: 'missing' as const };
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }) ?? '');
    const lost = acked.filter((a) => {
      const [kind, ...args] = a.split(' ');
      return !db.prepare(PRESENT[kind!]!).get(...args);
    });
    // verifyStore checks the fact tables the file has: one killed mid-migration lacks today's newest.
    const chainOk = verifyStore(db).ok;
    const schemaVersion = Number(db.pragma('user_version', { simple: true }));
    const backups = path.join(dataDir, 'backups');
    const strays = fs.existsSync(backups) ? fs.readdirSync(backups).filter((f) => /\.sqlite-(wal|shm|journal)$/.test(f)) : [];
    return { acknowledged: acked.length, reverted: revertedBefore, lost, integrity, chainOk, recognised: seen.state === 'store', schemaVersion, reached, strays };
  } finally {
    db.close();
  }
}
