import { incidentMethods } from '../../../../shared/contract/incident';
import { AppError } from '../../errors';
import type { HandlersFor } from '../../registry';

type Names = keyof typeof incidentMethods;

/** Placeholder until the domain lands: the contract is published first for the renderer. */
export const incidentHandlers = Object.fromEntries(
  Object.keys(incidentMethods).map((m) => [m, () => {
    throw new AppError('unavailable', `${m} is not available yet`);
  }]),
) as unknown as HandlersFor<Names>;
