import Papa from 'papaparse';
import { parseWallTime } from '../../../../shared/domain/wall-time';
import type { Db } from '../../db/open';
import { coalitionTimeZone } from '../incident/time';
import { typeByCode } from './catalogue';
import type { ImportCandidate, ImportDocument } from './import-types';

/**
 * The CSV status sheet (README, "Status sheet CSV"): one row per facility report.
 * Columns `facility` (the directory name) and `reported_at` are required; `identifier`
 * (the console's organisation id) and `reported_by` are optional; every other column is
 * a status type code from the catalogue (e.g. `beds.adult_icu.available`, `ops.status`,
 * `ed.ems_traffic`) holding a number, a choice (code or label) or yes/no. An empty cell
 * is "not reported". `reported_at` is ISO 8601 with its zone (2026-11-25T14:30:00Z) or
 * "YYYY-MM-DD HH:MM" in the coalition's time zone.
 */
export const STATUS_CSV_FIXED = ['facility', 'identifier', 'reported_at', 'reported_by'] as const;
export const MAX_CSV_ROWS = 5000;

function parseTime(raw: string, timeZone: string, now: number): number | null {
  const s = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const t = Date.parse(s);
    return Number.isFinite(t) ? t : null;
  }
  const r = parseWallTime(s, timeZone, now, 'today');
  return r.ok && /^\d{4}-/.test(s) ? r.ms : null;
}

export function parseStatusCsv(db: Db, csv: string, now: number): ImportDocument {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const fileErrors: string[] = [];
  if (!rows.length) return { documentId: null, candidates: [], fileErrors: ['The file has no header row'] };
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const types = typeByCode(db);
  for (const need of ['facility', 'reported_at']) if (!header.includes(need)) fileErrors.push(`The header has no "${need}" column`);
  const unknown = header.filter((h) => h && !(STATUS_CSV_FIXED as readonly string[]).includes(h) && !types.has(h));
  if (unknown.length) fileErrors.push(`Unknown columns (not status type codes in the catalogue): ${unknown.join(', ')}`);
  if (rows.length - 1 > MAX_CSV_ROWS) fileErrors.push(`The sheet has ${rows.length - 1} rows; at most ${MAX_CSV_ROWS.toLocaleString('en-US')} are imported at once`);
  if (fileErrors.length) return { documentId: null, candidates: [], fileErrors };
  const tz = coalitionTimeZone(db);
  const col = (name: string) => header.indexOf(name);
  const candidates: ImportCandidate[] = rows.slice(1).map((cells, i) => {
    const cell = (k: number) => (k >= 0 ? (cells[k] ?? '').trim() : '');
    const problems: string[] = [];
    const when = cell(col('reported_at'));
    const occurredAt = when ? parseTime(when, tz, now) : null;
    if (occurredAt === null) problems.push(`reported_at "${when}" is not a date and time (2026-11-25 14:30, or ISO 8601 with a zone); this row cannot be imported`);
    const values: ImportCandidate['values'] = [];
    header.forEach((h, k) => {
      const t = types.get(h);
      const raw = cell(k);
      if (!t || raw === '') return;
      values.push({ typeId: t.id, value: t.kind === 'number' && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw });
    });
    return {
      line: i + 2,
      name: cell(col('facility')) || '(no facility named)',
      identifier: cell(col('identifier')) || null,
      occurredAt,
      values,
      problems,
      reportedBy: cell(col('reported_by')) || null,
    };
  });
  return { documentId: null, candidates, fileErrors };
}
