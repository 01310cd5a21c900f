import type { AllHandlers } from './registry';
import { aarHandlers } from './domains/aar/handlers';
import { decisionHandlers } from './domains/decisions/handlers';
import { exerciseHandlers } from './domains/exercises/handlers';
import { exportHandlers } from './domains/exports/handlers';
import { incidentHandlers } from './domains/incidents/handlers';
import { integrityHandlers } from './domains/integrity/handlers';
import { logHandlers } from './domains/logs/handlers';
import { mapHandlers } from './domains/map/handlers';
import { messageHandlers } from './domains/messages/handlers';
import { demoHandlers } from './domains/demo/handlers';
import { directoryHandlers } from './domains/directory/handlers';
import { edxlHandlers } from './domains/edxl/handlers';
import { inventoryHandlers } from './domains/inventory/handlers';
import { requestHandlers } from './domains/requests/handlers';
import { sessionHandlers } from './domains/session/handlers';
import { timelineHandlers } from './domains/timeline/handlers';
import { setupHandlers } from './domains/setup/handlers';
import { storeHandlers } from './domains/store/handlers';
import { systemHandlers } from './domains/system/handlers';
import { sitrepHandlers } from './domains/sitrep/handlers';
import { statusHandlers } from './domains/status/handlers';
import { planHandlers } from './domains/plans/handlers';
import { activationHandlers } from './domains/activation/handlers';
import { calldownHandlers } from './domains/calldown/handlers';
import { serviceHandlers } from './domains/services/handlers';
import { hvaHandlers } from './domains/hva/handlers';
import { alertHandlers } from './domains/alerts/handlers';
import { syncHandlers } from './domains/sync/handlers';

/** Every method's handler; the type fails to check if one is missing. */
export const handlers: AllHandlers = {
  ...systemHandlers,
  ...storeHandlers,
  ...setupHandlers,
  ...sessionHandlers,
  ...directoryHandlers,
  ...inventoryHandlers,
  ...requestHandlers,
  ...edxlHandlers,
  ...demoHandlers,
  ...incidentHandlers,
  ...logHandlers,
  ...decisionHandlers,
  ...messageHandlers,
  ...timelineHandlers,
  ...exportHandlers,
  ...aarHandlers,
  ...exerciseHandlers,
  ...mapHandlers,
  ...integrityHandlers,
  ...statusHandlers,
  ...sitrepHandlers,
  ...planHandlers,
  ...activationHandlers,
  ...calldownHandlers,
  ...serviceHandlers,
  ...hvaHandlers,
  ...alertHandlers,
  ...syncHandlers,
};
