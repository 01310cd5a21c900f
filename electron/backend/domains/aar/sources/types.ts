import type { Evidence, RecordTable } from '../../../../../shared/contract';
import type { ObservationKind } from '../../../../../shared/domain/aar-outline';
import type { Db } from '../../../db/open';
import type { IncidentRow } from '../../incident/queries';

/** What every source of the draft is given: the incident and how to print a time. */
export interface DraftContext {
  readonly db: Db;
  readonly incident: IncidentRow;
  /** The end of the span reviewed: the incident's close, or now while it is open. */
  readonly until: number;
  readonly timeZone: string;
  fmt(ms: number): string;
}

/** What an observation is about, mapped to a capability of whichever framework the report uses. */
export type Topic = 'coordination' | 'information' | 'resources' | 'workforce';

/** An observation the record suggests; the planner accepts, edits or dismisses it. */
export interface CandidateDraft {
  /** Stable per rule and report: redrafting updates the same candidate, never a second one. */
  readonly ruleKey: string;
  readonly kind: ObservationKind;
  readonly topic: Topic;
  readonly title: string;
  readonly analysis: string;
  readonly reference: string;
  readonly evidence: Evidence[];
}

export interface SourceResult {
  readonly tables: RecordTable[];
  readonly candidates: CandidateDraft[];
}

/**
 * One domain's contribution to the draft, read through that domain's query module. The
 * draft is the sum of its sources: facility status (EEI) is one more source added to the
 * list in sources/index.ts, with its tables (status requests answered on time, stale
 * reports, PM17/PM19) and its candidates ("2 of 5 facilities missed the bed-report deadline").
 */
export interface RecordSource {
  readonly name: string;
  read(ctx: DraftContext): SourceResult;
}

export const HOUR = 3_600_000;

/** "6 h 30 min", "45 min": a duration as a planner reads it. */
export function duration(ms: number): string {
  const m = Math.round(ms / 60_000);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h >= 48) return `${Math.round(h / 24)} days`;
  return rest ? `${h} h ${rest} min` : `${h} h`;
}

export { plural } from '../../../../../shared/domain/words';
