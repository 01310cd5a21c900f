// `npm run serve`: the browser host. Builds if needed, then runs the backend in Node and
// serves the console on 127.0.0.1 under a supervisor that restarts it if it ever dies
// (same port, same token: open pages reconnect). Options: --data-dir <folder> --port <number> --host <address>
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfStale, root } from './build-if-stale.mjs';

buildIfStale();
await import(pathToFileURL(path.join(root, 'out/main/host-supervisor.js')).href);
