import { app } from 'electron';
import path from 'node:path';

/**
 * Where the built pieces are, relative to this bundle (out/main/index.js), inside app.asar
 * once packaged: electron-vite writes out/main, out/preload and out/renderer side by side.
 */
const here = import.meta.dirname;

export const rendererRoot = (): string => path.join(here, '..', 'renderer');
export const preloadPath = (): string => path.join(here, '..', 'preload', 'index.cjs');
export const backendHostPath = (): string => path.join(here, 'backend-host.js');

/**
 * The workstation's store: userData/data unless EOC_DATA_DIR names another folder (a test,
 * a second data set). The browser host uses the same default, so both open one store.
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.EOC_DATA_DIR || path.join(app.getPath('userData'), 'data'));
}

/**
 * EOC_USER_DATA_DIR moves Chromium's profile and, with it, the single-instance lock. Tests
 * use it so a console already open on the machine neither blocks nor receives their launch.
 * It must be applied before the lock is requested and before `ready`.
 */
export function applyUserDataOverride(env: NodeJS.ProcessEnv = process.env): void {
  if (env.EOC_USER_DATA_DIR) app.setPath('userData', path.resolve(env.EOC_USER_DATA_DIR));
}
