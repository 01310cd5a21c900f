import { STANDARD_POSITIONS } from './positions';

/**
 * The ICS 213RR lifecycle as a pure state machine (standards-reference §1, "Recommended
 * app state machine"): requestor section, section chief approval, resource unit check,
 * logistics sourcing, finance review, delivery, demobilization and closure. The backend
 * asks `decide()` before every step and stores the answer's target status; a refusal comes
 * back as a sentence the operator can act on.
 */
export const REQUEST_STATUSES = [
  'draft',
  'submitted',
  'changes_requested',
  'denied',
  'resource_check',
  'sourcing',
  'finance_review',
  'ordered',
  'en_route',
  'received',
  'assigned',
  'released',
  'returned',
  'closed',
  'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<RequestStatus, string>> = {
  draft: 'Draft',
  submitted: 'Awaiting approval',
  changes_requested: 'Returned for changes',
  denied: 'Denied',
  resource_check: 'Resource unit check',
  sourcing: 'Sourcing',
  finance_review: 'Finance review',
  ordered: 'Ordered',
  en_route: 'En route',
  received: 'Received',
  assigned: 'Assigned',
  released: 'Released (demobilized)',
  returned: 'Returned',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

export const TERMINAL_STATUSES: readonly RequestStatus[] = ['denied', 'closed', 'cancelled'];
export const OPEN_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s));
export const isOpen = (s: RequestStatus) => !TERMINAL_STATUSES.includes(s);
/**
 * Open and submitted: sent to someone and not yet closed, denied or cancelled. A draft has
 * gone to no one yet. What the situation board counts as open requests and the situation
 * report lists (request.board's scope "submitted").
 */
export const SUBMITTED_OPEN_STATUSES: readonly RequestStatus[] = OPEN_STATUSES.filter((s) => s !== 'draft');

/** Block 4/5 of the requestor section may be edited only in these. */
export const EDITABLE_STATUSES: readonly RequestStatus[] = ['draft', 'changes_requested'];

