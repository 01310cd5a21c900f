import type { Db } from '../../db/open';
import { getCoalition } from '../setup/queries';

/**
 * Times in messages and on printed forms: 24-hour local time of the coalition (the
 * forms' convention), with the zone named so a reader elsewhere is not misled.
 */
export function coalitionTimeZone(db: Db): string {
  return getCoalition(db)?.timeZone ?? 'UTC';
}

export function formatLocal(ms: number, timeZone: string, withZone = true): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(withZone ? { timeZoneName: 'short' } : {}),
  }).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const base = `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
  return withZone ? `${base} ${get('timeZoneName')}` : base;
}

/** A formatter bound to the coalition's zone, for error messages. */
export function timeFormatter(db: Db): (ms: number) => string {
  const tz = coalitionTimeZone(db);
  return (ms) => formatLocal(ms, tz);
}
