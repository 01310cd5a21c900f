import Papa from 'papaparse';
import type { TimelineItem } from '../../../../shared/contract';
import { formatLocal } from '../incident/time';
import { EXERCISE_BANNER } from './pdf/form';

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
] as const;

/**
 * The timeline as CSV. An exercise says so on its first line and in a column of every
 * row, so that neither a copy of the file nor rows pasted elsewhere lose the mark.
 * Cells starting with = + - @ are escaped so a spreadsheet never runs them as formulas.
 */
export function buildTimelineCsv(d: { incidentName: string; exercise: boolean; items: TimelineItem[]; timeZone: string }): Uint8Array {
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
  ]);
  const body = Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { escapeFormulae: true, newline: '\r\n' });
  const text = d.exercise ? `${EXERCISE_BANNER}\r\n${body}\r\n` : `${body}\r\n`;
  // A byte-order mark so spreadsheet programs read the text as UTF-8.
  return new TextEncoder().encode(`\uFEFF${text}`);
}
