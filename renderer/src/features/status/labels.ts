import type { Tone } from '../../components/StatusBadge';
import type { StatusRequestSummary } from '../../../../shared/contract';
import { onTimeKnown, type Severity, type Staleness } from '../../../../shared/domain/status-rules';
import { formatDateTime, localParts } from '../../lib/format';

export const SEVERITY_TONE: Readonly<Record<Severity, Tone>> = { critical: 'bad', warning: 'warn', advisory: 'info', normal: 'good', unknown: 'neutral' };
export const STALENESS_TONE: Readonly<Record<Staleness, Tone>> = { CURRENT: 'neutral', STALE: 'warn', OVERDUE: 'bad' };

type Request = Pick<StatusRequestSummary, 'deadline' | 'figures'>;

/** A deadline ahead as the screens say it: the time alone within the next 24 hours (it can name no other), else date and time. */
export function dueWords(deadline: number, now: number, timeZone: string): string {
  const p = localParts(deadline, timeZone);
  return deadline >= now && deadline - now < 24 * 3_600_000 ? `${p.hm} ${p.zone}` : formatDateTime(deadline, timeZone);
}

/** The on-time share (HPP J.1) once known, else null: before the deadline it would read "0%" for answers not yet due. */
export function onTimeShareWords(r: Request, now: number): string | null {
  if (!onTimeKnown(r.figures, r.deadline, now)) return null;
  return r.figures.onTimeShare === null ? '—' : `${Math.round(r.figures.onTimeShare * 100)}%`;
}

/** "3 of 5 answered · due 10:30 EST" before the deadline, "3 of 5 answered · 60% on time" after it. */
export function requestProgress(r: Request, now: number, timeZone: string): string {
  const answered = `${r.figures.answered} of ${r.figures.asked} answered`;
  const share = onTimeShareWords(r, now);
  return share === null ? `${answered} · due ${dueWords(r.deadline, now, timeZone)}` : `${answered} · ${share} on time`;
}
