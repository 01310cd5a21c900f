import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { available, move, recount, type Stock } from '../../../shared/domain/inventory-rules';

describe('stock conservation rules', () => {
  it('keeps allocated + available == held and nothing negative, whatever the sequence', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000),
        fc.array(fc.record({ m: fc.constantFrom('allocate', 'return', 'consume', 'count') as fc.Arbitrary<'allocate' | 'return' | 'consume' | 'count'>, q: fc.integer({ min: -5, max: 3000 }) }), { maxLength: 200 }),
        (held, ops) => {
          let s: Stock = { held, allocated: 0 };
          for (const op of ops) {
            const r = op.m === 'count' ? recount(s, op.q) : move(s, op.m, op.q);
            if (r.ok) s = r.stock;
            expect(s.allocated).toBeGreaterThanOrEqual(0);
            expect(available(s)).toBeGreaterThanOrEqual(0);
            expect(s.allocated + available(s)).toBe(s.held);
          }
        },
      ),
    );
  });

  it('refuses to allocate more than is available, saying how much is', () => {
    expect(move({ held: 100, allocated: 80 }, 'allocate', 30, 'each')).toEqual({
      ok: false,
      message: 'Only 20 each are available here (100 held, 80 already allocated); allocate at most 20',
    });
  });

  it('refuses a recount below what is allocated', () => {
    expect(recount({ held: 100, allocated: 80 }, 50)).toMatchObject({ ok: false, message: expect.stringContaining('at least 80 must be held') });
  });

  it('refuses quantities that are not whole numbers of 1 or more', () => {
    for (const q of [0, -1, 1.5]) expect(move({ held: 10, allocated: 0 }, 'allocate', q)).toEqual({ ok: false, message: 'Quantity must be a whole number of 1 or more' });
  });
});
