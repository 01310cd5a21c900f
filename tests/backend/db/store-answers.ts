import type Database from 'better-sqlite3';
import { searchWords } from '../../../electron/backend/domains/timeline/fts';
import { countKind, timelineRows, type KeyQuery } from '../../../electron/backend/domains/timeline/queries';

/** What a migration test compares before and after a conversion. */
export type Link = { workstation_id: string; seq: number; table_name: string; row_id: string; prev_hash: string; hash: string; canon_version: number };

/** Every link of every chain, as the verifier and sync read them. */
export const allLinks = (db: Database.Database) =>
  db.prepare('SELECT workstation_id, seq, table_name, row_id, prev_hash, hash, canon_version FROM fact_chain ORDER BY workstation_id, seq').all() as Link[];

/** Every kind of record the timeline shows. */
export const KINDS = ['entry', 'decision', 'message', 'reply', 'request', 'tick', 'staffing'];

/** Every page the timeline screen can ask for, over every incident, each kind alone, and words. */
export function timelineAnswers(db: Database.Database, incidents: number[], words: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const page = (label: string, q: Omit<KeyQuery, 'order' | 'limit'>) => {
    out[label] = timelineRows(db, { ...q, order: 'newest', limit: 1_000_000 });
  };
  for (const inc of incidents) {
    page(`${inc} all`, { inc });
    for (const k of KINDS) {
      page(`${inc} ${k}`, { inc, kinds: [k] });
      out[`${inc} count ${k}`] = countKind(db, inc, k);
      out[`${inc} count ${k} since`] = countKind(db, inc, k, Date.now() - 30 * 86_400_000, Date.now());
    }
    page(`${inc} entry+message`, { inc, kinds: ['entry', 'message'] });
    for (const w of words) page(`${inc} ${w}`, { inc, words: searchWords(w) });
  }
  return out;
}
