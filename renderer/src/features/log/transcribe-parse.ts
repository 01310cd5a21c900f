import { FUTURE_TOLERANCE_MS } from '../../../../shared/domain/incident-rules';
import { formatWallTime, fromWallClock, parseWallTime, toWallText, wallClock } from '../../../../shared/domain/wall-time';

/**
 * Reads a paper ICS 214 or radio log typed line by line into entries for `log.import`.
 * Pure: the modal shows what this returns, and records only what it returns.
 *
 *   21:40 EOC phone line down, running on radio
 *   2215 Situation: Mercy on generator, 42 inpatients
 *     sheltering in place until morning        ← a leading space continues the entry above
 *   2026-11-24 23:05 Resource: 3 ambulances staged at the north lot
 *
 * A radio or phone log names who spoke: with `heardFrom` on, a prefix that is not a category
 * is the station or person ("14:02 Medic 12: en route", "14:05 Situation: Baystate ED: on
 * diversion"), kept apart from what they said.
 */

/** What `log.import` takes in one call (all or nothing). */
export const MAX_ENTRIES = 1000;
/** What one entry's text may hold (the contract's "Entry text"). */
export const MAX_TEXT = 4000;

export interface TranscribedEntry {
  occurredAt: number;
  category: string;
  text: string;
  /** The station or person heard (radio and phone logs); absent when none was named. */
  heardFrom?: string;
}

export type TranscribedLine =
  | {
      ok: true;
      /** The line the entry starts on (1-based, as the operator counts them). */
      line: number;
      entry: TranscribedEntry;
      /** False when the entry takes the default category. */
      categoryTyped: boolean;
      /** Allowed but worth a look: earlier than the entry above. */
      warning: string | null;
    }
  | { ok: false; line: number; error: string; typed: string };

export interface Transcription {
  /** One row per entry or bad line, in typed order; blank and continuation lines fold in. */
  lines: TranscribedLine[];
  /** What `log.import` gets, in typed order. */
  entries: TranscribedEntry[];
  /** The line each entry starts on, by the entry's index: backend errors name the index. */
  entryLines: number[];
  errors: number;
  warnings: number;
  /** Set when the whole text cannot be recorded at once, whatever its lines. */
  tooMany: string | null;
  /** Every line reads as an entry, there is at least one, and not too many. */
  ready: boolean;
}

export interface TranscribeOptions {
  timeZone: string;
  now: number;
  /** Known categories: a line's "Category:" prefix is one of these, in any case. */
  categories: readonly string[];
  defaultCategory: string;
  /** Read a prefix that is not a category as who the entry was heard from (radio, phone). */
  heardFrom?: boolean;
}

/** The longest name a station prefix may have (the contract's "Heard from"). */
const MAX_FROM = 80;

