import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../electron/backend/server/server';
import { openBackend, tempDir } from '../helpers/backend';
import { frame, RawClient } from './raw';

const TOKEN = 'test-token-0123456789';
let host: BrowserHost;
const faults: string[] = [];

beforeEach(async () => {
  const t = await openBackend();
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>console</title>');
  faults.length = 0;
  host = await startBrowserHost({ backend: t.backend, rendererDir, port: 0, token: TOKEN, log: (m) => faults.push(m) });
});
afterEach(async () => host.close());

function get(pathname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: host.port, path: pathname, headers: { host: `127.0.0.1:${host.port}` } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      })
      .on('error', reject);
  });
}

/** The host still serves its page and answers a contract request on a new WebSocket. */
async function answersTheNextRequest(): Promise<void> {
  expect(await get('/')).toBe(200);
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${TOKEN}`, { origin: `http://127.0.0.1:${host.port}` });
  const reply = await new Promise<string>((resolve, reject) => {
    ws.on('open', () => ws.send(JSON.stringify({ id: 'p1', method: 'system.ping', input: {} })));
    ws.on('message', (d) => resolve(d.toString()));
    ws.on('error', reject);
  });
  ws.close();
  expect(JSON.parse(reply)).toMatchObject({ id: 'p1', ok: true });
}

async function rawHttp(request: string): Promise<string> {
  const c = await RawClient.connect(host.port);
  c.write(request);
  return (await c.untilClosed()).toString('latin1');
}

describe('the browser host under hostile HTTP', () => {
  it.each(['//[', 'http://[', '//[::1', 'http://%zz/', '/%E0%A4%A'])(
    'answers 400 to the unparseable request path %s and serves the next request',
    async (target) => {
      const answer = await rawHttp(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      await answersTheNextRequest();
    },
  );

  it.each([
    ['a request line that is not HTTP', 'HELLO\r\n\r\n'],
    ['a header without a colon', 'GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n'],
    ['a header with a NUL byte', 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX: a\0b\r\n\r\n'],
    ['a bare LF inside a header value', 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX: a\rb\r\n\r\n'],
    ['headers larger than the limit', `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX: ${'a'.repeat(20_000)}\r\n\r\n`],
    ['a body with a broken chunked encoding', 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'],
  ])('refuses %s with a 4xx and serves the next request', async (_name, request) => {
    const answer = await rawHttp(request);
    expect(answer === '' || /^HTTP\/1\.1 4\d\d /.test(answer)).toBe(true);
    await answersTheNextRequest();
  });

  it('answers 400 to a WebSocket upgrade whose address does not parse, and 403 to a foreign Host', async () => {
    const bad = await rawHttp(
      `GET //[ HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: x\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    expect(bad).toMatch(/^HTTP\/1\.1 4\d\d /);
    const foreign = await rawHttp('GET / HTTP/1.1\r\nHost: evil.example:80\r\nConnection: close\r\n\r\n');
    expect(foreign).toMatch(/^HTTP\/1\.1 403 /);
    await answersTheNextRequest();
  });

  it('drops a client that hangs up half way through a request and serves the next', async () => {
    const c = await RawClient.connect(host.port);
    c.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`);
    c.socket.resetAndDestroy();
    await answersTheNextRequest();
  });
});

describe('the browser host under hostile WebSocket frames', () => {
  const cases: [string, () => Buffer, number][] = [
    ['a frame declared larger than the 16 MiB limit', () => frame(0x1, Buffer.alloc(0), { declaredLength: 17 * 1024 * 1024 }), 1009],
    ['a text frame that is not valid UTF-8', () => frame(0x1, Buffer.from([0xc3, 0x28, 0xff])), 1007],
    ['a close frame with a reserved close code', () => frame(0x8, Buffer.from([0x03, 0xe7])), 1002],
    ['an unmasked frame from the client', () => frame(0x1, Buffer.from('{"id":"1"}'), { mask: false }), 1002],
    ['a frame with an unknown opcode', () => frame(0x3, Buffer.from('x')), 1002],
    ['a control frame longer than 125 bytes', () => frame(0x9, Buffer.alloc(200)), 1002],
  ];
  it.each(cases)('closes the one connection that sends %s (code %i) and stays up', async (_name, make, code) => {
    const bystander = await RawClient.websocket(host.port, TOKEN);
    const c = await RawClient.websocket(host.port, TOKEN);
    c.write(make());
    await c.untilClosed();
    expect(c.closeCode()).toBe(code);
    expect(bystander.closed).toBe(false);
    await answersTheNextRequest();
    bystander.socket.destroy();
  });

  it('answers a message that is not JSON or not a request in words, on an open connection', async () => {
    const c = await RawClient.websocket(host.port, TOKEN);
    c.write(frame(0x1, Buffer.from('not json')));
    const got = await c.until((b) => b.includes('Malformed'));
    expect(got.toString()).toMatch(/Malformed request: not JSON/);
    c.write(frame(0x1, Buffer.from('{"id":7}')));
    await c.until((b) => b.toString().includes('it needs an id'));
    expect(c.closed).toBe(false);
    c.socket.destroy();
    await answersTheNextRequest();
  });

  it('refuses a binary message with close code 1003', async () => {
    const c = await RawClient.websocket(host.port, TOKEN);
    c.write(frame(0x2, Buffer.from([1, 2, 3])));
    await c.until(() => c.closeCode() !== null);
    expect(c.closeCode()).toBe(1003);
    await answersTheNextRequest();
  });
});
