/**
 * Wall-clock time in the coalition's zone. Every time an operator types or reads is the
 * coalition's local 24-hour time, whatever zone the workstation itself is set to: a laptop
 * brought from another state must not shift a radio message or a requested arrival by hours.
 * No date library is needed: Intl is the one source that knows each zone's daylight-saving
 * rules, and it is in Node and every browser. One module, used by the renderer (typing and
 * showing times) and the backend (forms, exports, error messages), so both agree.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, key: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `${timeZone}|${key}`;
  let f = formatters.get(k);
  if (!f) {
    // en-US: the only locale that gives US readers "EST"/"EDT" rather than "GMT-5".
    f = new Intl.DateTimeFormat('en-US', { timeZone, ...opts });
    formatters.set(k, f);
  }
  return f;
}

const FIELDS: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
};

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock fields of `ms` in the zone. */
export function wallClock(ms: number, timeZone: string): WallClock {
  const parts = formatter(timeZone, 'fields', FIELDS).formatToParts(new Date(ms));
  const get = (t: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** Milliseconds the zone is ahead of UTC at `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

/**
 * UTC ms of a wall-clock time in the zone. Two passes settle the offset either side of a
 * daylight-saving change; a time in the hour the clocks repeat is its first reading, and a
 * time in the hour they skip lands after the change (as Temporal's "compatible" does).
 */
export function fromWallClock(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  const reads = (ms: number) => {
    const w = wallClock(ms, timeZone);
    return w.year === year && w.month === month && w.day === day && w.hour === hour && w.minute === minute;
  };
  if (reads(second)) return second;
  if (reads(first)) return first;
  // A time the clocks skip (spring forward): the moment as far after the change as the
  // typed time is after its start, as clocks that had not been changed would read it.
  return Math.max(first, second);
}

/** "EST", "EDT" (or "GMT+1" where a zone has no abbreviation in US English). */
export function zoneAbbreviation(ms: number, timeZone: string): string {
  const parts = formatter(timeZone, 'zone', { timeZoneName: 'short' }).formatToParts(new Date(ms));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-25 14:32" in the zone: the form the parser reads back, for a field's value. */
export function toWallText(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** "2026-11-25 14:32 EST": how forms, exports and messages print a time. */
export function formatWallTime(ms: number, timeZone: string, withZone = true): string {
  const text = toWallText(ms, timeZone);
  return withZone ? `${text} ${zoneAbbreviation(ms, timeZone)}` : text;
}

/** "2026-11-25 19:32Z". */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`;
}

export type ParsedTime = { ok: true; ms: number } | { ok: false; error: string };

const HM = /^(\d{1,2}):?(\d{2})$/;
const FULL = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):?(\d{2})$/;
/** "+30", "+30m", "+30 min", "+1h", "+2h30", "+2h30m", "+2 h 30 min": a time from now. */
const FROM_NOW = /^\+\s*(?:(\d{1,3})\s*h\s*(?:(\d{1,2})\s*(?:m|min)?)?|(\d{1,5})\s*(?:m|min)?)$/i;

/** The furthest ahead a time from now may be typed: beyond a week, the date says it better. */
const FROM_NOW_MAX_MIN = 7 * 24 * 60;

/** How long a bare "HH:MM" may lie ahead of now and still mean today (clocks differ a little). */
const BARE_TIME_GRACE_MS = 5 * 60_000;

/**
 * How a bare "HH:MM" (no date) is read, by what the field is about:
 * - `past`: when something happened. A time later than now is yesterday's: the operator is
 *   transcribing last night's paper log.
 * - `today`: always today, where either side of now makes sense (a period's start or end).
 * - `later`: something ahead (an expiry, an ETA, a deadline). A time earlier than now is
 *   tomorrow's: at 17:29 a diversion "until 14:00" ends tomorrow afternoon, and at 23:30
 *   an ETA of "01:00" is in an hour and a half, not a day ago.
 * A time within a few minutes of now keeps today's reading either way (clocks differ a little).
 */
export type TimeReading = 'past' | 'today' | 'later';

