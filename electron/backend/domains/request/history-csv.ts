import { STATUS_LABELS, type RequestStatus } from '../../../../shared/domain/request-state';
import type { Db } from '../../db/open';
import { isDemo } from '../demo/queries';
import { toCsv } from '../directory/csv-format';
import { toEvent } from './events';
import type { EventRow } from './queries';

/** Columns of the request history CSV: one row per step, times in UTC (ISO 8601). */
export const HISTORY_COLUMNS = [
  'request_number',
  'incident',
  'record_type',
  'requesting_organisation',
  'priority',
  'step',
  'from_status',
  'to_status',
  'summary',
  'note',
  'occurred_at_utc',
  'recorded_at_utc',
  'operator',
  'position',
  'workstation_id',
  'event_id',
  /** "DEMO DATA" on every row of the demonstration coalition, as in the directory's CSV. */
  'marking',
] as const;

const iso = (t: number) => new Date(t).toISOString();
const label = (s: RequestStatus | null) => (s ? STATUS_LABELS[s] : '');

export function historyCsv(db: Db, by: { requestId?: string | undefined; incidentId?: string | undefined }): { csv: string; rows: number } {
  const rows = db
    .prepare(
      `SELECT e.*, r.number, r.priority, r.demo, o.name AS org_name, i.name AS incident_name, i.exercise
       FROM request_events e JOIN requests r ON r.id = e.request_id JOIN organisations o ON o.id = r.requesting_organisation_id
       LEFT JOIN incidents i ON i.id = r.incident_id
       WHERE ${by.requestId ? 'r.id = @id' : 'r.incident_id = @id'} AND r.deleted = 0
       ORDER BY r.number, e.recorded_at, e.id`,
    )
    .all({ id: by.requestId ?? by.incidentId }) as (EventRow & { number: string; priority: string; demo: number; org_name: string; incident_name: string | null; exercise: number | null })[];
  const demoStore = isDemo(db);
  const data = rows.map((row) => {
    const e = toEvent(row);
    return [
      row.number,
      row.incident_name,
      // Every row says whether it is an exercise, so a filtered spreadsheet still shows it.
      row.exercise ? 'EXERCISE' : 'ACTUAL',
      row.org_name,
      row.priority,
      e.actionLabel,
      label(e.fromStatus),
      label(e.toStatus),
      e.summary,
      e.note,
      iso(e.occurredAt),
      iso(e.recordedAt),
      e.operatorName,
      e.positionTitle,
      e.workstationId,
      e.id,
      row.demo || demoStore ? 'DEMO DATA' : '',
    ];
  });
  return { csv: toCsv(HISTORY_COLUMNS, data), rows: data.length };
}
