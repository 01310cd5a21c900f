import { spawn } from 'node:child_process';
import path from 'node:path';

/** The built browser host and the Chromium flags every benchmark uses. */
export const SERVER = path.resolve('out/main/server.js');
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Starts the built browser host on a free port; `url` resolves once it says it is ready. */
export function startHost(dataDir: string) {
  const child = spawn(process.execPath, [SERVER, '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (c) => reject(new Error(`host exited ${c}`)));
  });
  return { child, url };
}
