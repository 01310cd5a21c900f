import { PRIORITY_LABELS, type Priority, type RequestStatus, STATUS_LABELS } from './request-state';

/**
 * When a request is overdue, so the board can say so in words. Three rules:
 *  1. the coalition has sat on it too long in a step it owns (limits by priority, close to
 *     the California Op-Area 213RR's High 0-4 h / Medium 5-12 h / Low 12+ h windows);
 *  2. the requested arrival time (block 4) has passed and nothing has arrived;
 *  3. it is en route and its ETA has passed.
 * The backend runs the same rules in SQL for filtering; these are the source of truth.
 */
export const WAITING_STATUSES: readonly RequestStatus[] = ['submitted', 'resource_check', 'sourcing', 'finance_review', 'ordered'];
export const UNDELIVERED_STATUSES: readonly RequestStatus[] = [...WAITING_STATUSES, 'en_route'];

const HOUR = 3_600_000;
export const STEP_LIMIT_MS: Readonly<Record<Priority, number>> = { urgent: 1 * HOUR, routine: 4 * HOUR, low: 12 * HOUR };

export interface AgingInput {
  readonly status: RequestStatus;
  readonly priority: Priority;
  readonly statusSince: number;
  readonly requestedArrival: number | null;
  readonly eta: number | null;
}

export function formatDuration(ms: number): string {
  const m = Math.max(0, Math.floor(ms / 60_000));
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** A sentence saying why the request is overdue, or null. */
export function overdueReason(r: AgingInput, now: number): string | null {
  if (r.status === 'en_route' && r.eta !== null && r.eta < now) {
    return `ETA passed ${formatDuration(now - r.eta)} ago and receipt is not confirmed`;
  }
  if (UNDELIVERED_STATUSES.includes(r.status) && r.requestedArrival !== null && r.requestedArrival < now) {
    return `Requested arrival passed ${formatDuration(now - r.requestedArrival)} ago`;
  }
  const limit = STEP_LIMIT_MS[r.priority];
  if (WAITING_STATUSES.includes(r.status) && now - r.statusSince > limit) {
    return `${formatDuration(now - r.statusSince)} in "${STATUS_LABELS[r.status]}"; ${PRIORITY_LABELS[r.priority].toLowerCase()} requests should move within ${formatDuration(limit)}`;
  }
  return null;
}

/** Status words shown beside colour on the board. */
export function flagsOf(r: AgingInput, now: number): ('URGENT' | 'OVERDUE')[] {
  const flags: ('URGENT' | 'OVERDUE')[] = [];
  if (r.priority === 'urgent') flags.push('URGENT');
  if (overdueReason(r, now)) flags.push('OVERDUE');
  return flags;
}
