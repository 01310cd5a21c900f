import type { TimelineItem } from '../../../../shared/contract';
import { formatLocal } from '../incident/time';
import { toCsv } from '../directory/csv-format';

export const CSV_COLUMNS = [
  'Incident',
  'Exercise',
  'Type',
  'Date/Time (local)',
  'Occurred (UTC)',
  'Recorded (UTC)',
  'Position',
  'Operator',
  'Operator position',
  'Category',
  'Source',
  'Transcribed',
  'Text',
  'Refers to',
  'Corrected or superseded',
  'Significant event',
  'Record id',
  'Demo data',
] as const;

/**
 * The timeline as CSV. An exercise says so in a column of every row (and in the file
 * name), and the demonstration coalition says DEMO DATA in a column of every row, so that
 * neither a copy of the file nor rows pasted elsewhere lose the mark; the
 * header stays on line 1, where every CSV reader looks for it. Cells a spreadsheet would
 * compute are guarded, and a byte-order mark comes first (see toCsv).
 */
export function buildTimelineCsv(d: { incidentName: string; exercise: boolean; demo?: boolean; items: TimelineItem[]; timeZone: string }): Uint8Array {
  const rows = d.items.map((i) => [
    d.incidentName,
    d.exercise ? 'EXERCISE' : 'REAL',
    i.kind,
    formatLocal(i.occurredAt, d.timeZone),
    new Date(i.occurredAt).toISOString(),
    new Date(i.recordedAt).toISOString(),
    i.positionTitle ?? '',
    i.operatorName ?? '',
    i.operatorPositionTitle ?? '',
    i.category ?? '',
    i.source ?? '',
    i.transcribed ? 'yes' : 'no',
    i.summary,
    i.refId ?? '',
    i.replaced ? 'yes' : 'no',
    i.significant ? 'yes' : 'no',
    i.id,
    d.demo ? 'DEMO DATA' : '',
  ]);
  return new TextEncoder().encode(toCsv(CSV_COLUMNS, rows));
}
