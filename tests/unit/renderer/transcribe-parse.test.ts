import { describe, expect, it } from 'vitest';
import { methods } from '../../../shared/contract';
import { DEFAULT_CATEGORIES } from '../../../shared/domain/incident-rules';
import { toWallText } from '../../../shared/domain/wall-time';
import {
  MAX_ENTRIES,
  describeTranscription,
  parseTranscription,
  type TranscribeOptions,
} from '../../../renderer/src/features/log/transcribe-parse';

const NY = 'America/New_York';
const at = (iso: string) => Date.parse(iso);
/** 08:00 EST on 25 Nov 2026: the morning after a night on paper. */
const NOW = at('2026-11-25T13:00:00Z');
const opts: TranscribeOptions = { timeZone: NY, now: NOW, categories: DEFAULT_CATEGORIES, defaultCategory: 'General' };
const parse = (text: string, o: Partial<TranscribeOptions> = {}) => parseTranscription(text, { ...opts, ...o });
const errors = (text: string, o: Partial<TranscribeOptions> = {}) =>
  parse(text, o).lines.flatMap((l) => (l.ok ? [] : [l.error]));

describe('transcribing a paper or radio log, a line per entry', () => {
  it('reads HH:MM, HHMM and YYYY-MM-DD HH:MM in the coalition’s zone, a bare time later than now as yesterday', () => {
    const t = parse(
      [
        '21:40 EOC phone line down, running on radio',
        '2215 Mercy on generator',
        '2026-11-24 23:05 Ambulances staged',
        '9:30 not yet',
        '07:30 Day shift arrived',
      ].join('\n'),
    );
    expect(t.errors).toBe(0);
    expect(t.entries).toEqual([
      { occurredAt: at('2026-11-25T02:40:00Z'), category: 'General', text: 'EOC phone line down, running on radio' },
      { occurredAt: at('2026-11-25T03:15:00Z'), category: 'General', text: 'Mercy on generator' },
      { occurredAt: at('2026-11-25T04:05:00Z'), category: 'General', text: 'Ambulances staged' },
      // 09:30 has not come yet this morning: yesterday's, and earlier than the line above.
      { occurredAt: at('2026-11-24T14:30:00Z'), category: 'General', text: 'not yet' },
      { occurredAt: at('2026-11-25T12:30:00Z'), category: 'General', text: 'Day shift arrived' },
    ]);
    expect(t.entryLines).toEqual([1, 2, 3, 4, 5]);
    expect(t.ready).toBe(true);
    expect(parse('2026-11-24T23:05 With a T').entries[0]!.occurredAt).toBe(at('2026-11-25T04:05:00Z'));
    expect(parse('07:30\tAfter a tab').entries[0]!.text).toBe('After a tab');
  });

  it('takes a known category in front of the text, in any case; an unknown word before a colon stays in the text', () => {
    const t = parse(
      [
        '2215 situation: Mercy on generator',
        '2216 PATIENT MOVEMENT: 4 to Baystate',
        '2217 Note: call back at 23:00',
        '2218 Mercy re: beds',
      ].join('\n'),
      { defaultCategory: 'Communications' },
    );
    expect(t.entries.map((e) => [e.category, e.text])).toEqual([
      ['Situation', 'Mercy on generator'],
      ['Patient movement', '4 to Baystate'],
      ['Communications', 'Note: call back at 23:00'],
      ['Communications', 'Mercy re: beds'],
    ]);
    expect(t.lines.map((l) => l.ok && l.categoryTyped)).toEqual([true, true, false, false]);
    // The incident's own categories count as known too.
    expect(parse('2215 Decon: tent up', { categories: [...DEFAULT_CATEGORIES, 'Decon'] }).entries[0]).toMatchObject({
      category: 'Decon',
      text: 'tent up',
    });
  });

  it('joins a line that starts with a space or a tab to the entry above, as paper logs wrap', () => {
    const t = parse(
      [
        '2215 Situation: Mercy on generator,',
        '   42 inpatients sheltering',
        '\tin place until morning',
        '2230 Next',
      ].join('\n'),
    );
    expect(t.entries.map((e) => e.text)).toEqual([
      'Mercy on generator, 42 inpatients sheltering in place until morning',
      'Next',
    ]);
    expect(t.entryLines).toEqual([1, 4]);
    expect(t.lines).toHaveLength(2);
  });

  it('skips blank lines, and counts lines as the operator sees them', () => {
    const t = parse('\n2215 One\n   \n\r\n2230 Two\r\n   still two\n');
    expect(t.entries.map((e) => e.text)).toEqual(['One', 'Two still two']);
    expect(t.entryLines).toEqual([2, 5]);
    expect(parse('').ready).toBe(false);
    expect(parse('  \n\n').lines).toEqual([]);
  });

  it('says in words what to fix on each line it cannot read, and records nothing until every line reads', () => {
    const text = [
      '2215 Fine',
      'Mercy called back',
      '25:00 Impossible hour',
      '2260 Impossible minute',
      '2215',
      '2216 Situation:',
      '2026-11-24 Date without time',
      '2026-02-30 10:00 No such day',
      '14.30 Dot',
    ].join('\n');
    expect(errors(text)).toEqual([
      'Line 2: type the time first, as 24-hour HH:MM',
      'Line 3: 25:00 is not a time: hours go from 00 to 23 and minutes from 00 to 59',
      'Line 4: 2260 is not a time: hours go from 00 to 23 and minutes from 00 to 59',
      'Line 5: type what happened after the time',
      'Line 6: type what happened after “Situation:”',
      'Line 7: after the date, type the time as 24-hour HH:MM',
      'Line 8: 2026-02-30 10:00 is not a time: that date does not exist',
      'Line 9: type the time first, as 24-hour HH:MM',
    ]);
    const t = parse(text);
    expect(t.entries).toHaveLength(1);
    expect(t.errors).toBe(8);
    expect(t.ready).toBe(false);
    expect(t.lines[1]).toMatchObject({ ok: false, line: 2, typed: 'Mercy called back' });
    // A three-digit number is a count, not a time.
    expect(errors('120 beds open at Baystate')).toEqual(['Line 1: type the time first, as 24-hour HH:MM']);
  });

  it('refuses an indented first line, and folds an indented line under a bad line into that line’s error', () => {
    expect(errors('  wrapped from nowhere\n2215 Fine')).toEqual([
      'Line 1: a line that starts with a space continues the entry above, and there is none: start it with the time',
    ]);
    const t = parse('Mercy called\n  and wraps\n2215 Fine');
    expect(errors('Mercy called\n  and wraps\n2215 Fine')).toEqual(['Line 1: type the time first, as 24-hour HH:MM']);
    expect(t.entries.map((e) => e.text)).toEqual(['Fine']);
  });

  it('refuses a dated time in the future, as the backend would, before anything is sent', () => {
    expect(errors('2026-11-26 09:00 Tomorrow')).toEqual([
      'Line 1: 2026-11-26 09:00 EST is in the future; it is now 2026-11-25 08:00 EST. Check the date',
    ]);
    // A few minutes ahead is a clock difference.
    expect(errors('2026-11-25 08:04 Just now')).toEqual([]);
  });

  it('is safe across daylight-saving changes: parseWallTime gives each time its own offset', () => {
    // 2026-03-08 in New York: 02:00 EST became 03:00 EDT. At noon EDT that day:
    const now = at('2026-03-08T16:00:00Z');
    const t = parse('01:30 Before the change\n03:30 After the change\n2026-03-08 02:30 In the skipped hour', { now });
    expect(t.entries.map((e) => e.occurredAt)).toEqual([
      at('2026-03-08T06:30:00Z'),
      at('2026-03-08T07:30:00Z'),
      at('2026-03-08T07:30:00Z'),
    ]);
    // Two hours on the wall, one hour apart in fact.
    expect(t.entries[1]!.occurredAt - t.entries[0]!.occurredAt).toBe(3_600_000);
    // 2026-11-01: 01:00-02:00 happens twice; the first reading (EDT).
    const fall = parse('2026-11-01 01:30 Repeated hour\n2026-11-01 02:30 After', { now: at('2026-11-02T12:00:00Z') });
    expect(fall.entries.map((e) => toWallText(e.occurredAt, NY))).toEqual(['2026-11-01 01:30', '2026-11-01 02:30']);
    expect(fall.entries[1]!.occurredAt - fall.entries[0]!.occurredAt).toBe(2 * 3_600_000);
  });

  it('places times without a date in the order of the log: across midnight to the next day, the latest not in the future', () => {
    // 23:30 on the 25th, typing the paper log of the night of the 24th to the 25th.
    const late = at('2026-11-26T04:30:00Z');
    const night = parse('22:00 Shelter opened\n23:50 Generator fuel low\n02:00 Fuel delivered\n06:45 Day shift in', { now: late });
    expect(night.entries.map((e) => toWallText(e.occurredAt, NY))).toEqual(['2026-11-24 22:00', '2026-11-24 23:50', '2026-11-25 02:00', '2026-11-25 06:45']);
    expect(night.warnings).toBe(0);
    // The same log typed at 08:00 on the 25th: the same instants.
    expect(parse('22:00 a\n23:50 b\n02:00 c\n06:45 d').entries.map((e) => toWallText(e.occurredAt, NY))).toEqual([
      '2026-11-24 22:00',
      '2026-11-24 23:50',
      '2026-11-25 02:00',
      '2026-11-25 06:45',
    ]);
    // After a dated line, the times run on from it.
    const dated = parse('2026-11-23 21:00 Activation\n23:30 First status\n01:15 Overnight call\n2026-11-24 22:00 Second night\n03:00 Relief arrived');
    expect(dated.entries.map((e) => toWallText(e.occurredAt, NY))).toEqual([
      '2026-11-23 21:00',
      '2026-11-23 23:30',
      '2026-11-24 01:15',
      '2026-11-24 22:00',
      '2026-11-25 03:00',
    ]);
    // A line remembered late stays beside its neighbours, flagged; the next runs on from the latest.
    const remembered = parse('23:10 a\n22:40 remembered\n00:20 b', { now: late });
    expect(remembered.entries.map((e) => toWallText(e.occurredAt, NY))).toEqual(['2026-11-24 23:10', '2026-11-24 22:40', '2026-11-25 00:20']);
    expect(remembered.warnings).toBe(1);
    // A time after a dated line that would lie ahead of now is taken as before it, not refused.
    expect(parse('2026-11-25 07:00 a\n07:50 b').entries.map((e) => toWallText(e.occurredAt, NY))).toEqual(['2026-11-25 07:00', '2026-11-25 07:50']);
  });

  it('keeps entries out of time order as typed, with a warning naming both lines', () => {
    const t = parse(
      ['2215 First', '2140 Remembered later', '2150 After that', '2026-11-23 10:00 Days before'].join('\n'),
    );
    expect(t.entries.map((e) => e.text)).toEqual(['First', 'Remembered later', 'After that', 'Days before']);
    expect(t.lines.map((l) => (l.ok ? l.warning : null))).toEqual([
      null,
      'Line 2: 21:40 is earlier than line 1 (22:15); kept as typed, the log sorts by time',
      null,
      'Line 4: 2026-11-23 10:00 is earlier than line 3 (2026-11-24 21:50); kept as typed, the log sorts by time',
    ]);
    expect(t.warnings).toBe(2);
    expect(t.ready).toBe(true);
    expect(describeTranscription(t)).toBe('4 entries ready, 2 out of time order');
  });

  it('records at most 1,000 entries at a time, the limit of log.import', () => {
    const lines = (n: number) =>
      Array.from(
        { length: n },
        (_, i) =>
          `2026-11-24 ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} Entry ${i + 1}`,
      ).join('\n');
    const full = parse(lines(MAX_ENTRIES));
    expect(full.ready).toBe(true);
    const over = parse(lines(MAX_ENTRIES + 1));
    expect(over.ready).toBe(false);
    expect(over.tooMany).toBe('1,001 entries: record at most 1,000 at a time. Split the log and record the rest next');
    // The same limit as the contract's.
    const input = (t: typeof full) => ({ incidentId: crypto.randomUUID(), source: 'paper', entries: t.entries });
    expect(methods['log.import'].input.safeParse(input(full)).success).toBe(true);
    expect(methods['log.import'].input.safeParse(input(over)).success).toBe(false);
  });

  it('refuses an entry longer than one entry holds, once its wrapped lines are joined', () => {
    const long = `2215 ${'x'.repeat(3000)}\n  ${'y'.repeat(1100)}`;
    expect(errors(long)).toEqual([
      'Line 1: the entry is 4,101 characters long; one entry holds at most 4,000. Split it into two lines with their time',
    ]);
  });

  it('sums up the text in words', () => {
    expect(describeTranscription(parse(''))).toBe('No entries yet');
    expect(describeTranscription(parse('2215 One'))).toBe('1 entry ready');
    expect(describeTranscription(parse('2215 One\n2216 Two\nthree\nfour'))).toBe('2 entries ready, 2 lines to fix');
    expect(describeTranscription(parse('nothing'))).toBe('No entries yet, 1 line to fix');
  });
});

