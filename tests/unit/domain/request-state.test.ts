import { describe, expect, it } from 'vitest';
import { STANDARD_POSITIONS } from '../../../shared/domain/positions';
import {
  actionsFrom,
  decide,
  EDGES,
  editRefusal,
  NEXT_ACTION,
  type PositionLike,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
  type RequestAction,
  type RequestStatus,
  rolesOf,
  TERMINAL_STATUSES,
} from '../../../shared/domain/request-state';

const pos = (code: string): PositionLike => {
  const p = STANDARD_POSITIONS.find((x) => x.code === code)!;
  return { code: p.code, title: p.title, section: p.section, custom: false };
};
const IC = pos('IC');
const sourced = { sourcedQuantity: 10 };

/** The legal steps, written out independently of EDGES so a change to either is caught. */
const LEGAL: Record<RequestStatus, Partial<Record<RequestAction, RequestStatus>>> = {
  draft: { submit: 'submitted', cancel: 'cancelled' },
  changes_requested: { submit: 'submitted', cancel: 'cancelled' },
  submitted: { approve: 'resource_check', deny: 'denied', return_for_changes: 'changes_requested', cancel: 'cancelled' },
  resource_check: { check_resources: 'sourcing', return_for_changes: 'changes_requested', cancel: 'cancelled' },
  sourcing: { source: 'sourcing', withdraw_fill: 'sourcing', send_to_finance: 'finance_review', cancel: 'cancelled' },
  finance_review: { finance_approve: 'ordered', return_to_sourcing: 'sourcing', cancel: 'cancelled' },
  ordered: { mark_en_route: 'en_route', receive: 'received', cancel: 'cancelled' },
  en_route: { mark_en_route: 'en_route', receive: 'received' },
  received: { assign: 'assigned', release: 'released', close: 'closed' },
  assigned: { release: 'released', close: 'closed' },
  released: { return_resources: 'returned', close: 'closed' },
  returned: { close: 'closed' },
  denied: {},
  closed: {},
  cancelled: {},
};

describe('the ICS 213RR state machine', () => {
  for (const status of REQUEST_STATUSES) {
    for (const action of REQUEST_ACTIONS) {
      const to = LEGAL[status][action];
      if (to) {
        it(`${status} --${action}--> ${to}`, () => {
          const d = decide(action, status, IC, sourced);
          expect(d).toMatchObject({ ok: true, to });
        });
      } else {
        it(`refuses ${action} from ${status} with a sentence naming both`, () => {
          const d = decide(action, status, IC, sourced);
          expect(d.ok).toBe(false);
          if (d.ok) return;
          expect(d.reason).toBe('illegal');
          expect(d.message).toMatch(/^An? .+ cannot be .+; .+/);
        });
      }
    }
  }

  it('lists exactly the legal steps', () => {
    const fromTable = Object.entries(LEGAL).flatMap(([s, m]) => Object.entries(m).map(([a, t]) => `${s}|${a}|${t}`));
    expect(EDGES.map((e) => `${e.from}|${e.action}|${e.to}`).sort()).toEqual(fromTable.sort());
  });

  it('explains a refusal in words the operator can act on', () => {
    const d = decide('source', 'denied', IC, sourced);
    expect(d).toMatchObject({ ok: false, message: 'A denied request cannot be sourced; a denial is final, so open a new request (copy this one to start)' });
    expect(decide('receive', 'submitted', IC, sourced)).toMatchObject({
      ok: false,
      message: 'A request awaiting section chief approval cannot be marked received; next it can be approved, denied, returned for changes or cancelled',
    });
  });

  it('has no step out of a terminal status, and a next action owner for every open one', () => {
    for (const s of TERMINAL_STATUSES) {
      expect(actionsFrom(s)).toEqual([]);
      expect(NEXT_ACTION[s]).toBeNull();
    }
    for (const s of REQUEST_STATUSES.filter((x) => !TERMINAL_STATUSES.includes(x))) expect(NEXT_ACTION[s]).not.toBeNull();
  });

  it('lets only a section chief (or command) approve', () => {
    for (const code of ['OSC', 'PSC', 'LSC', 'FSC', 'IC', 'DEPIC', 'HCCDO']) expect(decide('approve', 'submitted', pos(code), sourced).ok, code).toBe(true);
    const d = decide('approve', 'submitted', pos('SITL'), sourced);
    expect(d).toMatchObject({ ok: false, reason: 'forbidden' });
    if (!d.ok) expect(d.message).toContain('you are signed in as Situation Unit Leader');
  });

  it('routes each step to the positions of the 213RR', () => {
    expect(decide('check_resources', 'resource_check', pos('RESL'), sourced).ok).toBe(true);
    expect(decide('check_resources', 'resource_check', pos('COST'), sourced).ok).toBe(false);
    expect(decide('source', 'sourcing', pos('SPUL'), sourced).ok).toBe(true);
    expect(decide('source', 'sourcing', pos('OSC'), sourced).ok).toBe(false);
    expect(decide('finance_approve', 'finance_review', pos('FSC'), sourced).ok).toBe(true);
    expect(decide('finance_approve', 'finance_review', pos('LSC'), sourced).ok).toBe(false);
    expect(decide('release', 'received', pos('DMOB'), sourced).ok).toBe(true);
  });

  it('lets any position submit or cancel its own draft, but not cancel after approval', () => {
    expect(decide('submit', 'draft', pos('PIO'), sourced).ok).toBe(true);
    expect(decide('cancel', 'draft', pos('PIO'), sourced).ok).toBe(true);
    expect(decide('cancel', 'sourcing', pos('PIO'), sourced)).toMatchObject({ ok: false, reason: 'forbidden' });
  });

  it('gives custom positions the roles of their section', () => {
    const custom = { code: 'EVAC-COORD', title: 'Evacuation Coordinator', section: 'Logistics', custom: true };
    expect([...rolesOf(custom)].sort()).toEqual(['logistics', 'receiving', 'requestor']);
    expect(decide('source', 'sourcing', custom, sourced).ok).toBe(true);
  });

  it('will not send to finance a request with nothing sourced', () => {
    expect(decide('send_to_finance', 'sourcing', IC, { sourcedQuantity: 0 })).toMatchObject({ ok: false, reason: 'guard', message: 'Source at least one line before sending the request to finance' });
  });

  it('allows the requestor section to be edited only in draft or when returned for changes', () => {
    for (const s of REQUEST_STATUSES) {
      const refusal = editRefusal(s);
      if (s === 'draft' || s === 'changes_requested') expect(refusal).toBeNull();
      else expect(refusal).toMatch(/cannot be edited/);
    }
    expect(editRefusal('submitted')).toContain('return it for changes');
  });
});
