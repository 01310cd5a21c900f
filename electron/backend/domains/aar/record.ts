import type { Db } from '../../db/open';
import type { IncidentRow } from '../incident/queries';
import { frozenRecord } from './issued';
import { draftContext, readRecord } from './sources';
import type { DraftContext } from './sources/types';

/** The figures a report shows and prints, and whether they are the ones kept when it was made final. */
export interface ReportRecord {
  readonly ctx: DraftContext;
  readonly tables: ReturnType<typeof readRecord>['tables'];
  readonly sources: string[];
  /** When the report was made final, for figures kept then; null for figures read now. */
  readonly frozenAt: number | null;
  /** The end of the span the figures cover. */
  readonly until: number;
}

/**
 * A final report's figures are those kept when it was made final (issued.ts); a draft's, or a
 * final report's made final before they were kept, are read from the record now.
 */
export function reportRecord(db: Db, incident: IncidentRow, now: number): ReportRecord {
  const ctx = draftContext(db, incident, now);
  const report = db.prepare("SELECT id FROM aar_reports WHERE incident_id = ? AND deleted = 0 AND status = 'final'").pluck().get(incident.id) as
    | string
    | undefined;
  const kept = report === undefined ? null : frozenRecord(db, report);
  if (kept) return { ctx, tables: kept.tables, sources: kept.sources, frozenAt: kept.at, until: kept.until };
  const { tables, sources } = readRecord(ctx);
  return { ctx, tables, sources, frozenAt: null, until: ctx.until };
}
