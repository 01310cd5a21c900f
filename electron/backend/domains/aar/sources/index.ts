import type { Db } from '../../../db/open';
import type { IncidentRow } from '../../incident/queries';
import { coalitionTimeZone } from '../../incident/time';
import { wallTimeFormatter } from './wall-time-cache';
import { decisionsSource } from './decisions';
import { eventsSource } from './events';
import { periodsSource } from './periods';
import { requestsSource } from './requests';
import { statusSource } from './status';
import type { DraftContext, RecordSource, SourceResult } from './types';

/** Every source the draft reads, in the order its tables appear. */
export const SOURCES: readonly RecordSource[] = [eventsSource, decisionsSource, periodsSource, requestsSource, statusSource];

export function draftContext(db: Db, incident: IncidentRow, now: number): DraftContext {
  const timeZone = coalitionTimeZone(db);
  return {
    db,
    incident,
    until: incident.status === 'closed' && incident.closed_at !== null ? incident.closed_at : now,
    timeZone,
    fmt: wallTimeFormatter(timeZone),
  };
}

/** Reads every source; the draft and the figures on screen are this, nothing stored. */
export function readRecord(ctx: DraftContext): SourceResult & { sources: string[] } {
  const results = SOURCES.map((s) => s.read(ctx));
  return {
    tables: results.flatMap((r) => r.tables),
    candidates: results.flatMap((r) => r.candidates),
    sources: SOURCES.map((s) => s.name),
  };
}
