import { describe, expect, it } from 'vitest';
import { sinceWhen } from '../../../renderer/src/lib/format';

const NY = 'America/New_York';
// 03:02 on 7 Dec 2026 in New York (08:02 UTC).
const now = Date.UTC(2026, 11, 7, 8, 2);

describe('the bed change says which day it is counted from', () => {
  it('the time alone when it is today in the coalition’s zone', () => {
    expect(sinceWhen(Date.UTC(2026, 11, 7, 6, 15), NY, now)).toBe('01:15');
  });
  it('“yesterday” when it is the day before there (08:15 read at 03:02)', () => {
    expect(sinceWhen(Date.UTC(2026, 11, 6, 13, 15), NY, now)).toBe('yesterday 08:15');
  });
  it('counts calendar days across a daylight-saving change, not 24 hours', () => {
    // 00:30 EDT on 9 March 2026, the day after the clocks went forward: 24 hours back is
    // 23:30 on 7 March, two days ago; 23:30 on 8 March is yesterday.
    const after = Date.UTC(2026, 2, 9, 4, 30);
    expect(sinceWhen(after - 86_400_000, NY, after)).toBe('07 Mar 2026 23:30');
    expect(sinceWhen(Date.UTC(2026, 2, 9, 3, 30), NY, after)).toBe('yesterday 23:30');
  });
  it('the date when it is older', () => {
    expect(sinceWhen(Date.UTC(2026, 11, 4, 13, 15), NY, now)).toBe('04 Dec 2026 08:15');
  });
});
