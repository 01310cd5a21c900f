import { describe, expect, it } from 'vitest';
import { filedAs } from '../../../renderer/src/features/request/form/filed-as';

describe('the 213RR line kind says the catalogue name it will be saved under', () => {
  it('names it when the typed kind differs from it (plural, case, spaces)', () => {
    expect(filedAs('N95 respirators')).toBe('Filed as “N95 respirator”');
    expect(filedAs('  n95   RESPIRATOR ')).toBe('Filed as “N95 respirator”');
  });
  it('says nothing when it is kept as typed', () => {
    expect(filedAs('N95 respirator')).toBeUndefined();
    expect(filedAs('Portable generator for the Holyoke shelter')).toBeUndefined();
    expect(filedAs('')).toBeUndefined();
  });
});
