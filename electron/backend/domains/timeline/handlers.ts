import { timelineMethods } from '../../../../shared/contract/timeline';
import { AppError } from '../../errors';
import type { HandlersFor } from '../../registry';

type Names = keyof typeof timelineMethods;

/** Placeholder until the domain lands: the contract is published first for the renderer. */
export const timelineHandlers = Object.fromEntries(
  Object.keys(timelineMethods).map((m) => [m, () => {
    throw new AppError('unavailable', `${m} is not available yet`);
  }]),
) as unknown as HandlersFor<Names>;