describe('a radio or phone log names who spoke', () => {
  const radio = { heardFrom: true };
  it('reads a prefix that is not a category as the station, in either order with the category', () => {
    const t = parse(['14:02 Medic 12: en route to Baystate', '14:05 Situation: Baystate ED: on diversion until 18:00', '14:07 Medic 12: Resource: fuel at 1/4', '14:09 radio check'].join('\n'), radio);
    expect(t.errors).toBe(0);
    expect(t.entries.map(({ category, text, heardFrom }) => ({ category, text, heardFrom }))).toEqual([
      { category: 'General', text: 'en route to Baystate', heardFrom: 'Medic 12' },
      { category: 'Situation', text: 'on diversion until 18:00', heardFrom: 'Baystate ED' },
      { category: 'Resource', text: 'fuel at 1/4', heardFrom: 'Medic 12' },
      { category: 'General', text: 'radio check', heardFrom: undefined },
    ]);
  });

  it('leaves a paper log’s prefixes in the text, as before', () => {
    expect(parse('14:02 Medic 12: en route').entries[0]).toMatchObject({ text: 'Medic 12: en route' });
    expect(parse('14:02 Medic 12: en route').entries[0]!.heardFrom).toBeUndefined();
  });

  it('asks for what was said when a line names only the station', () => {
    expect(errors('14:02 Medic 12:', radio)).toEqual(['Line 1: type what Medic 12 said after “Medic 12:”']);
  });

  it('gives log.import what its contract takes', () => {
    const t = parse('14:02 Medic 12: en route', radio);
    const input = { incidentId: '00000000-0000-4000-8000-000000000000', source: 'radio', entries: t.entries };
    expect(methods['log.import'].input.safeParse(input).success).toBe(true);
  });
});
