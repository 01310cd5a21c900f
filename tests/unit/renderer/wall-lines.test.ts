import { describe, expect, it } from 'vitest';
import { wallNameLines } from '../../../renderer/src/features/situation/wall-lines';

const names = (chars: number) => 'x'.repeat(chars);

describe('lines of facility names on a wall display', () => {
  it('gives each condition the lines its names need, at most three, none when no facility is in it', () => {
    expect(wallNameLines([names(20), names(120), '', names(400)])).toEqual([1, 3, 0, 3]);
  });

  it('takes lines from the longest lists, the least severe (last) first, while all together pass the budget, never below one', () => {
    // Every condition on the board with a long list: one line each, and the panel still fits.
    expect(wallNameLines(Array.from({ length: 8 }, () => names(400)))).toEqual([2, 1, 1, 1, 1, 1, 1, 1]);
    expect(wallNameLines([names(400), names(400), names(400), names(400), names(40)])).toEqual([2, 2, 2, 2, 1]);
    expect(wallNameLines(Array.from({ length: 12 }, () => names(10)))).toEqual(Array.from({ length: 12 }, () => 1));
  });
});
