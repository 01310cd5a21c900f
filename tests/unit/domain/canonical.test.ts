import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalRow } from '../../../shared/domain/canonical';

describe('canonical form of a record', () => {
  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer(), fc.constant(null))), (row) => {
        const reversed = Object.fromEntries(Object.entries(row).reverse());
        expect(canonicalRow(reversed)).toBe(canonicalRow(row));
      }),
    );
  });

  it('distinguishes text from numbers and keeps null', () => {
    expect(canonicalRow({ a: '1' })).not.toBe(canonicalRow({ a: 1 }));
    expect(canonicalRow({ b: null, a: 'x' })).toBe('{"a":"x","b":null}');
  });

  it('refuses values with no stable form', () => {
    expect(() => canonicalRow({ a: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalRow({ a: { nested: 1 } })).toThrow(/no canonical form/);
  });
});
