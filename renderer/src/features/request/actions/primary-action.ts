import type { RequestDetail } from '../../../../../shared/contract';
import type { RequestAction } from '../../../../../shared/domain/request-state';
import { STOPPING } from './step-fields';

type Offered = RequestDetail['actions'][number];

/**
 * The step most likely next: the first forward step this position may take. Returning
 * for changes, denying and cancelling are never it, and an ETA update is not when the
 * request is already en route. The filled button and Alt+Enter both take this one.
 */
export function primaryAction(r: Pick<RequestDetail, 'status' | 'actions'>): RequestAction | null {
  const forward = r.actions.filter((a: Offered) => a.action !== 'withdraw_fill' && !STOPPING.has(a.action));
  const pick = forward.find((a) => a.allowed && !(r.status === 'en_route' && a.action === 'mark_en_route')) ?? forward.find((a) => a.allowed);
  return pick?.action ?? null;
}
