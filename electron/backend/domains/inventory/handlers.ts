import { inventoryMethods } from '../../../../shared/contract/inventory';
import { AppError } from '../../errors';
import type { HandlersFor } from '../../registry';

// Placeholder while the issue 4 backend is written: the contract is fixed first so the
// screens can be built against it. Every method answers "unavailable" until it lands.
const notYet = (): never => {
  throw new AppError('unavailable', 'This part of the console is still being built');
};

export const inventoryHandlers = Object.fromEntries(Object.keys(inventoryMethods).map((k) => [k, notYet])) as unknown as HandlersFor<keyof typeof inventoryMethods>;
