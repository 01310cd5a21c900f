/** What happened when a contact was called (issue 13). */
export const CALL_OUTCOMES = ['reached', 'voicemail', 'no_answer', 'wrong_number'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const CALL_OUTCOME_LABELS: Readonly<Record<CallOutcome, string>> = {
  reached: 'Reached',
  voicemail: 'Left voicemail',
  no_answer: 'No answer',
  wrong_number: 'Wrong number',
};

export type TargetStatus = CallOutcome | 'not_called';

/**
 * Where a contact stands: reached once reached (a later failed call to the same person
 * does not undo it), otherwise the outcome of the latest attempt.
 */
export function targetStatus(outcomes: readonly CallOutcome[]): TargetStatus {
  if (outcomes.includes('reached')) return 'reached';
  return outcomes.at(-1) ?? 'not_called';
}

export const TARGET_STATUS_LABELS: Readonly<Record<TargetStatus, string>> = { ...CALL_OUTCOME_LABELS, not_called: 'Not called yet' };

export function reachedLabel(reached: number, total: number): string {
  return `${reached} of ${total} reached`;
}
