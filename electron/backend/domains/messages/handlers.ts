import { messageMethods } from '../../../../shared/contract/message';
import { AppError } from '../../errors';
import type { HandlersFor } from '../../registry';

type Names = keyof typeof messageMethods;

/** Placeholder until the domain lands: the contract is published first for the renderer. */
export const messageHandlers = Object.fromEntries(
  Object.keys(messageMethods).map((m) => [m, () => {
    throw new AppError('unavailable', `${m} is not available yet`);
  }]),
) as unknown as HandlersFor<Names>;
