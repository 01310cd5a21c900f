import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { verifyStore } from '../../../electron/backend/integrity/verify';

const CHILD = path.resolve(import.meta.dirname, 'writer-child.ts');

export interface CycleResult {
  acknowledged: number;
  lost: string[];
  integrity: string;
  chainOk: boolean;
}

/**
 * One crash: start a writer, let it acknowledge writes for `runMs`, SIGKILL it, then open
 * the file as the next start would and check every acknowledged write is there.
 */
export async function crashCycle(dataDir: string, cycle: number, runMs: number): Promise<CycleResult> {
  // tsx as a loader keeps one process, so the SIGKILL hits the writer itself.
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, `c${cycle}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acked: string[] = [];
  let buf = '';
  let err = '';
  let readyAt = 0;
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (line === 'READY') {
          readyAt = Date.now();
          setTimeout(() => child.kill('SIGKILL'), runMs);
        } else if (line.startsWith('ACK ')) acked.push(line.slice(4));
      }
    });
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`writer exited on its own (${code}) ${readyAt ? 'after' : 'before'} ready: ${err}`));
    });
  });
  const db = new Database(path.join(dataDir, 'eoc.sqlite'));
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
    const present = new Set(
      (
        db.prepare("SELECT json_extract(detail, '$.operatorName') AS n FROM audit_entries WHERE action = 'session.signedIn'").all() as {
          n: string;
        }[]
      ).map((r) => r.n),
    );
    const lost = acked.filter((a) => !present.has(a));
    const chainOk = verifyStore(db).ok;
    return { acknowledged: acked.length, lost, integrity, chainOk };
  } finally {
    db.close();
  }
}
