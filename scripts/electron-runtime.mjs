// Finds out whether the desktop (Electron) console can run on this machine, without ever
// downloading anything by accident: `require('electron')` downloads the runtime when it
// is missing, so this module reads node_modules/electron's files instead.
// Shared by scripts/start.mjs, scripts/rebuild-electron-native.mjs and tests/electron/.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronPackage = path.join(root, 'node_modules', 'electron');

/** Where a better-sqlite3 built for Electron's ABI lives in a development tree. */
export const nativeDriverPath = path.join(root, 'resources', 'native', 'electron', 'better_sqlite3.node');
const nativeStampPath = nativeDriverPath.replace(/\.node$/, '.json');

/**
 * Exit code of a console that refused to open its data (electron/main/policy.ts,
 * EXIT_REFUSED_TO_START): Electron itself ran fine.
 */
export const EXIT_REFUSED_TO_START = 78;

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function readJson(file) {
  const text = readText(file);
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The executable inside an Electron dist folder, named as node_modules/electron/install.js names it. */
export function platformExecutable(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** The version of the electron package in node_modules, or null when it is not installed. */
export function electronPackageVersion() {
  return readJson(path.join(electronPackage, 'package.json'))?.version ?? null;
}

/**
 * Locates the runtime: ELECTRON_OVERRIDE_DIST_PATH when set, else node_modules/electron/dist
 * (named by path.txt, which electron's installer writes).
 */
export function findElectronRuntime(env = process.env) {
  const packageVersion = electronPackageVersion();
  if (!packageVersion) {
    return { ok: false, canInstall: false, reason: 'the electron package is not installed; run npm install' };
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const distDir = override || path.join(electronPackage, 'dist');
  const relative = readText(path.join(electronPackage, 'path.txt'))?.trim() || platformExecutable();
  const executable = path.join(distDir, relative);
  if (!fs.existsSync(executable)) {
    return override
      ? { ok: false, canInstall: false, reason: `ELECTRON_OVERRIDE_DIST_PATH (${override}) has no ${relative}` }
      : {
          ok: false,
          canInstall: true,
          reason: 'the Electron runtime has not been downloaded (node_modules/electron/dist is missing)',
        };
  }
  const version = readText(path.join(distDir, 'version'))?.trim().replace(/^v/, '') || packageVersion;
  return { ok: true, executable, version };
}

/** A window needs a display server on Linux; null when there is one (or on other systems). */
export function displayProblem(env = process.env, platform = process.platform) {
  if (platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return null;
  return 'no display: neither DISPLAY nor WAYLAND_DISPLAY is set';
}

/**
 * Null when resources/native/electron holds a better-sqlite3 built for this Electron
 * version, platform and better-sqlite3 version; else why not and how to fix it.
 */
export function nativeDriverProblem(electronVersion) {
  const fix = 'run `node scripts/rebuild-electron-native.mjs`';
  if (!fs.existsSync(nativeDriverPath)) return `the SQLite driver has not been built for Electron; ${fix}`;
  const stamp = readJson(nativeStampPath);
  const expected = nativeDriverStamp(electronVersion);
  const stale = !stamp || Object.entries(expected).some(([k, v]) => stamp[k] !== v);
  if (stale) return `the SQLite driver was built for another Electron or better-sqlite3 version; ${fix}`;
  // The backend refuses a driver without its recorded checksum (electron/backend/host/native-check.ts).
  if (!fs.existsSync(`${nativeDriverPath}.sha256`)) return `the SQLite driver's checksum was never recorded; ${fix}`;
  return null;
}

/** What a native driver build is valid for; written beside it by the rebuild script. */
export function nativeDriverStamp(electronVersion, arch = process.arch) {
  const betterSqlite3 = readJson(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'))?.version ?? null;
  return { electron: electronVersion, betterSqlite3, platform: process.platform, arch };
}

export function writeNativeDriverStamp(electronVersion, arch = process.arch) {
  fs.writeFileSync(nativeStampPath, `${JSON.stringify(nativeDriverStamp(electronVersion, arch), null, 2)}\n`);
}

/**
 * Everything a desktop launch needs, as one verdict: a runtime, a display, and the SQLite
 * driver for Electron. Used by start.mjs (after it tried to download) and by the
 * Playwright Electron suite (to report itself skipped, with this reason).
 */
export function electronLaunchProblem(env = process.env) {
  const runtime = findElectronRuntime(env);
  if (!runtime.ok) return runtime.reason;
  return displayProblem(env) ?? nativeDriverProblem(runtime.version);
}

/**
 * Runs electron's own installer (it downloads the runtime) with a time limit. Its output
 * is kept, not shown: on failure it is a stack trace, and one line says enough.
 */
export function installElectronRuntime(timeoutMs = 60_000) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(electronPackage, 'install.js')], {
      cwd: electronPackage,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (d) => {
      output = (output + d.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      child.kill();
      resolve({ ok: false, reason: `the runtime download did not finish within ${Math.round(timeoutMs / 1000)} s` });
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: `the runtime installer could not run: ${e.message}` });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) return resolve({ ok: true });
      const line =
        output
          .split('\n')
          .find((l) => /error/i.test(l))
          ?.trim() ?? `exit code ${code}`;
      resolve({ ok: false, reason: `the runtime download failed: ${line.slice(0, 200)}` });
    });
  });
}
