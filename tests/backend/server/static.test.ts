import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../../electron/backend/server/static';
import { tempDir } from '../helpers/backend';

let server: http.Server;
let port = 0;

beforeAll(async () => {
  const root = tempDir();
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>console</title>');
  fs.writeFileSync(path.join(root, 'boot.js'), '// boot');
  fs.writeFileSync(path.join(root, 'assets', 'index-AbC123.js'), '// app');
  server = http.createServer((req, res) => serveStatic(root, new URL(req.url!, 'http://x').pathname, res, "default-src 'self'"));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function cacheControl(pathname: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.headers['cache-control']));
      })
      .on('error', reject);
  });
}

describe('how long a browser may keep what the host serves', () => {
  it('keeps the hashed assets for good, and asks again for the page and the files whose names do not change between versions (boot.js)', async () => {
    expect(await cacheControl('/assets/index-AbC123.js')).toBe('public, max-age=31536000, immutable');
    expect(await cacheControl('/boot.js')).toBe('no-cache');
    expect(await cacheControl('/')).toBe('no-store');
  });
});
