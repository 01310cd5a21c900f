import { zoneAbbreviation } from '../../../lib/format';

/**
 * The coalition's zone, not the workstation's, is the zone of every time an operator types:
 * a laptop set to another zone must not shift a requested arrival by hours.
 * Times are typed as text, 24-hour ("2026-11-25 14:30"): the browser's own date-time
 * picker follows the workstation's locale and may show AM/PM.
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

/**
 * What an operator types → UTC ms; null when empty or not a time. Accepts
 * "2026-11-25 14:30" (or with "T"), and "14:30" / "1430" for today on the coalition's clock.
 */
export function wallClockToEpoch(value: string, timeZone: string, now = Date.now()): number | null {
  const v = value.trim();
  const short = /^(\d{1,2}):?(\d{2})$/.exec(v);
  const full = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})$/.exec(v);
  let parts: number[];
  if (full) parts = full.slice(1).map(Number);
  else if (short) parts = [...epochToWallClock(now, timeZone).slice(0, 10).split('-').map(Number), Number(short[1]), Number(short[2])];
  else return null;
  const [y, mo, d, h, mi] = parts as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(asUtc).getUTCDate() !== d) return null;
  // Two passes settle the offset either side of a daylight-saving change.
  let t = asUtc - offsetMs(asUtc, timeZone);
  t = asUtc - offsetMs(t, timeZone);
  return t;
}

/** UTC ms → "YYYY-MM-DD HH:mm" (24-hour) on the zone's wall clock, for an input's value. */
export function epochToWallClock(ms: number, timeZone: string): string {
  const local = new Date(ms + offsetMs(ms, timeZone));
  return local.toISOString().slice(0, 16).replace('T', ' ');
}

/** The label suffix that says which zone a typed time is in: "(EST)". */
export function zoneSuffix(timeZone: string, at = Date.now()): string {
  return `(${zoneAbbreviation(at, timeZone)})`;
}
