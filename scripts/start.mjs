// `npm start`: the desktop console when Electron can run here, else the browser host.
// Builds first when out/ is missing or older than the sources. Arguments are passed on
// (to Electron, or to scripts/serve.mjs: --data-dir, --port, --host).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';
import {
  EXIT_REFUSED_TO_START,
  displayProblem,
  findElectronRuntime,
  installElectronRuntime,
  nativeDriverProblem,
  root,
} from './electron-runtime.mjs';

/** An Electron that exits with an error sooner than this did not start (no display, no sandbox helper). */
const START_WINDOW_MS = 5000;

const args = process.argv.slice(2);

buildIfStale();

let runtime = findElectronRuntime();
if (!runtime.ok && runtime.canInstall) {
  console.log('Fetching the Electron runtime (at most 60 s)…');
  const installed = await installElectronRuntime(60_000);
  runtime = installed.ok ? findElectronRuntime() : { ok: false, reason: installed.reason };
}

if (!runtime.ok) {
  fallBack(runtime.reason);
} else {
  const problem = displayProblem() ?? nativeDriverProblem(runtime.version);
  if (problem) fallBack(problem);
  else launchElectron(runtime.executable);
}

function launchElectron(executable) {
  const env = { ...process.env };
  // Set in some shells and CI images; it would make Electron run as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const startedAt = Date.now();
  const child = spawn(executable, [root, ...args], { cwd: root, env, stdio: ['inherit', 'inherit', 'pipe'] });
  let stderrTail = '';
  child.stderr.on('data', (d) => {
    process.stderr.write(d);
    stderrTail = (stderrTail + d.toString()).slice(-2000);
  });
  let interrupted = false;
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      interrupted = true;
      child.kill(sig);
    });
  }
  child.on('error', (e) => fallBack(`Electron could not be launched: ${e.message}`));
  child.on('exit', (code, signal) => {
    const failedAtStart =
      !interrupted && Date.now() - startedAt < START_WINDOW_MS && code !== 0 && code !== EXIT_REFUSED_TO_START;
    if (!failedAtStart) process.exit(code ?? 1);
    const lastLine = stderrTail.trim().split('\n').pop()?.trim();
    fallBack(`Electron exited at start with ${code ?? signal}${lastLine ? `: ${lastLine.slice(0, 160)}` : ''}`);
  });
}

function fallBack(reason) {
  console.log(`Electron runtime not available here (${reason}); starting the browser host instead.`);
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
