import { createHash } from 'node:crypto';
import { AAR_SECTION_KEYS } from '../../../../shared/domain/aar-outline';
import type { RecordTable } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { getIncidentRow } from '../incident/queries';
import { headsOf, revisionsOf } from './sections';
import { draftContext, readRecord } from './sources';

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

/** The figures the report read from the record, as they stood when it was made final. */
export interface FrozenRecord {
  /** The end of the span they cover (the incident's close, or the moment it was made final). */
  readonly until: number;
  readonly tables: RecordTable[];
  readonly sources: string[];
}

/**
 * Records, in the transaction that makes it final, what the report said then (a chained
 * audit entry, `aar.finalised`): the digest of its words, and the figures it read from the
 * record. A final report is printed with those figures, never with ones read later: an
 * incident still open, or an entry that arrives late, would change them under the same Final.
 */
export function recordFinal(tx: WriteTx, db: Db, reportId: string): void {
  const { title, incident_id } = db.prepare('SELECT title, incident_id FROM aar_reports WHERE id = ?').get(reportId) as { title: string; incident_id: string };
  const ctx = draftContext(db, getIncidentRow(db, incident_id)!, tx.now());
  const { tables, sources } = readRecord(ctx);
  const record: FrozenRecord = { until: ctx.until, tables, sources };
  tx.audit('aar.finalised', { reportId, title, digest: reportDigest(db, reportId), record });
}

/**
 * The figures kept when the report was last made final, with that moment; null when none
 * were kept (a report made final before they were, whose figures are read from the record).
 */
export function frozenRecord(db: Db, reportId: string): (FrozenRecord & { at: number }) | null {
  const row = db
    .prepare(
      `SELECT json_extract(detail, '$.record') AS record, occurred_at AS at FROM audit_entries
       WHERE action = 'aar.finalised' AND json_extract(detail, '$.reportId') = ? ORDER BY recorded_at DESC, id DESC LIMIT 1`,
    )
    .get(reportId) as { record: string | null; at: number } | undefined;
  if (!row?.record) return null;
  return { ...(JSON.parse(row.record) as FrozenRecord), at: row.at };
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
