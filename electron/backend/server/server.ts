import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Backend } from '../backend';
import { MAP_PACK_PREFIX, serveMapPack } from './map-packs';
import { contentSecurityPolicy, serveStatic } from './static';

export interface HostOptions {
  readonly backend: Backend;
  readonly rendererDir: string;
  readonly host?: string;
  readonly port?: number;
  /** Fixed token for tests; a random one per start otherwise. */
  readonly token?: string;
}

export interface BrowserHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The browser host: serves the built renderer and the contract over a WebSocket on
 * loopback. Every connection must come from a page this server served (Host and Origin
 * checked, which stops DNS rebinding and other sites) and carry the per-start token.
 */
export async function startBrowserHost(opts: HostOptions): Promise<BrowserHost> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const allowedHosts = () => new Set([`${host}:${port}`, `127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);

  const server = http.createServer((req, res) => {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden host');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain' }).end('Method not allowed');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith(MAP_PACK_PREFIX)) return serveMapPack(opts.backend.dataDir, req, url.pathname, res);
    serveStatic(opts.rendererDir, url.pathname, res, contentSecurityPolicy(`ws://${req.headers.host}`));
  });

  const wss = new WebSocketServer({
    server,
    path: '/ws',
    maxPayload: MAX_MESSAGE_BYTES,
    verifyClient: ({ req, origin }: { req: http.IncomingMessage; origin: string }) => {
      const hosts = allowedHosts();
      if (!hosts.has(req.headers.host ?? '')) return false;
      let o: URL;
      try {
        o = new URL(origin);
      } catch {
        return false;
      }
      if (o.protocol !== 'http:' || !hosts.has(o.host)) return false;
      const given = new URL(req.url ?? '/', 'http://x').searchParams.get('token');
      return sameToken(given, token);
    },
  });

  const sockets = new Set<WebSocket>();
  const unsubscribe = opts.backend.onEvent((e) => {
    const text = JSON.stringify(e);
    for (const s of sockets) if (s.readyState === s.OPEN) s.send(text);
  });

  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (data, isBinary) => {
      if (isBinary) return socket.close(1003, 'Text messages only');
      let request: unknown;
      try {
        request = JSON.parse(data.toString());
      } catch {
        socket.send(
          JSON.stringify({ id: '', ok: false, error: { code: 'validation', message: 'Malformed request: not JSON' } }),
        );
        return;
      }
      void opts.backend.handle(request).then((response) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(response));
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const s of sockets) s.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      // Stop listening, then drop every connection still open (a browser's keep-alive or
      // preconnect sockets would otherwise hold the shutdown until they time out). Every
      // acknowledged write is already on disk; what is dropped is a static file or nothing.
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await closed;
    },
  };
}
