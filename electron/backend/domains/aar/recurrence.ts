import type { z } from 'zod';
import type { recurrenceSchema } from '../../../../shared/contract';
import { RECURRENCE_SIMILARITY, titleSimilarity } from '../../../../shared/domain/aar-outline';
import type { AfiRow } from './queries';

type Recurrence = z.infer<typeof recurrenceSchema>;

/**
 * Whether two areas for improvement are the same issue: proposed by the same drafting rule,
 * or worded alike (and not tied to two different capabilities).
 */
export function sameIssue(a: Pick<AfiRow, 'rule_key' | 'capability_id' | 'title'>, b: Pick<AfiRow, 'rule_key' | 'capability_id' | 'title'>): boolean {
  if (a.rule_key && a.rule_key === b.rule_key) return true;
  if (a.capability_id && b.capability_id && a.capability_id !== b.capability_id) return false;
  return titleSimilarity(a.title, b.title) >= RECURRENCE_SIMILARITY;
}

/**
 * For each accepted area for improvement, the same issue found at earlier events (other
 * incidents or exercises that started before its own), oldest first: a lesson that recurs.
 */
export function recurrences(afis: readonly AfiRow[]): Map<string, Recurrence[]> {
  const out = new Map<string, Recurrence[]>();
  for (const a of afis) {
    const earlier = afis
      .filter((b) => b.incident_id !== a.incident_id && b.started_at < a.started_at && sameIssue(a, b))
      .sort((x, y) => x.started_at - y.started_at)
      .map((b) => ({ observationId: b.id, incidentId: b.incident_id, incidentName: b.incident_name, exercise: b.exercise === 1, startedAt: b.started_at, title: b.title }));
    if (earlier.length) out.set(a.id, earlier);
  }
  return out;
}
