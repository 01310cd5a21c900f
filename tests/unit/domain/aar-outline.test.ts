import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES, isOverdue, refuseStatusChange, titleSimilarity } from '../../../shared/domain/aar-outline';

describe('corrective action status rules', () => {
  it('never lets a verified action move, and never refuses a change without saying why', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACTION_STATUSES), fc.constantFrom(...ACTION_STATUSES), fc.option(fc.string({ minLength: 1 })), (from, to, note) => {
        const r = refuseStatusChange({ from, to, note, by: 'A', completedBy: 'B' });
        if (from === 'verified') expect(r).not.toBeNull();
        if (r !== null) expect(r.length).toBeGreaterThan(10);
      }),
    );
  });

  it('is overdue only while open or in progress and past its due day', () => {
    expect(isOverdue('open', '2026-01-01', '2026-01-02')).toBe(true);
    expect(isOverdue('in_progress', '2026-01-02', '2026-01-02')).toBe(false);
    expect(isOverdue('completed', '2020-01-01', '2026-01-02')).toBe(false);
    expect(isOverdue('open', null, '2026-01-02')).toBe(false);
  });
});

describe('recurrence wording match', () => {
  it('reads two titles about the same issue as alike, and unrelated ones as not', () => {
    expect(titleSimilarity('Urgent resource requests took longer than 4 hours to fill', '3 urgent requests took longer than 4 hours to fill')).toBeGreaterThanOrEqual(0.5);
    expect(titleSimilarity('Fuel resupply for generators not arranged in time', 'Press releases went out late')).toBe(0);
    fc.assert(fc.property(fc.string(), (s) => titleSimilarity(s, s) === 0 || titleSimilarity(s, s) === 1));
  });
});
