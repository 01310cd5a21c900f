import { app, BrowserWindow, dialog, Menu, shell, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newWindow(): void;
  dataDir: string;
}

/**
 * The application menu: the platform's usual roles, so the keyboard shortcuts operators
 * already know work. Reload and DevTools only in development: in the field a stray
 * Ctrl+R must not throw away a half-typed log entry.
 */
export function installMenu(actions: MenuActions): void {
  const isMac = process.platform === 'darwin';
  const dev = !app.isPackaged;
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Window', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newWindow() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        ...(dev
          ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Open Data Folder', click: () => void shell.openPath(actions.dataDir) },
        { type: 'separator' },
        { label: `About ${app.getName()}`, click: () => void showAbout(actions.dataDir) },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Names the version and, above all, where this workstation's data lives. */
async function showAbout(dataDir: string): Promise<void> {
  const detail = [
    `Version ${app.getVersion()}`,
    `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`,
    `Data folder: ${dataDir}`,
  ].join('\n');
  const options = {
    type: 'info' as const,
    title: `About ${app.getName()}`,
    message: app.getName(),
    detail,
    buttons: ['OK'],
  };
  const parent = BrowserWindow.getFocusedWindow();
  await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}
