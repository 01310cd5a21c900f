import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, HLC_MAX_DRIFT_MS, HlcError, parseHlc, receive, tick, zeroHlc, type Hlc } from '../../../shared/domain/hlc';

const node = fc.constantFrom('ws-a', 'ws-b', 'ws-c');
const wall = fc.integer({ min: 0, max: 4_000_000_000_000 });

describe('hybrid logical clock', () => {
  it('never goes backwards, whatever the wall clock does', () => {
    fc.assert(
      fc.property(fc.array(wall, { minLength: 1, maxLength: 200 }), (walls) => {
        let h = zeroHlc('ws-a');
        for (const w of walls) {
          const next = tick(h, w);
          expect(compareHlc(next, h)).toBeGreaterThan(0);
          h = next;
        }
      }),
    );
  });

  it('orders a received event after both the local clock and the remote one', () => {
    fc.assert(
      fc.property(wall, fc.integer({ min: 0, max: 1000 }), wall, node, (a, c, now, n) => {
        const local: Hlc = { wallMs: a, counter: 0, node: 'ws-a' };
        const remote: Hlc = { wallMs: Math.min(now + HLC_MAX_DRIFT_MS, a + c), counter: c, node: n };
        const r = receive(local, remote, now);
        expect(compareHlc(r, local)).toBeGreaterThan(0);
        expect(r.wallMs > remote.wallMs || (r.wallMs === remote.wallMs && r.counter > remote.counter)).toBe(true);
      }),
    );
  });

  it('sorts as text in clock order', () => {
    fc.assert(
      fc.property(wall, fc.integer({ min: 0, max: 99_999 }), wall, fc.integer({ min: 0, max: 99_999 }), (w1, c1, w2, c2) => {
        const a = formatHlc({ wallMs: w1, counter: c1, node: 'n' });
        const b = formatHlc({ wallMs: w2, counter: c2, node: 'n' });
        expect(Math.sign(a < b ? -1 : a > b ? 1 : 0)).toBe(Math.sign(w1 - w2 || c1 - c2));
        expect(parseHlc(a)).toEqual({ wallMs: w1, counter: c1, node: 'n' });
      }),
    );
  });

  it('refuses a remote clock far in the future instead of following it', () => {
    const now = 1_000_000;
    expect(() => receive(zeroHlc('a'), { wallMs: now + HLC_MAX_DRIFT_MS + 1, counter: 0, node: 'b' }, now)).toThrow(HlcError);
  });
});