/** ICS 213RR block 8. */
export const PRIORITIES = ['urgent', 'routine', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABELS: Readonly<Record<Priority, string>> = { urgent: 'Urgent', routine: 'Routine', low: 'Low' };
/** Sort order: urgent first. */
export const PRIORITY_RANK: Readonly<Record<Priority, number>> = { urgent: 1, routine: 2, low: 3 };

export const REQUEST_ACTIONS = [
  'submit',
  'approve',
  'deny',
  'return_for_changes',
  'check_resources',
  'source',
  'withdraw_fill',
  'send_to_finance',
  'finance_approve',
  'return_to_sourcing',
  'mark_en_route',
  'receive',
  'assign',
  'release',
  'return_resources',
  'close',
  'cancel',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** Button labels. */
export const ACTION_LABELS: Readonly<Record<RequestAction, string>> = {
  submit: 'Submit',
  approve: 'Approve',
  deny: 'Deny',
  return_for_changes: 'Return for changes',
  check_resources: 'Record resource check',
  source: 'Source a line',
  withdraw_fill: 'Withdraw a source',
  send_to_finance: 'Send to finance',
  finance_approve: 'Finance approve',
  return_to_sourcing: 'Return to logistics',
  mark_en_route: 'En route (ETA)',
  receive: 'Received',
  assign: 'Assign',
  release: 'Release (demobilize)',
  return_resources: 'Record return',
  close: 'Close',
  cancel: 'Cancel request',
};

/** How a refusal names the step: "A denied request cannot be <sourced>". */
const ACTION_PAST: Readonly<Record<RequestAction, string>> = {
  submit: 'submitted',
  approve: 'approved',
  deny: 'denied',
  return_for_changes: 'returned for changes',
  check_resources: 'checked against inventory',
  source: 'sourced',
  withdraw_fill: 'changed by withdrawing a source',
  send_to_finance: 'sent to finance',
  finance_approve: 'approved by finance',
  return_to_sourcing: 'returned to logistics',
  mark_en_route: 'marked en route',
  receive: 'marked received',
  assign: 'assigned',
  release: 'released',
  return_resources: 'marked returned',
  close: 'closed',
  cancel: 'cancelled',
};

/** Who takes part in a request's life. Every signed-in operator is at least a requestor. */
export const ROLES = ['requestor', 'approver', 'resource_unit', 'logistics', 'finance', 'receiving', 'demobilization'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  requestor: 'Requestor',
  approver: 'Section chief',
  resource_unit: 'Resources unit',
  logistics: 'Logistics',
  finance: 'Finance/Administration',
  receiving: 'Receiving (operations)',
  demobilization: 'Demobilization',
};

/**
 * Command (and the coalition duty officer, who runs the coalition's EOC at monitoring and
 * partial activation) may take every step; everyone else by position, as in the 213RR
 * routing: Section Chief approves, RESL checks, Logistics (SPUL/PROC) orders, Finance reviews.
 */
const COMMAND = new Set(['IC', 'DEPIC', 'HCCDO']);
const POSITION_ROLES: Readonly<Record<string, readonly Role[]>> = {
  OSC: ['approver', 'receiving', 'demobilization'],
  PSC: ['approver', 'resource_unit', 'demobilization'],
  LSC: ['approver', 'logistics', 'receiving', 'demobilization'],
  FSC: ['approver', 'finance'],
  RESL: ['resource_unit', 'receiving', 'demobilization'],
  DMOB: ['demobilization'],
  SPUL: ['logistics', 'receiving'],
  PROC: ['logistics', 'finance'],
  COST: ['finance'],
  MEDCARE: ['receiving'],
  INFRA: ['receiving'],
  HCCLNO: ['receiving'],
};
/** Custom positions take the roles of their section. */
const SECTION_ROLES: Readonly<Record<string, readonly Role[]>> = {
  Command: ['approver'],
  Operations: ['receiving'],
  Planning: ['resource_unit'],
  Logistics: ['logistics', 'receiving'],
  'Finance/Administration': ['finance'],
};

export interface PositionLike {
  readonly code: string;
  readonly title: string;
  readonly section: string;
  readonly custom: boolean;
}

export function rolesOf(position: PositionLike): ReadonlySet<Role> {
  if (!position.custom && COMMAND.has(position.code)) return new Set(ROLES);
  const own = position.custom ? SECTION_ROLES[position.section] : POSITION_ROLES[position.code];
  return new Set<Role>(['requestor', ...(own ?? [])]);
}

export interface Edge {
  readonly action: RequestAction;
  readonly from: RequestStatus;
  readonly to: RequestStatus;
  readonly roles: readonly Role[];
}

const e = (action: RequestAction, from: RequestStatus[], to: RequestStatus | 'same', roles: Role[]): Edge[] =>
  from.map((f) => ({ action, from: f, to: to === 'same' ? f : to, roles }));

const BEFORE_APPROVAL: RequestStatus[] = ['draft', 'changes_requested', 'submitted'];

/** Every legal step. Anything not listed is refused. */
export const EDGES: readonly Edge[] = [
  ...e('submit', ['draft', 'changes_requested'], 'submitted', ['requestor']),
  ...e('approve', ['submitted'], 'resource_check', ['approver']),
  ...e('deny', ['submitted'], 'denied', ['approver']),
  ...e('return_for_changes', ['submitted', 'resource_check'], 'changes_requested', ['approver']),
  ...e('check_resources', ['resource_check'], 'sourcing', ['resource_unit']),
  // Partial fills: a line is sourced as many times as it takes, from several sources.
  ...e('source', ['sourcing'], 'same', ['logistics']),
  ...e('withdraw_fill', ['sourcing'], 'same', ['logistics']),
  ...e('send_to_finance', ['sourcing'], 'finance_review', ['logistics']),
  ...e('finance_approve', ['finance_review'], 'ordered', ['finance']),
  ...e('return_to_sourcing', ['finance_review'], 'sourcing', ['finance']),
  // A second "en route" updates the ETA; pick-up at the source skips en route.
  ...e('mark_en_route', ['ordered', 'en_route'], 'en_route', ['logistics']),
  ...e('receive', ['ordered', 'en_route'], 'received', ['receiving']),
  ...e('assign', ['received'], 'assigned', ['receiving']),
  ...e('release', ['received', 'assigned'], 'released', ['demobilization']),
  ...e('return_resources', ['released'], 'returned', ['demobilization', 'logistics']),
  // Consumables are used up: a request may close once received without a return.
  ...e('close', ['received', 'assigned', 'released', 'returned'], 'closed', ['approver', 'logistics']),
  ...e('cancel', BEFORE_APPROVAL, 'cancelled', ['requestor']),
  ...e('cancel', ['resource_check', 'sourcing', 'finance_review', 'ordered'], 'cancelled', ['approver', 'logistics']),
];

export function edge(action: RequestAction, from: RequestStatus): Edge | null {
  return EDGES.find((x) => x.action === action && x.from === from) ?? null;
}

/** Actions that exist from this status, whoever asks. */
export function actionsFrom(status: RequestStatus): RequestAction[] {
  return REQUEST_ACTIONS.filter((a) => edge(a, status) !== null);
}

/** Facts about the request that some steps depend on. */
export interface RequestFacts {
  /** Quantity sourced across all lines (fills less withdrawals). */
  readonly sourcedQuantity: number;
}

export type Decision =
  | { readonly ok: true; readonly to: RequestStatus; readonly edge: Edge }
  | { readonly ok: false; readonly reason: 'illegal' | 'forbidden' | 'guard'; readonly message: string };

const SUBJECT: Readonly<Record<RequestStatus, string>> = {
  draft: 'A request still in draft',
  submitted: 'A request awaiting section chief approval',
  changes_requested: 'A request returned for changes',
  denied: 'A denied request',
  resource_check: 'A request in resource unit check',
  sourcing: 'A request being sourced',
  finance_review: 'A request in finance review',
  ordered: 'An ordered request',
  en_route: 'A request whose resources are en route',
  received: 'A request whose resources were received',
  assigned: 'A request whose resources are assigned',
  released: 'A request whose resources were released',
  returned: 'A request whose resources were returned',
  closed: 'A closed request',
  cancelled: 'A cancelled request',
};

const TERMINAL_HINT: Readonly<Partial<Record<RequestStatus, string>>> = {
  denied: 'a denial is final, so open a new request (copy this one to start)',
  closed: 'it is kept as the record; open a new request if more is needed (copy this one to start)',
  cancelled: 'open a new request instead (copy this one to start)',
};

function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** "A denied request cannot be sourced; …" — what was refused and what can be done. */
export function refusalMessage(action: RequestAction, status: RequestStatus): string {
  const hint =
    TERMINAL_HINT[status] ??
    `next it can be ${orList(actionsFrom(status).filter((a) => a !== 'withdraw_fill').map((a) => ACTION_PAST[a]))}`;
  return `${SUBJECT[status]} cannot be ${ACTION_PAST[action]}; ${hint}`;
}

const TITLE_BY_CODE = new Map(STANDARD_POSITIONS.map((p) => [p.code, p.title]));

/** Standard positions that hold a role, for "needs one of …" messages. */
export function holdersOf(role: Role): string[] {
  const codes = [...COMMAND, ...Object.keys(POSITION_ROLES).filter((c) => POSITION_ROLES[c]!.includes(role))];
  return role === 'requestor' ? ['any signed-in position'] : codes.map((c) => TITLE_BY_CODE.get(c) ?? c);
}

export function forbiddenMessage(action: RequestAction, roles: readonly Role[], position: PositionLike): string {
  const holders = [...new Set(roles.flatMap(holdersOf))];
  return `${ACTION_LABELS[action]} is a ${orList(roles.map((r) => ROLE_LABELS[r]))} step; you are signed in as ${position.title}. Ask one of: ${holders.join(', ')}`;
}

/**
 * Whether `position` may take `action` on a request in `status`, and where it goes.
 * Order of checks: is the step possible at all, may this position take it, do the facts allow it.
 */
export function decide(action: RequestAction, status: RequestStatus, position: PositionLike, facts: RequestFacts): Decision {
  const found = edge(action, status);
  if (!found) return { ok: false, reason: 'illegal', message: refusalMessage(action, status) };
  const held = rolesOf(position);
  if (!found.roles.some((r) => held.has(r))) {
    return { ok: false, reason: 'forbidden', message: forbiddenMessage(action, found.roles, position) };
  }
  if (action === 'send_to_finance' && facts.sourcedQuantity <= 0) {
    return { ok: false, reason: 'guard', message: 'Source at least one line before sending the request to finance' };
  }
  return { ok: true, to: found.to, edge: found };
}

/** Why the requestor section cannot be edited now, or null when it can. */
export function editRefusal(status: RequestStatus): string | null {
  if (EDITABLE_STATUSES.includes(status)) return null;
  if (status === 'submitted') {
    return `${SUBJECT[status]} cannot be edited; ask the section chief to return it for changes first`;
  }
  if (TERMINAL_STATUSES.includes(status)) return `${SUBJECT[status]} cannot be edited; ${TERMINAL_HINT[status]}`;
  return `${SUBJECT[status]} cannot be edited: its requestor section was approved. Add a note to a step, or open a new request`;
}

/** Who acts next, shown on the board as the next action owner. */
export const NEXT_ACTION: Readonly<Record<RequestStatus, { role: Role; label: string } | null>> = {
  draft: { role: 'requestor', label: 'Requestor to complete and submit' },
  changes_requested: { role: 'requestor', label: 'Requestor to make the changes and resubmit' },
  submitted: { role: 'approver', label: 'Section chief to approve, deny or return' },
  resource_check: { role: 'resource_unit', label: 'Resources unit to check inventory' },
  sourcing: { role: 'logistics', label: 'Logistics to source each line' },
  finance_review: { role: 'finance', label: 'Finance to review the cost' },
  ordered: { role: 'logistics', label: 'Logistics to dispatch with an ETA' },
  en_route: { role: 'receiving', label: 'Requesting facility to confirm receipt' },
  received: { role: 'receiving', label: 'Operations to assign, or release when done' },
  assigned: { role: 'demobilization', label: 'Demobilization to release when no longer needed' },
  released: { role: 'logistics', label: 'Logistics to record the return, or close' },
  returned: { role: 'logistics', label: 'Logistics to close' },
  denied: null,
  closed: null,
  cancelled: null,
};

/**
 * Who acts next, given how much is still to source: "source each line" is stale once
 * every line is sourced, and the board would send Logistics looking for nothing.
 */
export function nextActionOf(status: RequestStatus, outstanding: number): { role: Role; label: string } | null {
  if (status === 'sourcing' && outstanding <= 0) return { role: 'logistics', label: 'Logistics to send to finance: every line is sourced' };
  return NEXT_ACTION[status];
}
