import { createHash } from 'node:crypto';
import { AAR_SECTION_KEYS } from '../../../../shared/domain/aar-outline';
import { z } from 'zod';
import { participantSchema, recordTableSchema, type AarReportView, type RecordTable } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { getIncidentRow } from '../incident/queries';
import { participantsOf } from './participants';
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
  /** Appendix B as it stood (absent from figures kept before it was). */
  readonly participants?: AarReportView['participants'];
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
  const record: FrozenRecord = { until: ctx.until, tables, sources, participants: participantsOf(db, incident_id) };
  tx.audit('aar.finalised', { reportId, title, digest: reportDigest(db, reportId), record });
}

/**
 * The `aar.finalised` entry of the Final in force: the one written in the same transaction as
 * the report's newest status change (same workstation, same instant), not the newest by a
 * workstation's clock: a Final made later on a workstation whose clock is slow would otherwise
 * print the figures and digest of the one before it. Found through the index on recorded_at.
 * Its digest and whether it keeps figures are read by SQLite, and the part at `path` when given.
 */
function finalEntry(db: Db, reportId: string, path: string | null = null): { part: string | null; digest: unknown; kept: number; at: number } | undefined {
  return db
    .prepare(
      `SELECT CASE WHEN :path IS NOT NULL THEN json_extract(a.detail, :path) END AS part, a.occurred_at AS at,
              json_extract(a.detail, '$.digest') AS digest, json_type(a.detail, '$.record') = 'object' AS kept
       FROM (SELECT c.workstation_id AS ws, c.recorded_at AS at FROM changes c
             WHERE c.table_name = 'aar_reports' AND c.row_id = :id AND c.column_name = 'status' ORDER BY c.hlc DESC LIMIT 1) s
       JOIN audit_entries a ON a.recorded_at = s.at AND a.workstation_id = s.ws
       WHERE a.action = 'aar.finalised' AND CASE WHEN json_valid(a.detail) THEN json_extract(a.detail, '$.reportId') = :id ELSE 0 END
       ORDER BY a.id DESC LIMIT 1`,
    )
    .get({ id: reportId, path }) as { part: string | null; digest: unknown; kept: number; at: number } | undefined;
}

const frozenSchema = z.object({ until: z.number(), tables: z.array(recordTableSchema), sources: z.array(z.string()), participants: z.array(participantSchema).optional() });

/**
 * The figures kept when the report was made final, with that moment; null when none were kept
 * (a report made final before they were) or what arrived is not figures (a damaged or hostile
 * entry from another workstation): its figures are then read from the record, and say so.
 */
export function frozenRecord(db: Db, reportId: string): (FrozenRecord & { at: number }) | null {
  return keptFigures(finalEntry(db, reportId, '$.record'));
}

function keptFigures(entry: ReturnType<typeof finalEntry>): (FrozenRecord & { at: number }) | null {
  if (!entry?.kept || entry.part === null) return null;
  const kept = frozenSchema.safeParse(JSON.parse(entry.part));
  return kept.success ? { ...kept.data, at: entry.at } : null;
}

/** The participants (Appendix B) kept with the Final in force, or null (none kept, or not a list of them). */
export function keptParticipants(db: Db, reportId: string): AarReportView['participants'] | null {
  const part = finalEntry(db, reportId, '$.record.participants')?.part;
  if (typeof part !== 'string') return null;
  const kept = z.array(participantSchema).safeParse(JSON.parse(part));
  return kept.success ? kept.data : null;
}

/**
 * Whether the report says something else than when it was made final: an edit saved on a
 * workstation that had not yet received the Final merges in when it arrives, as every change
 * does, whenever it was made. Null when no digest was recorded (a report made final before
 * digests were kept).
 */
export function changedSinceFinal(db: Db, reportId: string): { changed: boolean; figuresKept: boolean } | null {
  const entry = finalEntry(db, reportId, '$.record');
  if (typeof entry?.digest !== 'string') return null;
  // Kept only if what is kept reads as figures: the header must not say so of a damaged entry.
  return { changed: entry.digest !== reportDigest(db, reportId), figuresKept: keptFigures(entry) !== null };
}
