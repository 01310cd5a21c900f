import { app, dialog, session } from 'electron';
import { createBackendProcess } from './backend-process';
import { serveBackendIpc } from './ipc';
import { installMenu } from './menu';
import { applyUserDataOverride, dataDir, rendererRoot } from './paths';
import { EXIT_REFUSED_TO_START } from './policy';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenAllWebContents, hardenSession } from './security';
import { broadcast, focusOrOpenWindow, openWindow } from './windows';

/**
 * The main process stays thin: windows, menu, protocol and the backend's lifecycle. It
 * never runs a query itself, so a slow one can never freeze a window.
 */

// Before `ready`: the privileged scheme, the profile folder (which scopes the single
// instance lock), and the OS sandbox for every renderer whatever its options say.
registerAppScheme();
applyUserDataOverride();
app.enableSandbox();
// Same id as the installer's (electron-builder appId): taskbar grouping and notifications.
if (process.platform === 'win32') app.setAppUserModelId('org.coalition.eocconsole');

let stopBackend: () => Promise<void> = () => Promise.resolve();
let refused = false;

if (!app.requestSingleInstanceLock()) {
  // A console is already running on this profile; it brings itself forward
  // (`second-instance`) and this launch leaves before opening anything.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (app.isReady()) focusOrOpenWindow();
  });
  hardenAllWebContents();
  start().catch((e: unknown) => refuseToStart(e instanceof Error ? e.message : String(e)));
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  const folder = dataDir();
  serveRenderer(rendererRoot(), folder);
  const backend = createBackendProcess({ dataDir: folder, onEvent: broadcast, onFatal: refuseToStart });
  stopBackend = () => backend.stop();
  serveBackendIpc(backend);
  installMenu({ dataDir: folder, newWindow: () => void openWindow() });
  backend.start();
  openWindow();

  app.on('activate', () => focusOrOpenWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // The backend closes its database (checkpointing the WAL) before the app exits.
  let backendClosed = false;
  app.on('will-quit', (event) => {
    if (backendClosed) return;
    event.preventDefault();
    void backend.stop().finally(() => {
      backendClosed = true;
      app.quit();
    });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
}

/** The backend will not open the store (a newer schema, a locked folder): say why, then leave. */
function refuseToStart(message: string): void {
  if (refused) return;
  refused = true;
  dialog.showErrorBox(`${app.getName()} cannot start`, message);
  void stopBackend().finally(() => app.exit(EXIT_REFUSED_TO_START));
}
