/**
 * Pure rules of an incident's record: operational periods, entry sources and the
 * transcription mark. Shared so the renderer can warn before the backend refuses.
 */

/** Where an entry came from. Anything but `direct` was transcribed from another medium. */
export const ENTRY_SOURCES = ['direct', 'radio', 'phone', 'paper', 'email', 'in_person', 'other'] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

/** Categories offered for ICS 214 entries; a coalition may type its own. */
export const DEFAULT_CATEGORIES = [
  'General',
  'Situation',
  'Task assignment',
  'Task completion',
  'Resource',
  'Communications',
  'Patient movement',
  'Facility status',
  'Staffing',
  'Safety',
  'Difficulty',
] as const;

/** Categories the console itself writes when a message or decision is linked into a log. */
export const LINKED_CATEGORIES = { message: 'Message', decision: 'Decision' } as const;

/**
 * An entry whose time is this much earlier than when it was recorded is a late or
 * transcribed entry, and is marked so even when typed by the person who did it.
 */
export const LATE_ENTRY_MS = 60_000;

/** Clocks drift between workstations; a time later than this ahead of now is a typing error. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Record times are stored as the timeline key occurred_at * 2^20 + n (chronological and
 * unique), which must stay below 2^63: times up to the year 2200 are accepted.
 */
export const MAX_RECORD_TIME = Date.UTC(2200, 0, 1);

export function isTranscribed(source: EntrySource, occurredAt: number, recordedAt: number): boolean {
  return source !== 'direct' || recordedAt - occurredAt > LATE_ENTRY_MS;
}

export interface PeriodSpan {
  readonly id: string;
  readonly number: number;
  readonly startsAt: number;
  readonly endsAt: number;
}

/** The first existing period that shares any time with [startsAt, endsAt), or null. */
export function overlappingPeriod<P extends PeriodSpan>(
  periods: readonly P[],
  startsAt: number,
  endsAt: number,
  ignoreId?: string,
): P | null {
  return periods.find((p) => p.id !== ignoreId && p.startsAt < endsAt && startsAt < p.endsAt) ?? null;
}

/** The period whose span holds `at`, or null. */
export function periodAt<P extends PeriodSpan>(periods: readonly P[], at: number): P | null {
  return periods.find((p) => p.startsAt <= at && at < p.endsAt) ?? null;
}
