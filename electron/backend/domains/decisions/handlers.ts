import { decisionMethods } from '../../../../shared/contract/decision';
import { AppError } from '../../errors';
import type { HandlersFor } from '../../registry';

type Names = keyof typeof decisionMethods;

/** Placeholder until the domain lands: the contract is published first for the renderer. */
export const decisionHandlers = Object.fromEntries(
  Object.keys(decisionMethods).map((m) => [m, () => {
    throw new AppError('unavailable', `${m} is not available yet`);
  }]),
) as unknown as HandlersFor<Names>;
