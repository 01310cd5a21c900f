import type { IntegrityProblem } from './problem';
import type { Db } from '../db/open';
import { fingerprintOf } from '../identity/keys';
import { readCheckpoints, saveCheckpoints } from './checkpoints';
import { witnessLine, type SignedHead } from './heads';
import { verifySteps, type VerifyReport } from './verify';
import type { Witness } from './witnesses';

export interface IntegrityStatus {
  state: 'pending' | 'checking' | 'ok' | 'problems';
  checkedAt: number | null;
  checkedLinks: number;
  incremental: boolean;
  problems: IntegrityProblem[];
  moreProblems: number;
  marked: { table: string; rowId: string; problem: string }[];
  head: { workstationId: string; seq: number; hash: string; signedAt: number; fingerprint: string; line: string } | null;
}

export interface MonitorOptions {
  /** The open store, or null while it is degraded (nothing to check). */
  db: () => Db | null;
  now: () => number;
  /** Called when a check finishes with a different verdict or problems, so windows refresh. */
  changed: () => void;
  /** Between scheduled checks; 0 turns the schedule off (the start-up check still runs). */
  intervalMs: number;
  /** Every how many scheduled checks one walks every chain from its first link. */
  fullEvery?: number;
  log?: (message: string) => void;
}

/** Records marked at most: a rewritten stretch of a million links is named, not listed whole. */
const MAX_MARKED = 500;

export function headForPrint(h: SignedHead): NonNullable<IntegrityStatus['head']> {
  return { workstationId: h.workstationId, seq: h.seq, hash: h.hash, signedAt: h.signedAt, fingerprint: fingerprintOf(h.publicKey), line: witnessLine(h) };
}

/**
 * Checks the store in the background: once after start (from the last clean checkpoint,
 * so a large store gets a verdict on what was written since at once, then from scratch),
 * then on a schedule, every so often from scratch. The walk runs in slices with a turn of the event loop between them, so it
 * never delays the first screen or a request. A check that finds problems leaves the
 * checkpoint where it was, so the next check sees them again.
 */
export class IntegrityMonitor {
  private status: IntegrityStatus = { state: 'pending', checkedAt: null, checkedLinks: 0, incremental: false, problems: [], moreProblems: 0, marked: [], head: null };
  private running: Promise<VerifyReport | null> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private startTimer: ReturnType<typeof setTimeout> | null = null;
  private runs = 0;
  private stopped = false;

  constructor(private readonly opts: MonitorOptions) {}

  get current(): IntegrityStatus {
    return this.status;
  }

  start(): void {
    // After the first screen has had its reads: a timer, not a microtask. The incremental
    // check gives a verdict on what was written since the last one at once; the full walk
    // that follows finds an edit to an older record (the incremental check trusts what it
    // verified before), still in slices.
    // Not unref'd: a host that has nothing else to do yet (a script) still gets its verdict.
    this.startTimer = setTimeout(() => this.checkAfterOpen(), 50);
    if (this.opts.intervalMs > 0) {
      this.timer = setInterval(() => {
        this.runs++;
        void this.check(this.runs % (this.opts.fullEvery ?? 12) === 0);
      }, this.opts.intervalMs);
      this.timer.unref?.();
    }
  }

  /** The check after a store opens: what was written since the last verdict, then every chain from its start. */
  checkAfterOpen(): void {
    void this.check(false).then(() => this.check(true));
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.startTimer) clearTimeout(this.startTimer);
  }

  /** Runs a check (or joins the one running); `full` walks every chain from its first link. */
  check(full: boolean): Promise<VerifyReport | null> {
    this.running ??= this.run(full).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * Verify now: a check from the first link, in slices like the background one (a million
   * records must not freeze every window for the minute it takes), after any check running.
   */
  async verifyNow(witnesses: readonly Witness[] = []): Promise<VerifyReport | null> {
    while (this.running) await this.running;
    this.running = this.run(true, witnesses).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(full: boolean, witnesses: readonly Witness[] = []): Promise<VerifyReport | null> {
    const db = this.opts.db();
    if (!db || this.stopped) return null;
    try {
      const cp = full || this.status.state === 'problems' ? null : readCheckpoints(db);
      const steps = verifySteps(db, { from: cp?.chains, rowsSeen: cp?.rowsSeen, outboxSince: cp?.outboxHlc ?? '', slice: 2000, maxProblems: 200, witnesses });
      for (;;) {
        const r = steps.next();
        if (r.done) {
          this.finish(db, r.value);
          return r.value;
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
        // The store was closed or swapped (a restore) while we paused: this check is void.
        if (this.stopped || this.opts.db() !== db || !db.open) return null;
      }
    } catch (e) {
      (this.opts.log ?? ((m: string) => process.emitWarning(m)))(`The integrity check could not run: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  }

  private finish(db: Db, report: VerifyReport): void {
    const at = this.opts.now();
    if (report.ok) saveCheckpoints(db, { chains: report.ends, rowsSeen: report.rowsSeen, outboxHlc: report.outboxHlc }, at);
    const before = JSON.stringify([this.status.state, this.status.problems, this.status.head?.seq]);
    this.status = {
      state: report.ok ? 'ok' : 'problems',
      checkedAt: at,
      checkedLinks: report.checkedLinks,
      incremental: report.incremental,
      problems: report.problems,
      moreProblems: report.moreProblems,
      marked: markedRecords(db, report.problems),
      // An incremental check with nothing new to vouch for keeps the head the last one found.
      head: report.vouched ? headForPrint(report.vouched) : report.ok && report.incremental ? this.status.head : null,
    };
    if (JSON.stringify([this.status.state, this.status.problems, this.status.head?.seq]) !== before) this.opts.changed();
  }
}

/** The records a set of problems concerns, ranges resolved to the records in them. */
export function markedRecords(db: Db, problems: readonly IntegrityProblem[]): IntegrityStatus['marked'] {
  const out = new Map<string, IntegrityStatus['marked'][number]>();
  const inRange = db.prepare('SELECT table_name, row_id FROM fact_chain WHERE workstation_id = ? AND seq BETWEEN ? AND ? ORDER BY seq LIMIT ?');
  for (const p of problems) {
    if (out.size >= MAX_MARKED) break;
    if (p.rowId) out.set(`${p.table}:${p.rowId}`, { table: p.table, rowId: p.rowId, problem: p.problem });
    else if (p.range && p.workstationId && (p.kind === 'rewritten' || p.kind === 'unsigned' || p.kind === 'forged-head')) {
      for (const r of inRange.all(p.workstationId, p.range.from, p.range.to, MAX_MARKED) as { table_name: string; row_id: string }[]) {
        out.set(`${r.table_name}:${r.row_id}`, { table: r.table_name, rowId: r.row_id, problem: p.problem });
      }
    }
  }
  return [...out.values()].slice(0, MAX_MARKED);
}
