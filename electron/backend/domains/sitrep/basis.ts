import type { SitrepRecord, SitrepTextCheck, SitrepTextField } from '../../../../shared/contract';
import { SITREP_TEXT_FIELDS } from '../../../../shared/contract/sitrep';
import type { Db } from '../../db/open';
import { NEEDS_WINDOWS, needsDue, objectivesText, prefill, summaryFacts, type PeriodRow } from './draft';
import type { SitrepRow } from './queries';

/**
 * What each text of a situation report was written against, so that a refresh from the
 * record redrafts what the console drafted, keeps what planning edited, and names an
 * edited text whose figures have changed since (it cannot be approved until planning has
 * seen them: an approved report that contradicts its own tables is acted on).
 */

/** One figure a text states: "On diversion" = "1 (Summit View General Hospital)". */
export interface Figure {
  label: string;
  value: string;
  /** How a change is worded when this differs ("1" → "4"); the value otherwise. */
  short?: string;
}

export interface Basis {
  /** The time of the record the text was written against. */
  asOf: number;
  /** Planning edited it (kept on refresh); false: the console drafted it (redrafted on refresh). */
  edited: boolean;
  figures: Figure[];
}

/** Each text's column, and the column of its basis (migration 19). */
export const TEXT_COLUMNS = {
  summary: 'summary',
  needs12h: 'needs_12h',
  needs24h: 'needs_24h',
  needs48h: 'needs_48h',
  needs72h: 'needs_72h',
  objectivesNext: 'objectives_next',
} as const satisfies Record<SitrepTextField, keyof SitrepRow>;
export const basisColumn = (f: SitrepTextField) => `${TEXT_COLUMNS[f]}_basis` as const;

/** The figures each drafted text states, from the record (the objectives from the period). */
export function figuresOf(db: Db, record: SitrepRecord, period: PeriodRow): Record<SitrepTextField, Figure[]> {
  const f = summaryFacts(record);
  const needs = (w: keyof typeof NEEDS_WINDOWS): Figure[] =>
    needsDue(record, NEEDS_WINDOWS[w][0], NEEDS_WINDOWS[w][1]).map((r) => ({ label: r.number, value: `${r.priority.toLowerCase()}, ${r.status.toLowerCase()}` }));
  return {
    summary: [
      { label: 'Facilities reporting', value: `${f.reporting} of ${f.members}` },
      ...f.conditions.map((c) => ({ label: c.w, value: `${c.list.length}${c.list.length ? ` (${c.list.join(', ')})` : ''}`, short: String(c.list.length) })),
      ...f.beds.map((b) => ({ label: `${b.label} available`, value: b.figure })),
      { label: 'Stale', value: String(f.stale) },
      { label: 'Overdue', value: String(f.overdue) },
    ],
    needs12h: needs('needs12h'),
    needs24h: needs('needs24h'),
    needs48h: needs('needs48h'),
    needs72h: needs('needs72h'),
    objectivesNext: objectivesText(db, period).map((text, i) => ({ label: `Objective ${i + 1}`, value: text.replace(/^\d+\. /, '') })),
  };
}

/**
 * What changed between two sets of figures, in words: "On diversion 1 → 4",
 * "WS1-RR-0005 no longer listed (was urgent, ordered)", "WS1-RR-0012 now listed (urgent, submitted)".
 */
export function changesBetween(before: Figure[], after: Figure[]): string[] {
  const was = new Map(before.map((x) => [x.label, x]));
  const now = new Map(after.map((x) => [x.label, x]));
  const out: string[] = [];
  for (const b of before) {
    const a = now.get(b.label);
    if (!a) out.push(`${b.label} no longer listed (was ${b.value})`);
    else if (a.value !== b.value) {
      const shortChanged = a.short !== undefined && b.short !== undefined && a.short !== b.short;
      out.push(shortChanged ? `${b.label} ${b.short} → ${a.short}` : `${b.label} ${b.value} → ${a.value}`);
    }
  }
  for (const a of after) if (!was.has(a.label)) out.push(`${a.label} now listed (${a.value})`);
  return out;
}

/**
 * A text's basis as stored, or, on a report drafted before bases were kept, as it can be
 * told from the report: written against the record it holds, edited when it is not what the
 * console drafts from that record.
 */
export function basisOf(db: Db, row: SitrepRow, field: SitrepTextField, period: PeriodRow, record = JSON.parse(row.record) as SitrepRecord): Basis {
  const stored = row[basisColumn(field)];
  if (stored) return JSON.parse(stored) as Basis;
  return { asOf: record.asOf, edited: row[TEXT_COLUMNS[field]] !== prefill(db, record, period)[field], figures: figuresOf(db, record, period)[field] };
}

/** Edited texts whose figures have changed since they were written: approval waits for each. */
export function textChecks(db: Db, row: SitrepRow, period: PeriodRow): SitrepTextCheck[] {
  const record = JSON.parse(row.record) as SitrepRecord;
  let now: ReturnType<typeof figuresOf> | undefined;
  let draft: ReturnType<typeof prefill> | undefined;
  const checks: SitrepTextCheck[] = [];
  for (const field of SITREP_TEXT_FIELDS) {
    const b = basisOf(db, row, field, period, record);
    if (!b.edited) continue;
    const changes = changesBetween(b.figures, (now ??= figuresOf(db, record, period))[field]);
    if (changes.length) checks.push({ field, writtenAgainst: b.asOf, changes, redraft: (draft ??= prefill(db, record, period))[field] });
  }
  return checks;
}

export const basisJson = (b: Basis): string => JSON.stringify(b);
