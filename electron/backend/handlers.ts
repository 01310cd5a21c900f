import type { AllHandlers } from './registry';
import { sessionHandlers } from './domains/session/handlers';
import { setupHandlers } from './domains/setup/handlers';
import { systemHandlers } from './domains/system/handlers';

/** Every method's handler; the type fails to check if one is missing. */
export const handlers: AllHandlers = {
  ...systemHandlers,
  ...setupHandlers,
  ...sessionHandlers,
};
