import { exportMethods } from '../../../../shared/contract/export';
import { AppError } from '../../errors';
import type { HandlersFor } from '../../registry';

type Names = keyof typeof exportMethods;

/** Placeholder until the domain lands: the contract is published first for the renderer. */
export const exportHandlers = Object.fromEntries(
  Object.keys(exportMethods).map((m) => [m, () => {
    throw new AppError('unavailable', `${m} is not available yet`);
  }]),
) as unknown as HandlersFor<Names>;
