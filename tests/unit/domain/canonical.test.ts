import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalColumns, canonicalFact, canonicalRow, chainPayload, latestCanonicalVersion } from '../../../shared/domain/canonical';

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

describe('versioned canonical form of a record of fact', () => {
  const forms = { notes: [['id', 'text'], ['id', 'text', 'urgency']] } as const;

  it('covers exactly the columns of its version: a column outside it changes nothing, one inside it changes the form', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (text, urgency, extra) => {
        const row = { id: 'n1', text, urgency, extra };
        const v1 = canonicalFact(row, canonicalColumns(forms, 'notes', 1));
        expect(canonicalFact({ ...row, urgency: `${urgency}!`, extra: `${extra}!` }, canonicalColumns(forms, 'notes', 1))).toBe(v1);
        const v2 = canonicalFact(row, canonicalColumns(forms, 'notes', 2));
        expect(canonicalFact({ ...row, urgency: `${urgency}!` }, canonicalColumns(forms, 'notes', 2))).not.toBe(v2);
      }),
    );
  });

  it('refuses a row that lacks a column its version covers, and a version or table that does not exist', () => {
    expect(() => canonicalFact({ id: 'n1' }, canonicalColumns(forms, 'notes', 1))).toThrow(/no column text/);
    expect(() => canonicalColumns(forms, 'notes', 3)).toThrow(/no canonical form version 3/);
    expect(() => latestCanonicalVersion(forms, 'other')).toThrow(/no frozen canonical column list/);
    expect(latestCanonicalVersion(forms, 'notes')).toBe(2);
  });

  it('names the version in what a link commits to from version 2 on, so a link cannot pass as an older version', () => {
    const row = '{"id":"n1"}';
    expect(chainPayload('p', 'notes', row, 1)).toBe('p\nnotes\n{"id":"n1"}');
    expect(chainPayload('p', 'notes', row, 2)).toBe('p\nnotes\nv2\n{"id":"n1"}');
  });
});
