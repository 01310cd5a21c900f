import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HostSupervisor, TOKEN_ENV } from './supervisor';

/**
 * Entry of `npm run serve`: runs the browser host (server.js beside this file) under the
 * supervisor. The token is made here, once, so a restarted host accepts the pages that
 * were open before it died.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const serverEntry = process.env.EOC_HOST_ENTRY ?? path.join(here, 'server.js');

const supervisor = new HostSupervisor({
  args: process.argv.slice(2),
  token: process.env[TOKEN_ENV] || randomBytes(24).toString('base64url'),
  spawn(args, env) {
    const child = fork(serverEntry, [...args], { env: { ...process.env, ...env }, stdio: 'inherit' });
    return {
      onMessage: (l) => child.on('message', l),
      onExit: (l) => child.on('exit', l),
      kill: (signal) => child.kill(signal),
    };
  },
  onExit: (code) => process.exit(code),
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => supervisor.stop(sig));
supervisor.start();
