import { describe, expect, it } from 'vitest';
import { countOf } from '../../../renderer/src/lib/format';

describe('countOf', () => {
  it('says one thing in the singular and any other count in the plural', () => {
    expect(countOf(1, 'facility', 'facilities')).toBe('1 facility');
    expect(countOf(0, 'facility', 'facilities')).toBe('0 facilities');
    expect(countOf(3, 'report')).toBe('3 reports');
  });

  it('groups the thousands of a large count', () => {
    expect(countOf(12_500, 'record')).toBe('12,500 records');
  });
});
