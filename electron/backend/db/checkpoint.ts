import type { Db } from './open';

/**
 * Copies committed WAL pages into the main file while the store is quiet, so a save seldom
 * waits for it. SQLite checkpoints inside the commit that takes the WAL past 1,000 pages
 * (wal_autocheckpoint): on a store of a month of hourly reports that is a 5-10 ms pause in
 * about one save in a hundred, the p99 of every write path. Here, `afterMs` after a commit,
 * the pages committed so far are checkpointed between requests instead (PASSIVE: it never
 * waits for a reader). Saves made seconds apart, as an operator makes them, then never
 * meet a checkpoint; saves back to back with no pause (an import) still meet SQLite's own.
 */
export class IdleCheckpoint {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly db: Db,
    private readonly afterMs: number,
  ) {}

  /** After each commit: a checkpoint follows once, `afterMs` later (not pushed back by later commits). */
  committed(): void {
    if (this.afterMs <= 0 || this.timer) return;
    this.timer = setTimeout(() => this.run(), this.afterMs);
    this.timer.unref?.();
  }

  private run(): void {
    this.timer = null;
    if (!this.db.open) return;
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // A busy or closing file: SQLite's own checkpoint, or the next quiet moment, does it.
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
