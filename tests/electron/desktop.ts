import { _electron, test as base, expect, type ElectronApplication, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronLaunchProblem, findElectronRuntime, root } from '../../scripts/electron-runtime.mjs';

/**
 * Why the desktop suite cannot run here (no runtime, no display, no SQLite driver built
 * for Electron), or null. The same verdict `npm start` uses to fall back to the browser host.
 */
export const launchProblem = electronLaunchProblem();

export interface Desktop {
  app: ElectronApplication;
  window: Page;
  dataDir: string;
}

const MAIN = path.join(root, 'out', 'main', 'index.js');

/** The built console in Electron, with its own data folder and its own Chromium profile. */
async function launchDesktop(base: string): Promise<Desktop> {
  const runtime = findElectronRuntime();
  if (!runtime.ok) throw new Error(runtime.reason);
  if (!fs.existsSync(MAIN)) throw new Error('out/main/index.js is missing: run `npm run build` first');
  const dataDir = path.join(base, 'data');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  // A separate profile also means a separate single-instance lock: a console already
  // open on this machine neither blocks the launch nor receives it.
  Object.assign(env, { EOC_DATA_DIR: dataDir, EOC_USER_DATA_DIR: path.join(base, 'profile') });
  const app = await _electron.launch({ executablePath: runtime.executable, args: [root], cwd: root, env });
  const window = await app.firstWindow();
  return { app, window, dataDir };
}

export const test = base.extend<{ desktop: Desktop }>({
  desktop: async ({}, use) => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-electron-'));
    const desktop = await launchDesktop(base);
    try {
      await use(desktop);
    } finally {
      await desktop.app.close();
      fs.rmSync(base, { recursive: true, force: true });
    }
  },
});

/** What the page sees of the preload's bridge, typed loosely on purpose: the test checks its shape. */
export interface PageGlobals {
  eoc?: Record<string, unknown> & {
    invoke(request: unknown): Promise<unknown>;
  };
}

export { expect };
