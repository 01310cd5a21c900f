/**
 * Wall-clock times typed by operators are in the coalition's zone, whatever the
 * workstation's own zone is. No date library is in the bundle, so the offset comes from
 * Intl: the one source that knows the zone's daylight-saving rules.
 */

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of `ms` in the zone. */
export function wallClock(ms: number, timeZone: string) {
  const parts = zoneFormatter(timeZone).formatToParts(new Date(ms));
  const get = (t: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** Milliseconds the zone is ahead of UTC at `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** UTC ms of a wall-clock time in the zone (the later reading when a DST change repeats it). */
export function fromWallClock(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return second;
}

export type ParsedTime = { ok: true; ms: number } | { ok: false; error: string };

const HM = /^(\d{1,2}):?(\d{2})$/;
const FULL = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):?(\d{2})$/;

/**
 * Reads "14:32", "1432" (today, or yesterday when that would be in the future) or
 * "2025-06-12 14:32", all 24-hour, in the coalition's zone.
 */
export function parseWallTime(input: string, timeZone: string, now: number, allowFuture = false): ParsedTime {
  const s = input.trim();
  const hm = HM.exec(s);
  const full = FULL.exec(s);
  if (!hm && !full) return { ok: false, error: 'Type the time as 24-hour HH:MM, or YYYY-MM-DD HH:MM' };
  const [h, m] = hm ? [Number(hm[1]), Number(hm[2])] : [Number(full![4]), Number(full![5])];
  if (h > 23 || m > 59) return { ok: false, error: 'Hours go from 00 to 23 and minutes from 00 to 59' };
  if (full) {
    const [y, mo, d] = [Number(full[1]), Number(full[2]), Number(full[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return { ok: false, error: 'That date does not exist' };
    return { ok: true, ms: fromWallClock(y, mo, d, h, m, timeZone) };
  }
  const today = wallClock(now, timeZone);
  let ms = fromWallClock(today.year, today.month, today.day, h, m, timeZone);
  // A bare time later than now means the operator is transcribing last night's paper log.
  if (!allowFuture && ms > now + 5 * 60_000) {
    const y = wallClock(ms - 24 * 3_600_000, timeZone);
    ms = fromWallClock(y.year, y.month, y.day, h, m, timeZone);
  }
  return { ok: true, ms };
}

/** "2025-06-12 14:32" in the zone: the form the parser reads back. */
export function toWallText(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}`;
}
