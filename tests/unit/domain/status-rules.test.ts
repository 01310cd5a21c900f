import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkReport, facilityMatches, headlineOf, onTimeKnown, requestFigures, staleness, type RuleType } from '../../../shared/domain/status-rules';

const MIN = 60_000;

describe('facility status rules', () => {
  it('reads CURRENT up to the interval, STALE past it, OVERDUE past twice it', () => {
    expect(staleness(0, 60)).toBe('CURRENT');
    expect(staleness(60 * MIN, 60)).toBe('CURRENT');
    expect(staleness(60 * MIN + 1, 60)).toBe('STALE');
    expect(staleness(120 * MIN, 60)).toBe('STALE');
    expect(staleness(120 * MIN + 1, 60)).toBe('OVERDUE');
    // Never gets better as a value ages.
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), fc.integer({ min: 1, max: 10_000 }), (a, b, interval) => {
        const order = ['CURRENT', 'STALE', 'OVERDUE'];
        const [young, old] = a < b ? [a, b] : [b, a];
        return order.indexOf(staleness(young * MIN, interval)) <= order.indexOf(staleness(old * MIN, interval));
      }),
    );
  });

  it('chooses the worst condition as the headline, in words', () => {
    const h = (o: Record<string, string>) => headlineOf(new Map(Object.entries(o)));
    expect(h({})).toMatchObject({ words: 'No report', severity: 'unknown' });
    expect(h({ 'ops.status': 'normal' })).toMatchObject({ words: 'Normal', severity: 'normal' });
    expect(h({ 'ops.status': 'normal', 'power.source': 'generator', 'ed.ems_traffic': 'diversion' })).toMatchObject({ words: 'On diversion', severity: 'warning' });
    expect(h({ 'ops.status': 'evacuating', 'power.source': 'none' })).toMatchObject({ words: 'Evacuating', severity: 'critical' });
    expect(h({ 'ops.status': 'closed', 'ed.ems_traffic': 'diversion' })).toMatchObject({ words: 'Closed' });
  });

  it('computes J.1 as answered by the deadline over asked, and PM17/PM19 only when all have answered', () => {
    const at = (m: number) => m * MIN;
    expect(requestFigures({ requestedAt: 0, deadline: at(30), responses: [at(10), at(30), at(31), null] })).toEqual({
      asked: 4, answered: 3, onTime: 2, onTimeShare: 0.5, minutesToLast: null, outstanding: 1,
    });
    expect(requestFigures({ requestedAt: 0, deadline: at(30), responses: [at(10), at(95)] })).toMatchObject({ onTimeShare: 0.5, minutesToLast: 95 });
    expect(requestFigures({ requestedAt: 0, deadline: at(30), responses: [] })).toMatchObject({ asked: 0, onTimeShare: null });
  });

  it('knows the on-time share only past the deadline or once all have answered', () => {
    const at = (m: number) => m * MIN;
    const f = (responses: (number | null)[]) => requestFigures({ requestedAt: 0, deadline: at(30), responses });
    // A minute after sending, nobody has answered: not "0% on time", not known yet.
    expect(onTimeKnown(f([null, null, null]), at(30), at(1))).toBe(false);
    expect(onTimeKnown(f([at(5), null]), at(30), at(30))).toBe(false);
    expect(onTimeKnown(f([at(5), null]), at(30), at(30) + 1)).toBe(true);
    expect(onTimeKnown(f([at(5), at(8)]), at(30), at(10))).toBe(true);
  });

  it('never flags a change smaller than three, whatever its share', () => {
    const t: RuleType = { id: 't', code: 'beds.x.available', label: 'Beds', kind: 'number', unit: 'beds', min: 0, max: 1000, baselineTypeId: null, jumpShare: 0.5 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: -2, max: 2 }), (prev, d) => {
        const next = Math.max(0, prev + d);
        const flags = checkReport(new Map([['t', t]]), new Map([['t', { n: next, s: null }]]), new Map([['t', { n: prev, s: null, occurredAt: 0 }]]), String);
        return flags.length === 0;
      }),
    );
  });
});

describe('finding a facility by what was typed', () => {
  const f = { name: 'Windy Ridge General Hospital', shortName: 'WRGH', town: 'Springfield' };
  it('matches name, short name or town, ignoring case and surrounding spaces', () => {
    expect(facilityMatches(f, '  windy ')).toBe(true);
    expect(facilityMatches(f, 'wrgh')).toBe(true);
    expect(facilityMatches(f, 'SPRING')).toBe(true);
    expect(facilityMatches(f, '')).toBe(true);
  });
  it('does not match what none of them contains', () => {
    expect(facilityMatches(f, 'Apple')).toBe(false);
    expect(facilityMatches({ ...f, shortName: null }, 'wrgh')).toBe(false);
  });
});
