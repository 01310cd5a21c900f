import { zoneAbbreviation } from '../../../lib/format';

/**
 * The coalition's zone, not the workstation's, is the zone of every time an operator types:
 * a laptop set to another zone must not shift a requested arrival by hours.
 * Inputs use the `datetime-local` form "YYYY-MM-DDTHH:mm", read as a wall clock in `timeZone`.
 */
function offsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** "2026-11-25T14:30" in the zone → UTC ms; null when empty or not a time. */
export function wallClockToEpoch(value: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // Two passes settle the offset either side of a daylight-saving change.
  let t = asUtc - offsetMs(asUtc, timeZone);
  t = asUtc - offsetMs(t, timeZone);
  return t;
}

/** UTC ms → "YYYY-MM-DDTHH:mm" on the zone's wall clock, for an input's value. */
export function epochToWallClock(ms: number, timeZone: string): string {
  const local = new Date(ms + offsetMs(ms, timeZone));
  return local.toISOString().slice(0, 16);
}

/** The label suffix that says which zone a typed time is in: "(EST)". */
export function zoneSuffix(timeZone: string, at = Date.now()): string {
  return `(${zoneAbbreviation(at, timeZone)})`;
}
