import { wallClock, zoneAbbreviation } from '../../../shared/domain/wall-time';

const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, key: string, opts: Intl.DateTimeFormatOptions, locale = 'en-GB'): Intl.DateTimeFormat {
  const k = `${locale}|${timeZone}|${key}`;
  let f = partsCache.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, ...opts });
    partsCache.set(k, f);
  }
  return f;
}

export { zoneAbbreviation };

/** The label suffix that says which zone a typed time is in: "(EST)". */
export function zoneSuffix(timeZone: string, at = Date.now()): string {
  return `(${zoneAbbreviation(at, timeZone)})`;
}

/** Day, month, year and 24-hour time in a zone, as separate pieces. */
export function localParts(ms: number, timeZone: string) {
  const parts = formatter(timeZone, 'full', {
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  return {
    date: `${get('day')} ${get('month')} ${get('year')}`,
    hm: `${get('hour')}:${get('minute')}`,
    hms: `${get('hour')}:${get('minute')}:${get('second')}`,
    zone: zoneAbbreviation(ms, timeZone),
  };
}

/** 24-hour local time with the zone's abbreviation: how every time is shown. */
export function formatDateTime(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${p.date} ${p.hm} ${p.zone}`;
}

/** "1 facility", "3 facilities": a count with its noun in the right number. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** "3 min ago", "2 h 5 min ago": ages an operator can read at a glance. */
export function formatAge(ms: number, now = Date.now()): string {
  const min = Math.max(0, Math.floor((now - ms) / 60_000));
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ${min % 60} min ago`;
  return `${Math.floor(h / 24)} days ago`;
}

/**
 * A calendar date typed as everywhere else in the console, YYYY-MM-DD (the browser's own
 * date field shows mm/dd/yyyy on a US workstation). Returns the problem in words, or null.
 */
export function isoDateProblem(v: string, label: string, required: boolean): string | null {
  const s = v.trim();
  if (!s) return required ? `${label} is required` : null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return `Type the ${label.toLowerCase()} as YYYY-MM-DD, e.g. 2026-11-25`;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s ? null : `${s} is not a calendar date`;
}

/**
 * When a change is counted from, as read on the wall: the time alone today, "yesterday
 * 08:15" (the change over 24 hours is counted from yesterday's clock), else the date.
 */
export function sinceWhen(ms: number, timeZone: string, now: number): string {
  const at = wallClock(ms, timeZone);
  const today = wallClock(now, timeZone);
  const hm = localParts(ms, timeZone).hm;
  // Calendar days, not 24 hours back: a day of a daylight-saving change is 23 or 25 hours long.
  const days = (Date.UTC(today.year, today.month - 1, today.day) - Date.UTC(at.year, at.month - 1, at.day)) / 86_400_000;
  if (days === 0) return hm;
  if (days === 1) return `yesterday ${hm}`;
  return `${localParts(ms, timeZone).date} ${hm}`;
}

/** Hyphens that do not break the line ("DEMO-EOC-1", "Negative-pressure"): a name is read whole or wraps between words. */
export function keepHyphens(s: string): string {
  return s.replace(/-/g, '\u2011');
}
