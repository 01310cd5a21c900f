import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ListenError, startNearPort } from '../../../electron/backend/server/listen';
import { startBrowserHost, type BrowserHost } from '../../../electron/backend/server/server';
import { openBackend, tempDir } from '../helpers/backend';

const blockers: http.Server[] = [];
const hosts: BrowserHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
  for (const b of blockers.splice(0)) await new Promise((r) => b.close(r));
});

async function blockAPort(): Promise<number> {
  const b = http.createServer();
  blockers.push(b);
  await new Promise<void>((r) => b.listen(0, '127.0.0.1', () => r()));
  return (b.address() as AddressInfo).port;
}

async function starter() {
  const t = await openBackend();
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), 'x');
  return async (port: number) => {
    const h = await startBrowserHost({ backend: t.backend, rendererDir, port });
    hosts.push(h);
    return h;
  };
}

describe('starting the browser host on a port in use', () => {
  it('says so in a sentence that names the port and what to do', async () => {
    const port = await blockAPort();
    const start = await starter();
    const err = await start(port).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ListenError);
    expect((err as ListenError).code).toBe('EADDRINUSE');
    expect((err as Error).message).toBe(
      `Port ${port} on 127.0.0.1 is already in use by another program (perhaps another console). ` +
        'Close that program, or start with --port <number> for another port (--port 0 takes any free one).',
    );
  });

  it('takes the next free port when the port was only the default, and says which', async () => {
    const port = await blockAPort();
    const start = await starter();
    const said: string[] = [];
    const host = await startNearPort(port, start, (m) => said.push(m));
    expect(host.port).not.toBe(port);
    expect(said).toEqual([`Port ${port} is in use by another program; using port ${host.port} instead.`]);
  });
});
