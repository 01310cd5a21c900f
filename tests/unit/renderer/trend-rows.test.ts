import { describe, expect, it } from 'vitest';
import { reportingKey, trendRows, trendTooltip } from '../../../renderer/src/features/status/trend-rows';

const icu = { typeId: 'icu', points: [{ at: 0, total: 0, reporting: 0 }, { at: 10, total: 12, reporting: 1 }, { at: 30, total: 20, reporting: 2 }] };
const peds = { typeId: 'peds', points: [{ at: 0, total: 4, reporting: 1 }, { at: 20, total: 3, reporting: 1 }] };

describe('region totals drawn over time', () => {
  it('draws no figure before any facility has reported a type, never a 0 that reads as no beds', () => {
    const rows = trendRows([icu, peds]);
    expect(rows.map((r) => r.at)).toEqual([0, 10, 20, 30]);
    expect(rows.map((r) => r.icu)).toEqual([null, 12, 12, 20]);
    expect(rows.map((r) => r[reportingKey('icu')])).toEqual([0, 1, 1, 2]);
  });

  it('carries each series forward to every time another one changed', () => {
    expect(trendRows([icu, peds]).map((r) => r.peds)).toEqual([4, 4, 3, 3]);
  });

  it('keeps a real 0 once facilities have reported it', () => {
    const none = { typeId: 'neg', points: [{ at: 0, total: 0, reporting: 3 }] };
    expect(trendRows([none])[0]!.neg).toBe(0);
  });

  it('says in the tooltip how many facilities a total counts, or that none has reported yet', () => {
    expect(trendTooltip(1234, 8, 'beds')).toBe('1,234 beds · 8 facilities reporting');
    expect(trendTooltip(0, 1, 'beds')).toBe('0 beds · 1 facility reporting');
    expect(trendTooltip(null, 0, 'beds')).toBe('no reports yet');
  });
});
