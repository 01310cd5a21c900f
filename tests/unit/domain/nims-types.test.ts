import { describe, expect, it } from 'vitest';
import { normalizeType, typeForExchange, typeLabel, typeProblem } from '../../../shared/domain/nims';

describe('the Type of a requested resource', () => {
  it('accepts a local designation beside the NIMS types of a typed kind', () => {
    expect(typeProblem('Ambulance (ground)', 'BLS')).toBeNull();
    expect(typeProblem('Ambulance (ground)', '2')).toBeNull();
    expect(typeProblem('Ambulance (ground)', 'Type 5')).toMatch(/has NIMS types 1 to 4 .*there is no Type 5/);
  });

  it('stores "Type 2", "type II" and "T2" as NIMS type 2, and never writes "Type Type 2"', () => {
    expect(['Type 2', 'type II', 'T2', ' 2 '].map(normalizeType)).toEqual(['2', '2', '2', '2']);
    expect(normalizeType('BLS')).toBe('BLS');
    expect(typeForExchange(normalizeType('Type 2')!)).toBe('Type 2');
    expect(typeLabel('BLS')).toBe('BLS (local)');
  });
});
