import { createHash } from 'node:crypto';
import { AAR_SECTION_KEYS } from '../../../../shared/domain/aar-outline';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { headsOf, revisionsOf } from './sections';

/**
 * A digest of what a report says: its settings, the revisions each section's text reads
 * from (a revision never changes, so its id stands for its words), its objectives, ratings
 * and observations. Corrective actions are left out: they are tracked after the report is
 * issued. Every workstation holding the same report computes the same digest.
 */
export function reportDigest(db: Db, reportId: string): string {
  const settings = db.prepare('SELECT title, framework_id, marking, mission_areas FROM aar_reports WHERE id = ?').raw().get(reportId);
  const revisions = revisionsOf(db, reportId);
  const heads = AAR_SECTION_KEYS.flatMap((k) => headsOf(revisions.filter((r) => r.section === k)).map((r) => `${k}:${r.id}`)).sort();
  const rows = (sql: string) => db.prepare(sql).raw().all(reportId);
  const said = {
    settings,
    heads,
    objectives: rows('SELECT id, ordinal, text FROM aar_objectives WHERE report_id = ? AND deleted = 0 ORDER BY id'),
    ratings: rows('SELECT id, objective_id, capability_id, rating FROM aar_ratings WHERE report_id = ? AND deleted = 0 ORDER BY id'),
    observations: rows(
      `SELECT id, kind, status, objective_id, capability_id, title, reference, analysis, root_cause, evidence
       FROM aar_observations WHERE report_id = ? AND deleted = 0 ORDER BY id`,
    ),
  };
  return createHash('sha256').update(JSON.stringify(said)).digest('hex');
}

/** Records, in the transaction that makes it final, what the report said then (a chained audit entry, `aar.finalised`). */
export function recordFinal(tx: WriteTx, db: Db, reportId: string): void {
  const title = db.prepare('SELECT title FROM aar_reports WHERE id = ?').pluck().get(reportId) as string;
  tx.audit('aar.finalised', { reportId, title, digest: reportDigest(db, reportId) });
}

/**
 * Whether the report says something else than when it was last made final: an edit saved
 * on a workstation that had not yet received the Final merges in when it arrives, as every
 * change does, whenever it was made. Null when no digest was recorded (a report made final
 * before digests were kept).
 */
export function changedSinceFinal(db: Db, reportId: string): boolean | null {
  const digest = db
    .prepare(
      `SELECT json_extract(detail, '$.digest') FROM audit_entries
       WHERE action = 'aar.finalised' AND json_extract(detail, '$.reportId') = ? ORDER BY recorded_at DESC, id DESC LIMIT 1`,
    )
    .pluck()
    .get(reportId) as string | undefined;
  return digest === undefined ? null : digest !== reportDigest(db, reportId);
}
