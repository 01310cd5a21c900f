import { requestMethods } from '../../../../shared/contract/request';
import { AppError } from '../../errors';
import type { HandlersFor } from '../../registry';

// Placeholder while the issue 4 backend is written: the contract is fixed first so the
// screens can be built against it. Every method answers "unavailable" until it lands.
const notYet = (): never => {
  throw new AppError('unavailable', 'This part of the console is still being built');
};

export const requestHandlers = Object.fromEntries(Object.keys(requestMethods).map((k) => [k, notYet])) as unknown as HandlersFor<keyof typeof requestMethods>;
