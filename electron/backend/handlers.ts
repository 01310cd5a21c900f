import type { AllHandlers } from './registry';
import { decisionHandlers } from './domains/decision/handlers';
import { exportHandlers } from './domains/export/handlers';
import { incidentHandlers } from './domains/incident/handlers';
import { logHandlers } from './domains/log/handlers';
import { messageHandlers } from './domains/message/handlers';
import { aarHandlers } from './domains/aar/handlers';
import { exerciseHandlers } from './domains/exercise/handlers';
import { integrityHandlers } from './domains/integrity/handlers';
import { mapHandlers } from './domains/map/handlers';
import { demoHandlers } from './domains/demo/handlers';
import { directoryHandlers } from './domains/directory/handlers';
import { edxlHandlers } from './domains/edxl/handlers';
import { inventoryHandlers } from './domains/inventory/handlers';
import { requestHandlers } from './domains/request/handlers';
import { sessionHandlers } from './domains/session/handlers';
import { timelineHandlers } from './domains/timeline/handlers';
import { setupHandlers } from './domains/setup/handlers';
import { storeHandlers } from './domains/store/handlers';
import { systemHandlers } from './domains/system/handlers';
import { sitrepHandlers } from './domains/sitrep/handlers';
import { statusHandlers } from './domains/status/handlers';
import { planHandlers } from './domains/plan/handlers';
import { activationHandlers } from './domains/activation/handlers';
import { calldownHandlers } from './domains/calldown/handlers';
import { serviceHandlers } from './domains/service/handlers';
import { hvaHandlers } from './domains/hva/handlers';
import { alertHandlers } from './domains/alert/handlers';
import { syncHandlers } from './domains/sync/handlers';
import { settingsHandlers } from './domains/settings/handlers';

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
  ...settingsHandlers,
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
