import { describe, expect, it } from 'vitest';
import { isoDateProblem } from '../../../renderer/src/lib/format';

describe('agreement dates, typed YYYY-MM-DD as every other date', () => {
  it('takes a calendar date and refuses the browser’s mm/dd/yyyy and impossible days, in words', () => {
    expect(isoDateProblem('2026-11-25', 'Effective date', true)).toBeNull();
    expect(isoDateProblem('11/25/2026', 'Effective date', true)).toBe('Type the effective date as YYYY-MM-DD, e.g. 2026-11-25');
    expect(isoDateProblem('2026-02-30', 'Effective date', true)).toBe('2026-02-30 is not a calendar date');
    expect(isoDateProblem('', 'Expiry date', false)).toBeNull();
    expect(isoDateProblem(' ', 'Effective date', true)).toBe('Effective date is required');
  });
});
