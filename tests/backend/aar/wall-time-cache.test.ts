import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wallTimeFormatter } from '../../../electron/backend/domains/aar/sources/wall-time-cache';
import { formatWallTime } from '../../../shared/domain/wall-time';

describe('the draft’s cached wall-time formatter', () => {
  it('prints exactly what formatWallTime prints, across zone changes, in zones with half-hour offsets too', () => {
    for (const zone of ['America/New_York', 'America/St_Johns', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC']) {
      const fmt = wallTimeFormatter(zone);
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), (ms) => fmt(ms) === formatWallTime(ms, zone)),
        { numRuns: 400 },
      );
      // Around the 2026 spring and autumn changes, minute by minute.
      for (const start of [Date.UTC(2026, 2, 8, 5), Date.UTC(2026, 10, 1, 4), Date.UTC(2026, 2, 8, 4, 30), Date.UTC(2026, 3, 5, 14)]) {
        for (let m = 0; m < 180; m += 1) expect(fmt(start + m * 60_000)).toBe(formatWallTime(start + m * 60_000, zone));
      }
    }
  });
});