/** The calendar day `days` after the wall-clock date (not 24-hour steps: a day next to a daylight-saving change is 23 or 25 hours). */
function dayAfter(w: { year: number; month: number; day: number }, days: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Minutes from now of "+30", "+90", "+1h", "+2h30" (see FROM_NOW); null when the text is not
 * of that form, or a reason in words when it is but cannot be read.
 */
function minutesFromNow(s: string): number | { error: string } | null {
  const m = FROM_NOW.exec(s);
  if (!m) return null;
  const minutes = m[3] !== undefined ? Number(m[3]) : Number(m[1]) * 60 + Number(m[2] ?? 0);
  if (m[2] !== undefined && Number(m[2]) > 59) return { error: 'After the hours, minutes go from 00 to 59: +2h30' };
  if (minutes < 1) return { error: 'A time from now is at least +1 (one minute)' };
  if (minutes > FROM_NOW_MAX_MIN) return { error: 'A time from now is at most a week ahead: type the date, YYYY-MM-DD HH:MM' };
  return minutes;
}

/**
 * Reads what an operator typed, all 24-hour in the coalition's zone: "14:32" or "1432"
 * (a bare time, read by `reading`: see TimeReading), or "2026-11-25 14:32" (with a space or
 * a "T"), which is exactly that whatever the reading.
 * For something ahead (`later`) it also reads a time from now: "+30" or "+30m" (minutes),
 * "+90", "+1h", "+2h30": that long after the current minute (seconds dropped; counted again
 * when saved, so a save in a later minute keeps the "from now"). Elapsed time, so across a daylight-saving change
 * "+1h" is one hour of real time, whatever the clocks do. Not for when something happened.
 */
export function parseWallTime(input: string, timeZone: string, now: number, reading: TimeReading = 'past'): ParsedTime {
  const s = input.trim();
  const ahead = minutesFromNow(s);
  if (ahead !== null) {
    if (reading !== 'later') return { ok: false, error: 'A time from now (+30) is only for what lies ahead: type the time as 24-hour HH:MM, or YYYY-MM-DD HH:MM' };
    if (typeof ahead !== 'number') return { ok: false, error: ahead.error };
    return { ok: true, ms: Math.floor(now / 60_000) * 60_000 + ahead * 60_000 };
  }
  const hm = HM.exec(s);
  const full = FULL.exec(s);
  if (!hm && !full) return { ok: false, error: reading === 'later' ? 'Type the time as 24-hour HH:MM, YYYY-MM-DD HH:MM, or +30 for 30 minutes from now' : 'Type the time as 24-hour HH:MM, or YYYY-MM-DD HH:MM' };
  const [h, m] = hm ? [Number(hm[1]), Number(hm[2])] : [Number(full![4]), Number(full![5])];
  if (h > 23 || m > 59) return { ok: false, error: 'Hours go from 00 to 23 and minutes from 00 to 59' };
  if (full) {
    const [y, mo, d] = [Number(full[1]), Number(full[2]), Number(full[3])];
    const probe = new Date(Date.UTC(y, mo - 1, d));
    if (mo < 1 || mo > 12 || d < 1 || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return { ok: false, error: 'That date does not exist' };
    return { ok: true, ms: fromWallClock(y, mo, d, h, m, timeZone) };
  }
  const today = wallClock(now, timeZone);
  const on = (day: { year: number; month: number; day: number }) => fromWallClock(day.year, day.month, day.day, h, m, timeZone);
  let ms = on(today);
  if (reading === 'past' && ms > now + BARE_TIME_GRACE_MS) ms = on(dayAfter(today, -1));
  else if (reading === 'later' && ms < now - BARE_TIME_GRACE_MS) ms = on(dayAfter(today, 1));
  return { ok: true, ms };
}

/** "45 min", "1 h", "2 h 30 min". */
function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ');
}

/**
 * For a bare time typed (no date), the full date and time it was read as, with the day in
 * words: "2026-12-07 14:00 EST, tomorrow"; for a time from now, also how far ahead:
 * "2026-12-07 15:02 EST, today, in 30 min". Shown under the field before it is saved, so
 * nobody has to guess which day "14:00" or which clock time "+30" became. Null for a full
 * date (it says its own day), for empty text and for text that is not a time.
 */
export function understoodAs(input: string, timeZone: string, now: number, reading: TimeReading): string | null {
  const s = input.trim();
  const ahead = minutesFromNow(s);
  if (!HM.test(s) && typeof ahead !== 'number') return null;
  const r = parseWallTime(input, timeZone, now, reading);
  if (!r.ok) return null;
  const a = wallClock(r.ms, timeZone);
  const b = wallClock(now, timeZone);
  const days = Math.round((Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day)) / 86_400_000);
  const word = days === 0 ? 'today' : days === 1 ? 'tomorrow' : days === -1 ? 'yesterday' : null;
  return `${formatWallTime(r.ms, timeZone)}${word ? `, ${word}` : ''}${typeof ahead === 'number' ? `, in ${duration(ahead)}` : ''}`;
}

/** The instant typed, or null when the text is empty or not a time (see parseWallTime). */
export function wallTimeMs(input: string, timeZone: string, reading: TimeReading = 'today', now = Date.now()): number | null {
  if (!input.trim()) return null;
  const r = parseWallTime(input, timeZone, now, reading);
  return r.ok ? r.ms : null;
}

/** Why the text typed is not a time, in words (the parser's own reason), or null when it is one or is empty. */
export function wallTimeProblem(input: string, timeZone: string, reading: TimeReading, now = Date.now()): string | null {
  if (!input.trim()) return null;
  const r = parseWallTime(input, timeZone, now, reading);
  return r.ok ? null : r.error;
}
