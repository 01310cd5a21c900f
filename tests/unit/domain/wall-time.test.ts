import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatUtc, formatWallTime, fromWallClock, parseWallTime, toWallText, understoodAs, wallClock, wallTimeMs, zoneAbbreviation } from '../../../shared/domain/wall-time';

const NY = 'America/New_York';
const at = (iso: string) => Date.parse(iso);

describe('wall-clock time in the coalition’s zone', () => {
  it('reads a full date and time, with a space or a T, in the zone, not the workstation’s', () => {
    expect(parseWallTime('2026-11-25 14:30', NY, 0)).toEqual({ ok: true, ms: at('2026-11-25T19:30:00Z') });
    expect(parseWallTime('2026-07-04T09:05', NY, 0)).toEqual({ ok: true, ms: at('2026-07-04T13:05:00Z') });
    expect(parseWallTime(' 2026-7-4 0905 ', NY, 0)).toEqual({ ok: true, ms: at('2026-07-04T13:05:00Z') });
    expect(parseWallTime('2026-11-25 14:30', 'Pacific/Honolulu', 0)).toEqual({ ok: true, ms: at('2026-11-26T00:30:00Z') });
  });

  it('reads a bare time as today on the coalition’s clock, or yesterday when today’s would lie ahead', () => {
    const now = at('2026-11-25T15:00:00Z'); // 10:00 EST
    expect(parseWallTime('09:15', NY, now)).toEqual({ ok: true, ms: at('2026-11-25T14:15:00Z') });
    expect(parseWallTime('0915', NY, now)).toEqual({ ok: true, ms: at('2026-11-25T14:15:00Z') });
    // 23:40 has not come yet today: a log transcribed from last night.
    expect(parseWallTime('23:40', NY, now)).toEqual({ ok: true, ms: at('2026-11-25T04:40:00Z') });
    // A few minutes ahead is a clock difference, not yesterday.
    expect(parseWallTime('10:03', NY, now)).toEqual({ ok: true, ms: at('2026-11-25T15:03:00Z') });
    // For a period's start or end, a bare time is today even when it lies ahead.
    expect(parseWallTime('23:40', NY, now, 'today')).toEqual({ ok: true, ms: at('2026-11-26T04:40:00Z') });
  });

  it('reads a bare time for something ahead (an expiry, an ETA, a deadline) as its next occurrence: tomorrow when today’s has passed', () => {
    const now = at('2026-12-06T22:29:00Z'); // 17:29 EST
    // A diversion "until 14:00" typed at 17:29 ends tomorrow afternoon, not three hours ago.
    expect(parseWallTime('14:00', NY, now, 'later')).toEqual({ ok: true, ms: at('2026-12-07T19:00:00Z') });
    expect(parseWallTime('1400', NY, now, 'later')).toEqual({ ok: true, ms: at('2026-12-07T19:00:00Z') });
    // Later today stays today.
    expect(parseWallTime('18:15', NY, now, 'later')).toEqual({ ok: true, ms: at('2026-12-06T23:15:00Z') });
    // A minute or two behind is a clock difference, not tomorrow.
    expect(parseWallTime('17:27', NY, now, 'later')).toEqual({ ok: true, ms: at('2026-12-06T22:27:00Z') });
    // A full date is what it says, even in the past: the reading only settles a bare time.
    expect(parseWallTime('2026-12-06 14:00', NY, now, 'later')).toEqual({ ok: true, ms: at('2026-12-06T19:00:00Z') });
    // When something happened keeps today's reading.
    expect(parseWallTime('14:00', NY, now, 'past')).toEqual({ ok: true, ms: at('2026-12-06T19:00:00Z') });
    expect(parseWallTime('14:00', NY, now, 'today')).toEqual({ ok: true, ms: at('2026-12-06T19:00:00Z') });
  });

  it('reads an after-midnight expiry or ETA typed late in the evening as the small hours of tomorrow', () => {
    const now = at('2026-12-07T04:30:00Z'); // 23:30 EST on the 6th
    expect(parseWallTime('01:00', NY, now, 'later')).toEqual({ ok: true, ms: at('2026-12-07T06:00:00Z') });
    expect(parseWallTime('00:00', NY, now, 'later')).toEqual({ ok: true, ms: at('2026-12-07T05:00:00Z') });
    expect(parseWallTime('23:45', NY, now, 'later')).toEqual({ ok: true, ms: at('2026-12-07T04:45:00Z') });
    // Just after midnight, the coming morning is today's.
    const justAfter = at('2026-12-07T05:10:00Z'); // 00:10 EST on the 7th
    expect(parseWallTime('06:00', NY, justAfter, 'later')).toEqual({ ok: true, ms: at('2026-12-07T11:00:00Z') });
    expect(parseWallTime('00:01', NY, justAfter, 'later')).toEqual({ ok: true, ms: at('2026-12-08T05:01:00Z') });
    // The coalition's midnight, not the workstation's or UTC's: 02:00 UTC is 21:00 EST, so 22:00 is today's.
    expect(parseWallTime('22:00', NY, at('2026-11-26T02:00:00Z'), 'later')).toEqual({ ok: true, ms: at('2026-11-26T03:00:00Z') });
    expect(parseWallTime('20:00', NY, at('2026-11-26T02:00:00Z'), 'later')).toEqual({ ok: true, ms: at('2026-11-27T01:00:00Z') });
  });

  it('finds tomorrow by the calendar across a daylight-saving change', () => {
    // 23:30 EST on 2026-03-07; tomorrow (the 8th) springs forward at 02:00: 09:00 tomorrow is EDT.
    expect(parseWallTime('09:00', NY, at('2026-03-08T04:30:00Z'), 'later')).toEqual({ ok: true, ms: at('2026-03-08T13:00:00Z') });
    // 23:30 EDT on 2026-10-31; tomorrow falls back: 09:00 on 2026-11-01 is EST.
    expect(parseWallTime('09:00', NY, at('2026-11-01T03:30:00Z'), 'later')).toEqual({ ok: true, ms: at('2026-11-01T14:00:00Z') });
  });

  it('says in full which day a bare time was read as, for the form to show before saving', () => {
    const now = at('2026-12-06T22:29:00Z'); // 17:29 EST
    expect(understoodAs('14:00', NY, now, 'later')).toBe('2026-12-07 14:00 EST, tomorrow');
    expect(understoodAs('18:00', NY, now, 'later')).toBe('2026-12-06 18:00 EST, today');
    expect(understoodAs('18:00', NY, now, 'past')).toBe('2026-12-05 18:00 EST, yesterday');
    expect(understoodAs('01:00', NY, at('2026-12-07T04:30:00Z'), 'later')).toBe('2026-12-07 01:00 EST, tomorrow');
    // A full date says its own day; nothing to show for it, or for what is not a time.
    expect(understoodAs('2026-12-06 14:00', NY, now, 'later')).toBeNull();
    expect(understoodAs('', NY, now, 'later')).toBeNull();
    expect(understoodAs('25:00', NY, now, 'later')).toBeNull();
  });

  it('reads a time from now (+30, +90, +1h, +2h30) for something ahead, from the current minute', () => {
    const now = at('2026-12-06T22:29:40Z'); // 17:29:40 EST; the minute is 17:29
    const ahead = (typed: string) => parseWallTime(typed, NY, now, 'later');
    expect(ahead('+30')).toEqual({ ok: true, ms: at('2026-12-06T22:59:00Z') });
    expect(ahead('+90')).toEqual({ ok: true, ms: at('2026-12-06T23:59:00Z') });
    expect(ahead('+1h')).toEqual({ ok: true, ms: at('2026-12-06T23:29:00Z') });
    expect(ahead('+2h30')).toEqual({ ok: true, ms: at('2026-12-07T00:59:00Z') });
    for (const same of ['+2h30m', '+2 h 30 min', ' +150 ', '+150m', '+150min', '+2H30']) expect(ahead(same), same).toEqual({ ok: true, ms: at('2026-12-07T00:59:00Z') });
    // Past midnight it is tomorrow's clock time.
    expect(ahead('+7h')).toEqual({ ok: true, ms: at('2026-12-07T05:29:00Z') });
    expect(wallTimeMs('+30', NY, 'later', now)).toBe(at('2026-12-06T22:59:00Z'));
  });

  it('counts a time from now in real hours across a daylight-saving change', () => {
    // 01:30 EDT on 2026-11-01; the clocks fall back at 02:00 EDT to 01:00 EST.
    const now = at('2026-11-01T05:30:00Z');
    const r = parseWallTime('+1h', NY, now, 'later');
    expect(r).toEqual({ ok: true, ms: at('2026-11-01T06:30:00Z') });
    expect(understoodAs('+1h', NY, now, 'later')).toBe('2026-11-01 01:30 EST, today, in 1 h');
  });

  it('refuses a time from now where it makes no sense, in words', () => {
    const now = at('2026-12-06T22:29:00Z');
    // When something happened is never ahead; a period's start or end is typed as a time.
    expect(parseWallTime('+30', NY, now, 'past')).toMatchObject({ ok: false, error: expect.stringMatching(/^A time from now \(\+30\) is only for what lies ahead/) });
    expect(parseWallTime('+30', NY, now, 'today')).toMatchObject({ ok: false });
    expect(parseWallTime('+0', NY, now, 'later')).toEqual({ ok: false, error: 'A time from now is at least +1 (one minute)' });
    expect(parseWallTime('+2h75', NY, now, 'later')).toEqual({ ok: false, error: 'After the hours, minutes go from 00 to 59: +2h30' });
    expect(parseWallTime('+169h', NY, now, 'later')).toEqual({ ok: false, error: 'A time from now is at most a week ahead: type the date, YYYY-MM-DD HH:MM' });
    for (const bad of ['+', '+h', '+30s', '-30', '+1d', '30+', '+1:30']) {
      expect(parseWallTime(bad, NY, now, 'later'), bad).toEqual({ ok: false, error: 'Type the time as 24-hour HH:MM, YYYY-MM-DD HH:MM, or +30 for 30 minutes from now' });
    }
  });

  it('says the full time a time from now was read as, and how far ahead', () => {
    const now = at('2026-12-06T22:29:59Z'); // 17:29:59 EST
    expect(understoodAs('+30', NY, now, 'later')).toBe('2026-12-06 17:59 EST, today, in 30 min');
    expect(understoodAs('+90', NY, now, 'later')).toBe('2026-12-06 18:59 EST, today, in 1 h 30 min');
    expect(understoodAs('+2h', NY, now, 'later')).toBe('2026-12-06 19:29 EST, today, in 2 h');
    expect(understoodAs('+7h', NY, now, 'later')).toBe('2026-12-07 00:29 EST, tomorrow, in 7 h');
    expect(understoodAs('+30', NY, now, 'past')).toBeNull();
    expect(understoodAs('+0', NY, now, 'later')).toBeNull();
  });

  it('uses the coalition’s date near midnight UTC, when the workstation’s date differs', () => {
    const now = at('2026-11-26T02:00:00Z'); // 21:00 EST on the 25th
    expect(parseWallTime('20:30', NY, now)).toEqual({ ok: true, ms: at('2026-11-26T01:30:00Z') });
  });

  it('refuses what is not a time, with the reason in words', () => {
    for (const bad of ['', 'noon', '14.30', '2026/11/25 14:30', '14:3', '2026-11-25']) {
      expect(parseWallTime(bad, NY, 0)).toEqual({ ok: false, error: 'Type the time as 24-hour HH:MM, or YYYY-MM-DD HH:MM' });
    }
    expect(parseWallTime('24:00', NY, 0)).toEqual({ ok: false, error: 'Hours go from 00 to 23 and minutes from 00 to 59' });
    expect(parseWallTime('12:60', NY, 0)).toMatchObject({ ok: false });
    for (const bad of ['2026-02-29 10:00', '2026-02-30 10:00', '2026-04-31 10:00', '2026-13-01 10:00', '2026-00-10 10:00', '2026-01-00 10:00']) {
      expect(parseWallTime(bad, NY, 0), bad).toEqual({ ok: false, error: 'That date does not exist' });
    }
    expect(parseWallTime('2028-02-29 10:00', NY, 0)).toMatchObject({ ok: true });
    expect(wallTimeMs('  ', NY)).toBeNull();
    expect(wallTimeMs('soon', NY)).toBeNull();
    expect(wallTimeMs('2026-11-25 14:30', NY)).toBe(at('2026-11-25T19:30:00Z'));
    expect(wallTimeMs('23:40', NY, 'today', at('2026-11-25T15:00:00Z'))).toBe(at('2026-11-26T04:40:00Z'));
    expect(wallTimeMs('23:40', NY, 'past', at('2026-11-25T15:00:00Z'))).toBe(at('2026-11-25T04:40:00Z'));
    expect(wallTimeMs('09:00', NY, 'later', at('2026-11-25T15:00:00Z'))).toBe(at('2026-11-26T14:00:00Z'));
  });

  it('handles the daylight-saving changes: the skipped hour lands after the change, the repeated hour is its first reading', () => {
    // 2026-03-08 02:30 does not exist in New York (02:00 EST -> 03:00 EDT).
    const skipped = parseWallTime('2026-03-08 02:30', NY, 0);
    expect(skipped.ok && toWallText(skipped.ms, NY)).toBe('2026-03-08 03:30');
    // 2026-11-01 01:30 happens twice: the first reading (EDT), which shows as 01:30.
    const repeated = parseWallTime('2026-11-01 01:30', NY, 0);
    expect(repeated).toEqual({ ok: true, ms: at('2026-11-01T05:30:00Z') });
    expect(repeated.ok && toWallText(repeated.ms, NY)).toBe('2026-11-01 01:30');
    expect(zoneAbbreviation(at('2026-07-01T12:00:00Z'), NY)).toBe('EDT');
    expect(zoneAbbreviation(at('2026-12-01T12:00:00Z'), NY)).toBe('EST');
  });

  it('finds yesterday by the calendar on the days around a daylight-saving change', () => {
    // 00:20 EDT on the day after spring-forward: 00:45 has not come yet today, so it was yesterday (the 9th), not the 8th.
    expect(parseWallTime('00:45', NY, at('2025-03-10T04:20:00Z'))).toEqual({ ok: true, ms: at('2025-03-09T05:45:00Z') });
    // 00:20 EST on the day after fall-back (a 25-hour day before it).
    expect(parseWallTime('00:45', NY, at('2025-11-03T05:20:00Z'))).toEqual({ ok: true, ms: at('2025-11-02T04:45:00Z') });
    // Property: a bare time later than now is always on the calendar day before, in every zone, near every change.
    const zones = [NY, 'America/Chicago', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago'];
    fc.assert(
      fc.property(fc.integer({ min: at('2024-01-01T00:00:00Z') / 60_000, max: at('2027-01-01T00:00:00Z') / 60_000 }), fc.constantFrom(...zones), fc.integer({ min: 6, max: 23 * 60 }), (minute, zone, ahead) => {
        const now = minute * 60_000;
        const typedMs = now + ahead * 60_000;
        const w = wallClock(typedMs, zone);
        const today = wallClock(now, zone);
        if (w.day !== today.day) return; // the typed time is tomorrow's: not this case
        if (fromWallClock(w.year, w.month, w.day, w.hour, w.minute, zone) !== Math.floor(typedMs / 60_000) * 60_000) return; // a repeated hour: the text names two instants
        const hm = `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
        const r = parseWallTime(hm, zone, now);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const back = wallClock(r.ms, zone);
        const yesterday = new Date(Date.UTC(today.year, today.month - 1, today.day - 1));
        expect([back.year, back.month, back.day]).toEqual([yesterday.getUTCFullYear(), yesterday.getUTCMonth() + 1, yesterday.getUTCDate()]);
        expect(r.ms).toBeLessThan(now);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back every minute it writes, in any zone (property)', () => {
    const zones = [NY, 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu', 'America/Puerto_Rico', 'UTC', 'Europe/London', 'Australia/Lord_Howe'];
    fc.assert(
      fc.property(fc.integer({ min: at('2020-01-01T00:00:00Z') / 60_000, max: at('2035-12-31T00:00:00Z') / 60_000 }), fc.constantFrom(...zones), (minute, zone) => {
        const ms = minute * 60_000;
        const text = toWallText(ms, zone);
        const back = parseWallTime(text, zone, ms);
        expect(back.ok).toBe(true);
        // In an hour the clocks repeat, the text names two instants: it must read as one of them.
        if (back.ok) expect(toWallText(back.ms, zone)).toBe(text);
        const w = wallClock(ms, zone);
        expect(text).toBe(`${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('prints times as forms and exports show them', () => {
    expect(formatWallTime(at('2026-11-25T19:30:00Z'), NY)).toBe('2026-11-25 14:30 EST');
    expect(formatWallTime(at('2026-07-04T13:05:00Z'), NY, false)).toBe('2026-07-04 09:05');
    expect(formatUtc(at('2026-11-25T19:30:45Z'))).toBe('2026-11-25 19:30Z');
  });
});
