import type Database from 'better-sqlite3';

/**
 * The row a raw INSERT stores: straight into log_rows, the table behind the log_entries view
 * (migration 16), its names as the numbers they have in timeline_refs, looked up once
 * beforehand (the cheapest way to store the same row; the timeline and full-text triggers
 * fire as for the console's own).
 */
export function rawLogInsert(db: Database.Database) {
  const ins = db.prepare(
    `INSERT INTO log_rows (id, ws, op, title, recorded_at, occurred_at, inc, pos, cat, text, source, transcribed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const refs = new Map<string, number>();
  const number = (ref: string) => {
    let n = refs.get(ref);
    if (n === undefined) {
      db.prepare('INSERT INTO timeline_refs (ref) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM timeline_refs WHERE ref = ?)').run(ref, ref);
      n = db.prepare('SELECT n FROM timeline_refs WHERE ref = ?').pluck().get(ref) as number;
      refs.set(ref, n);
    }
    return n;
  };
  return (r: { id: string; ws: string; recordedAt: number; occurredAt: number; inc: string; pos: string; category: string; text: string; source: string; transcribed: number }) =>
    ins.run(r.id, number(r.ws), number('Dana Duty'), number('Coalition Duty Officer'), r.recordedAt, r.occurredAt, number(r.inc), number(r.pos), number(r.category), r.text, r.source, r.transcribed);
}
