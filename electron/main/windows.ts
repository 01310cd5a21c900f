import { app, BrowserWindow, nativeTheme, type WebContents } from 'electron';
import { IPC_EVENT } from '../../shared/contract/bridge';
import type { EventEnvelope } from '../../shared/contract/define';
import { preloadPath } from './paths';
import { APP_ENTRY_URL, isAppUrl } from './policy';

const windows = new Set<BrowserWindow>();

/** A console window with every renderer hardening on; the page comes only from app://. */
export function openWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: app.getName(),
    // Mantine's light and dark body colours, so the frame matches before the page paints.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#242424' : '#ffffff',
    webPreferences: {
      preload: preloadPath(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: !app.isPackaged,
    },
  });
  windows.add(win);
  win.on('closed', () => windows.delete(win));
  // Shown once painted, so an operator never sees an empty white frame flash.
  win.once('ready-to-show', () => win.show());
  reloadAfterCrash(win);
  win.loadURL(APP_ENTRY_URL).catch((e: unknown) => console.error(`The console page did not load: ${String(e)}`));
  return win;
}

/** Brings the console forward (a second launch, the dock icon), opening a window if none is left. */
export function focusOrOpenWindow(): void {
  const win = [...windows][0];
  if (!win) {
    openWindow();
    return;
  }
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

export function isOwnWindow(contents: WebContents): boolean {
  for (const w of windows) if (!w.isDestroyed() && w.webContents === contents) return true;
  return false;
}

/** Pushes a backend event to every console window still showing the app. */
export function broadcast(event: EventEnvelope): void {
  for (const w of windows) {
    if (w.isDestroyed() || w.webContents.isDestroyed()) continue;
    if (!isAppUrl(w.webContents.getURL())) continue;
    w.webContents.send(IPC_EVENT, event);
  }
}

/**
 * A renderer that crashed leaves a blank window in front of an operator mid-incident:
 * reload it, but not in a loop if it crashes again at once. Everything entered was saved
 * by the backend, which runs in its own process.
 */
function reloadAfterCrash(win: BrowserWindow): void {
  let lastReload = 0;
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`The console window's renderer stopped (${details.reason})`);
    if (details.reason === 'clean-exit' || win.isDestroyed() || Date.now() - lastReload < 30_000) return;
    lastReload = Date.now();
    win.webContents.reload();
  });
}
