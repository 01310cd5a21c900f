import { logMethods } from '../../../../shared/contract/log';
import { AppError } from '../../errors';
import type { HandlersFor } from '../../registry';

type Names = keyof typeof logMethods;

/** Placeholder until the domain lands: the contract is published first for the renderer. */
export const logHandlers = Object.fromEntries(
  Object.keys(logMethods).map((m) => [m, () => {
    throw new AppError('unavailable', `${m} is not available yet`);
  }]),
) as unknown as HandlersFor<Names>;