/** "2026-11-25 14:30" (or with a T), "14:30", "9:30", "1430": then a space or the end. */
const STAMP = /^(\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:?\d{2}|\d{1,2}:\d{2}|\d{4})(?:\s+|$)/;
const DATE_ONLY = /^\d{4}-\d{1,2}-\d{1,2}(?:\s|$)/;
const PREFIX = /^([^:]{1,60}):\s*/;

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function parseTranscription(input: string, o: TranscribeOptions): Transcription {
  const known = new Map(o.categories.map((c) => [c.toLowerCase(), c]));
  const lines: TranscribedLine[] = [];
  const fail = (line: number, typed: string, why: string) =>
    lines.push({ ok: false, line, typed, error: `Line ${line}: ${why}` });
  const bareTimes = new Map<TranscribedLine, WallTime>();

  input.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    if (/^[ \t]/.test(raw)) {
      // Paper logs wrap: an indented line is more of the entry above.
      const last = lines.at(-1);
      if (!last)
        fail(
          line,
          raw,
          'a line that starts with a space continues the entry above, and there is none: start it with the time',
        );
      else if (last.ok) last.entry.text = `${last.entry.text} ${raw.trim()}`;
      // Under a bad line it belongs to that line, whose error already says what to fix.
      return;
    }
    const stamp = STAMP.exec(raw);
    if (!stamp) {
      fail(
        line,
        raw,
        DATE_ONLY.test(raw)
          ? 'after the date, type the time as 24-hour HH:MM'
          : 'type the time first, as 24-hour HH:MM',
      );
      return;
    }
    const time = parseWallTime(stamp[1]!, o.timeZone, o.now);
    if (!time.ok) {
      fail(line, raw, `${stamp[1]} is not a time: ${lowerFirst(time.error)}`);
      return;
    }
    // A time without its date is placed by its neighbours below (see placeBareTimes).
    const digits = stamp[1]!.includes('-') ? null : stamp[1]!.replace(':', '');
    const bare = digits ? { hour: Number(digits.slice(0, -2)), minute: Number(digits.slice(-2)) } : null;
    let rest = raw.slice(stamp[0].length).trim();
    let category = o.defaultCategory;
    let named: string | undefined;
    let heardFrom: string | undefined;
    // A category and, in a radio or phone log, a station: in either order, each at most once.
    for (let prefix = PREFIX.exec(rest); prefix; prefix = PREFIX.exec(rest)) {
      const word = prefix[1]!.trim();
      const asCategory = named ? undefined : known.get(word.toLowerCase());
      if (asCategory) named = category = asCategory;
      else if (o.heardFrom && !heardFrom && word && word.length <= MAX_FROM) heardFrom = word;
      else break;
      rest = rest.slice(prefix[0].length);
    }
    if (!rest) {
      fail(
        line,
        raw,
        heardFrom
          ? `type what ${heardFrom} said after “${heardFrom}:”`
          : named
            ? `type what happened after “${named}:”`
            : 'type what happened after the time',
      );
      return;
    }
    lines.push({
      ok: true,
      line,
      entry: { occurredAt: time.ms, category, text: rest, ...(heardFrom ? { heardFrom } : {}) },
      categoryTyped: !!named,
      warning: null,
    });
    if (bare) bareTimes.set(lines.at(-1)!, bare);
  });
  placeBareTimes(lines, bareTimes, o);

  // Checked once continuation lines have joined their entry.
  let previous: Extract<TranscribedLine, { ok: true }> | null = null;
  const checked = lines.map((l): TranscribedLine => {
    if (!l.ok) return l;
    if (l.entry.occurredAt > o.now + FUTURE_TOLERANCE_MS) {
      return {
        ok: false,
        line: l.line,
        typed: l.entry.text,
        error: `Line ${l.line}: ${formatWallTime(l.entry.occurredAt, o.timeZone)} is in the future; it is now ${formatWallTime(o.now, o.timeZone)}. Check the date`,
      };
    }
    if (l.entry.text.length > MAX_TEXT) {
      return {
        ok: false,
        line: l.line,
        typed: l.entry.text,
        error: `Line ${l.line}: the entry is ${count(l.entry.text.length, 'character', 'characters')} long; one entry holds at most ${MAX_TEXT.toLocaleString('en-US')}. Split it into two lines with their time`,
      };
    }
    if (previous && l.entry.occurredAt < previous.entry.occurredAt) {
      l.warning = `Line ${l.line}: ${when(l.entry.occurredAt, previous.entry.occurredAt, o.timeZone)} is earlier than line ${previous.line} (${when(previous.entry.occurredAt, l.entry.occurredAt, o.timeZone)}); kept as typed, the log sorts by time`;
    }
    previous = l;
    return l;
  });

  const ok = checked.filter((l) => l.ok);
  const errors = checked.length - ok.length;
  const tooMany =
    ok.length > MAX_ENTRIES
      ? `${count(ok.length, 'entry', 'entries')}: record at most ${MAX_ENTRIES.toLocaleString('en-US')} at a time. Split the log and record the rest next`
      : null;
  return {
    lines: checked,
    entries: ok.map((l) => ({ ...l.entry })),
    entryLines: ok.map((l) => l.line),
    errors,
    warnings: ok.filter((l) => l.warning).length,
    tooMany,
    ready: ok.length > 0 && errors === 0 && !tooMany,
  };
}

