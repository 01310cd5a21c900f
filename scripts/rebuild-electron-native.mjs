// Builds better-sqlite3 for Electron's ABI into resources/native/electron/better_sqlite3.node,
// beside the stock build: node_modules/better-sqlite3/build stays the one for Node (tests,
// the browser host), so nothing here ever breaks `npm test`. Run by `npm run dist` on a
// packaging machine with network access (it downloads Electron's headers); never by
// `npm install`. Options: --electron-version=<x.y.z> --arch=<x64|arm64>.
// ELECTRON_HEADERS_URL points at a mirror of https://electronjs.org/headers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { electronPackageVersion, nativeDriverPath, root, writeNativeDriverStamp } from './electron-runtime.mjs';
import { writeNativeChecksum } from './native-checksum.mjs';

const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const electronVersion = option('electron-version') ?? electronPackageVersion();
const arch = option('arch') ?? process.arch;
const distUrl = process.env.ELECTRON_HEADERS_URL || 'https://electronjs.org/headers';
// The cache @electron/rebuild uses too, so headers are downloaded once per machine.
const devdir = path.join(os.homedir(), '.electron-gyp');

class Failure extends Error {
  constructor(message, code = 1) {
    super(message);
    this.code = code;
  }
}

function fail(message, code = 1) {
  throw new Failure(message, code);
}

/** The one line of node-gyp's output that says why the download failed. */
function downloadFailure(result) {
  const output = `${result.stderr ?? ''}${result.stdout ?? ''}`;
  if (result.error) return result.error.message;
  if (/network connectivity|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN/.test(output))
    return 'no network connection to that server';
  if (/\b404\b/.test(output)) return 'no headers for this version there';
  const line = output.split('\n').find((l) => /ERR! stack Error:/.test(l));
  return line
    ? line
        .replace(/^.*Error:\s*/, '')
        .trim()
        .slice(0, 200)
    : `node-gyp exited with ${result.status}`;
}

if (!electronVersion) {
  console.error('The electron package is not installed; run npm install first.');
  process.exit(1);
}

const require = createRequire(import.meta.url);
let nodeGyp;
try {
  nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
} catch {
  console.error('node-gyp was not found in node_modules (electron-builder brings it); run npm install first.');
  process.exit(1);
}

const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-sqlite-electron-'));
const copy = path.join(work, 'better-sqlite3');

try {
  // A copy, so the build never writes into node_modules/better-sqlite3/build.
  fs.cpSync(source, copy, {
    recursive: true,
    filter: (p) => {
      const rel = path.relative(source, p);
      return !(
        rel === 'build' ||
        rel.startsWith(`build${path.sep}`) ||
        rel === 'node_modules' ||
        rel.startsWith(`node_modules${path.sep}`)
      );
    },
  });
  const common = [`--target=${electronVersion}`, `--arch=${arch}`, `--dist-url=${distUrl}`, `--devdir=${devdir}`];

  console.log(`Fetching the Electron ${electronVersion} headers from ${distUrl}…`);
  const headers = spawnSync(process.execPath, [nodeGyp, 'install', '--ensure', ...common], {
    cwd: copy,
    encoding: 'utf8',
    timeout: 5 * 60_000,
  });
  if (headers.status !== 0) {
    fail(
      `Cannot download the Electron ${electronVersion} headers from ${distUrl} (${downloadFailure(headers)}). ` +
        'Building the SQLite driver for Electron needs them: run `npm run dist` on a machine with network access, ' +
        'or set ELECTRON_HEADERS_URL to a mirror.',
      2,
    );
  }

  console.log(
    `Building better-sqlite3 for Electron ${electronVersion} (${process.platform}-${arch}); this takes a few minutes…`,
  );
  const build = spawnSync(
    process.execPath,
    [nodeGyp, 'rebuild', '--release', '--runtime=electron', '--jobs=max', ...common],
    { cwd: copy, stdio: 'inherit' },
  );
  if (build.status !== 0) {
    fail('Building better-sqlite3 for Electron failed (see above); it needs Python 3 and a C++ toolchain.');
  }

  const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(built)) fail(`The build finished but ${built} is missing.`);
  fs.mkdirSync(path.dirname(nativeDriverPath), { recursive: true });
  // Copy then rename, so an interrupted run never leaves a half-written driver behind.
  const partial = `${nativeDriverPath}.partial`;
  fs.copyFileSync(built, partial);
  fs.renameSync(partial, nativeDriverPath);
  // Its SHA-256, packaged beside it and checked by the backend before loading it
  // (electron/backend/host/native-check.ts): ASAR integrity does not cover unpacked files.
  writeNativeChecksum(nativeDriverPath);
  writeNativeDriverStamp(electronVersion, arch);
  console.log(`SQLite driver for Electron ${electronVersion}: ${path.relative(root, nativeDriverPath)}`);
} catch (e) {
  if (!(e instanceof Failure)) throw e;
  console.error(e.message);
  process.exitCode = e.code;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
