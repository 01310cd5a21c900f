// `npm run serve`: the browser host. Builds if needed, then runs the backend in Node and
// serves the console on 127.0.0.1. Options: --data-dir <folder> --port <number> --host <address>
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfStale, root } from './build-if-stale.mjs';

buildIfStale();
const child = spawn(process.execPath, [path.join(root, 'out/main/server.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
