import type { RequestAction } from '../../../../../shared/domain/request-state';

/** The one field a step carries besides its note (ICS 213RR blocks and the contract's step inputs). */
export interface StepField {
  readonly name: 'reason' | 'findings' | 'comments' | 'eta' | 'receivedBy' | 'assignedTo' | 'releasedTo' | 'fillId';
  readonly label: string;
  readonly required: boolean;
  readonly kind: 'text' | 'long' | 'time' | 'fill';
}

export const STEP_FIELDS: Partial<Record<RequestAction, StepField>> = {
  deny: { name: 'reason', label: 'Reason for denial', required: true, kind: 'long' },
  return_for_changes: { name: 'reason', label: 'Changes needed', required: true, kind: 'long' },
  check_resources: { name: 'findings', label: 'Findings (what is on hand)', required: false, kind: 'long' },
  finance_approve: { name: 'comments', label: '17. Reply/comments from finance', required: false, kind: 'long' },
  return_to_sourcing: { name: 'reason', label: 'Reason', required: true, kind: 'long' },
  mark_en_route: { name: 'eta', label: 'Estimated arrival (ETA)', required: true, kind: 'time' },
  receive: { name: 'receivedBy', label: 'Received by', required: false, kind: 'text' },
  assign: { name: 'assignedTo', label: 'Assigned to', required: true, kind: 'text' },
  release: { name: 'releasedTo', label: 'Released to', required: false, kind: 'text' },
  cancel: { name: 'reason', label: 'Reason for cancelling', required: true, kind: 'long' },
  withdraw_fill: { name: 'fillId', label: 'Source to withdraw', required: true, kind: 'fill' },
};

/** Steps that take their own form rather than the generic one. */
export const OWN_FORM: ReadonlySet<RequestAction> = new Set(['source', 'return_resources']);

/** Steps that end or reject a request: shown apart from the forward steps, in red. */
export const STOPPING: ReadonlySet<RequestAction> = new Set(['deny', 'cancel', 'return_for_changes', 'return_to_sourcing']);
