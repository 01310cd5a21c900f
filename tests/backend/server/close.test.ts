import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBrowserHost } from '../../../electron/backend/server/server';
import { openBackend, tempDir } from '../helpers/backend';

describe('the browser host', () => {
  it('stops promptly while a browser still holds connections open (keep-alive, preconnect, a request half sent)', async () => {
    const t = await openBackend();
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
    const host = await startBrowserHost({ backend: t.backend, rendererDir, port: 0 });
    const connect = () =>
      new Promise<net.Socket>((resolve) => {
        const s = net.connect(host.port, '127.0.0.1', () => resolve(s));
        s.on('error', () => {});
      });
    const idle = await connect(); // a preconnect: nothing sent
    const half = await connect();
    half.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n'); // headers never finished
    const started = Date.now();
    await host.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(idle.destroyed || idle.readyState === 'closed' || idle.readableEnded).toBe(true);
    half.destroy();
    idle.destroy();
  });
});
