import { describe, expect, it } from 'vitest';
import { timeTicks } from '../../../renderer/src/features/request/charts/time-ticks';

const HOUR = 3_600_000;
const start = Date.UTC(2026, 11, 4, 9, 17);

describe('the time axis of the request charts', () => {
  it('never repeats a label, over a few hours or over two days', () => {
    for (const hours of [3, 11, 20, 30, 49]) {
      const { ticks, label } = timeTicks(start, start + hours * HOUR, 'America/New_York');
      const labels = ticks.map(label);
      expect(new Set(labels).size).toBe(labels.length);
      expect(ticks.length).toBeGreaterThan(1);
      expect(ticks.length).toBeLessThanOrEqual(8);
    }
  });

  it('carries the date once the span reaches a day', () => {
    const { ticks, label } = timeTicks(start, start + 30 * HOUR, 'America/New_York');
    expect(label(ticks[0]!)).toMatch(/^\d\d \w{3} \d\d:\d\d$/);
  });
});
