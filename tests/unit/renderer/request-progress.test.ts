import { describe, expect, it } from 'vitest';
import { requestFigures } from '../../../shared/domain/status-rules';
import { onTimeShareWords, requestProgress } from '../../../renderer/src/features/status/labels';

const MIN = 60_000;
const ZONE = 'America/New_York';
// 06 Dec 2026 15:30 UTC is 10:30 EST.
const sent = Date.UTC(2026, 11, 6, 15, 0);
const deadline = sent + 30 * MIN;
const request = (responses: (number | null)[]) => ({ deadline, figures: requestFigures({ requestedAt: sent, deadline, responses }) });

describe('a status request’s progress in words', () => {
  it('before the deadline says how many answered and when it is due, never a share of 0%', () => {
    const r = request([sent + 5 * MIN, sent + 9 * MIN, null, null, null]);
    expect(requestProgress(request([null, null, null, null, null]), sent + MIN, ZONE)).toBe('0 of 5 answered · due 10:30 EST');
    expect(requestProgress(r, sent + 10 * MIN, ZONE)).toBe('2 of 5 answered · due 10:30 EST');
    expect(onTimeShareWords(r, sent + 10 * MIN)).toBeNull();
  });

  it('after the deadline, or once all have answered, gives the share on time (HPP J.1)', () => {
    const r = request([sent + 5 * MIN, sent + 9 * MIN, sent + 40 * MIN, null, null]);
    expect(requestProgress(r, deadline + MIN, ZONE)).toBe('3 of 5 answered · 40% on time');
    expect(requestProgress(request([sent + 5 * MIN, sent + 9 * MIN]), sent + 10 * MIN, ZONE)).toBe('2 of 2 answered · 100% on time');
  });

  it('gives a deadline a day or more away with its date', () => {
    const far = { ...request([null]), deadline: sent + 2 * 24 * 60 * MIN };
    expect(requestProgress(far, sent, ZONE)).toBe('0 of 1 answered · due 08 Dec 2026 10:00 EST');
  });
});
