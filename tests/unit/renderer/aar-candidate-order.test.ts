import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../shared/contract';
import { candidateOrder } from '../../../renderer/src/features/aar/candidate-order';

const card = (id: string, title: string, capabilityLabel: string | null, kind: Observation['kind'] = 'afi', evidence = 1) =>
  ({ id, title, capabilityLabel, kind, evidence: Array.from({ length: evidence }, () => ({})) }) as unknown as Observation;

describe('the order of the record’s proposals', () => {
  it('is by capability in its numbering, areas for improvement first, the best-evidenced first, then by title, whatever order the store gave', () => {
    const cards = [
      card('f', 'No capability', null),
      card('a', 'Radio net held', '2 Information Sharing', 'strength', 5),
      card('b', '3 urgent requests took longer than 4 hours', '10 Resources', 'afi', 1),
      card('c', '2 of 8 facilities missed the deadline', '2 Information Sharing', 'afi', 1),
      card('d', '1 proposed event never reviewed', '2 Information Sharing', 'afi', 4),
      card('e', 'Another on information', '2 Information Sharing', 'afi', 1),
    ];
    const expected = ['d', 'c', 'e', 'a', 'b', 'f'];
    for (const shuffled of [cards, [...cards].reverse(), [cards[3]!, cards[0]!, cards[5]!, cards[1]!, cards[4]!, cards[2]!]]) {
      expect([...shuffled].sort(candidateOrder).map((c) => c.id)).toEqual(expected);
    }
  });
});
