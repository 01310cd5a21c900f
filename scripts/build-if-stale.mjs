import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newest(dir) {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const OUTPUTS = ['out/main/index.js', 'out/main/server.js', 'out/main/backend-worker.js', 'out/main/host-supervisor.js', 'out/main/backend-host.js', 'out/renderer/index.html'];

/** Builds with electron-vite when an output is missing or older than a source. */
export function buildIfStale() {
  const outputs = OUTPUTS.map((o) => path.join(root, o));
  const built = outputs.every((o) => fs.existsSync(o)) ? Math.min(...outputs.map((o) => fs.statSync(o).mtimeMs)) : 0;
  const sources = Math.max(
    ...['electron', 'shared', 'renderer'].map((d) => newest(path.join(root, d))),
    ...['electron.vite.config.ts', 'package.json'].map((f) => fs.statSync(path.join(root, f)).mtimeMs),
  );
  if (built > sources) return;
  console.log('Building the console (first start or sources changed)…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(r.status ?? 1);
  }
}