interface WallTime {
  hour: number;
  minute: number;
}

/** How far past now a bare time may fall and still be today's (clocks differ a little). */
const BARE_GRACE_MS = 5 * 60_000;
const DAY = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** `t` on the calendar day `days` after the day `ref` falls on, in the zone. */
function onDayOf(ref: number, days: number, t: WallTime, timeZone: string): number {
  const w = wallClock(ref, timeZone);
  const d = DAY(w.year, w.month, w.day + days);
  return fromWallClock(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), t.hour, t.minute, timeZone);
}

/**
 * A paper log runs in time order and says the date only now and then: "22:00", then "02:00"
 * is the next morning, not the morning before. Each time without a date goes on the day
 * (before, same or after) that puts it nearest the latest time above it; the lines before
 * the first dated one are then moved by whole days so the latest of them is the last time
 * that is not in the future. A line remembered late ("21:40" under "22:15") stays on the
 * same day and is flagged as out of order.
 */
function placeBareTimes(lines: TranscribedLine[], bare: Map<TranscribedLine, WallTime>, o: TranscribeOptions): void {
  const nearest = (t: WallTime, latest: number, notAfter: number | null) => {
    const options = [-1, 0, 1].map((d) => onDayOf(latest, d, t, o.timeZone));
    const allowed = notAfter === null ? options : options.filter((ms) => ms <= notAfter);
    return (allowed.length ? allowed : options).reduce((a, b) => (Math.abs(b - latest) < Math.abs(a - latest) ? b : a));
  };
  const ok = lines.filter((l): l is Extract<TranscribedLine, { ok: true }> => l.ok);
  const firstDated = ok.findIndex((l) => !bare.has(l));
  const leading = firstDated === -1 ? ok : ok.slice(0, firstDated);
  // The lines before any date: placed among themselves from today, then moved as a block.
  let latest: number | null = null;
  for (const l of leading) {
    const t = bare.get(l)!;
    l.entry.occurredAt = latest === null ? onDayOf(o.now, 0, t, o.timeZone) : nearest(t, latest, null);
    latest = Math.max(latest ?? l.entry.occurredAt, l.entry.occurredAt);
  }
  if (latest !== null) {
    const limit = o.now + BARE_GRACE_MS;
    let shift = 0;
    const moved = (ms: number, days: number) => onDayOf(ms, days, wallClock(ms, o.timeZone), o.timeZone);
    while (moved(latest, shift) > limit && shift > -3660) shift--;
    while (moved(latest, shift + 1) <= limit && shift < 3660) shift++;
    if (shift) for (const l of leading) l.entry.occurredAt = moved(l.entry.occurredAt, shift);
  }
  // The rest: each near the latest time above it, and not in the future where it can help it.
  latest = leading.length ? Math.max(...leading.map((l) => l.entry.occurredAt)) : null;
  for (const l of firstDated === -1 ? [] : ok.slice(firstDated)) {
    const t = bare.get(l);
    if (t && latest !== null) l.entry.occurredAt = nearest(t, latest, o.now + FUTURE_TOLERANCE_MS);
    latest = Math.max(latest ?? l.entry.occurredAt, l.entry.occurredAt);
  }
}

/** "22:15", or "2026-11-24 22:15" when the other time is on another day. */
function when(ms: number, other: number, timeZone: string): string {
  const a = toWallText(ms, timeZone);
  return a.slice(0, 10) === toWallText(other, timeZone).slice(0, 10) ? a.slice(11) : a;
}

/** "23 entries ready, 2 lines to fix, 1 out of time order": the state of the text in words. */
export function describeTranscription(t: Transcription): string {
  const parts = [t.entries.length ? `${count(t.entries.length, 'entry', 'entries')} ready` : 'No entries yet'];
  if (t.errors) parts.push(`${count(t.errors, 'line', 'lines')} to fix`);
  if (t.warnings) parts.push(`${t.warnings.toLocaleString('en-US')} out of time order`);
  if (t.tooMany) parts.push(`more than ${MAX_ENTRIES.toLocaleString('en-US')}`);
  return parts.join(', ');
}
