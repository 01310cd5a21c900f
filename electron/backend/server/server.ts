import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAP_PACK_PREFIX, serveMapPack } from './map-packs';
import { listenOrExplain } from './listen';
import { isWire, unavailableText, wireOf, type HostBackend, type WireBackend } from './wire';
import { contentSecurityPolicy, serveStatic } from './static';

export interface HostOptions {
  /** The backend in its worker thread (server/worker-client.ts), or one in this thread. */
  readonly backend: HostBackend | WireBackend;
  readonly rendererDir: string;
  readonly host?: string;
  readonly port?: number;
  /** Fixed token (tests, and the supervisor keeping one address across restarts); random otherwise. */
  readonly token?: string;
  /** Where faults of single connections are reported; they never stop the host. */
  readonly log?: (message: string) => void;
}

export interface BrowserHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The path of a request target, or null when it does not parse (`//[`, `http://[`). */
export function requestPath(target: string | undefined): string | null {
  try {
    // A fixed base: the Host header is checked apart and must never shape the parse.
    return new URL(target ?? '/', 'http://127.0.0.1').pathname;
  } catch {
    return null;
  }
}

function sendPlain(res: http.ServerResponse, status: number, body: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }).end(body);
}

/**
 * The browser host: serves the built renderer and the contract over a WebSocket on
 * loopback. Every connection must come from a page this server served (Host and Origin
 * checked, which stops DNS rebinding and other sites) and carry the per-start token.
 *
 * Any web page the operator opens can reach a loopback port, so nothing a connection
 * sends may stop the process: every request, socket and WebSocket has an error path that
 * ends that one connection (a 400, or a close code) and leaves the host serving.
 */
export async function startBrowserHost(opts: HostOptions): Promise<BrowserHost> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const log = opts.log ?? ((m: string) => console.warn(m));
  const backend = isWire(opts.backend) ? opts.backend : wireOf(opts.backend);
  let port = 0;
  const allowedHosts = () => new Set([`${host}:${port}`, `127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);

  const server = http.createServer((req, res) => {
    req.on('error', () => res.destroy());
    res.on('error', () => res.destroy());
    try {
      if (!allowedHosts().has(req.headers.host ?? '')) return sendPlain(res, 403, 'Forbidden host');
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendPlain(res, 405, 'Method not allowed');
      const pathname = requestPath(req.url);
      if (pathname === null) return sendPlain(res, 400, 'Bad request: the address does not parse');
      if (pathname.startsWith(MAP_PACK_PREFIX)) return serveMapPack(backend.dataDir, req, pathname, res);
      serveStatic(opts.rendererDir, pathname, res, contentSecurityPolicy(`ws://${req.headers.host}`));
    } catch (e) {
      log(`A request for ${JSON.stringify(req.url).slice(0, 200)} failed: ${String(e)}`);
      sendPlain(res, 500, 'Internal error');
    }
  });
  // Malformed request lines and headers: answer 400 (or drop a socket already broken).
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  server.on('connection', (socket) => socket.on('error', () => socket.destroy()));

  const wss = new WebSocketServer({
    server,
    path: '/ws',
    maxPayload: MAX_MESSAGE_BYTES,
    verifyClient: ({ req, origin }: { req: http.IncomingMessage; origin: string }) => {
      // A refused connection is logged with why (never the token it carried): a page of
      // another site probing the port shows up here.
      const refuse = (reason: string) => {
        backend.logger.warn('connection.refused', { reason, host: String(req.headers.host ?? '').slice(0, 100), origin: String(origin ?? '').slice(0, 100), remote: req.socket.remoteAddress ?? null });
        return false;
      };
      const hosts = allowedHosts();
      if (!hosts.has(req.headers.host ?? '')) return refuse('host not allowed');
      let o: URL;
      let given: string | null;
      try {
        o = new URL(origin);
        given = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('token');
      } catch {
        return refuse('origin or address does not parse');
      }
      if (o.protocol !== 'http:' || !hosts.has(o.host)) return refuse('origin not allowed');
      return sameToken(given, token) || refuse('wrong or missing token');
    },
  });
  // Errors of the listening server surface on the http server; ws re-emits them here.
  wss.on('error', (e) => log(`WebSocket server error: ${String(e)}`));

  const sockets = new Set<WebSocket>();
  const send = (socket: WebSocket, text: string) => {
    // A socket can close between the check and the write; the callback swallows that.
    if (socket.readyState === socket.OPEN) socket.send(text, () => {});
  };
  const unsubscribe = backend.onEvent((text) => {
    for (const s of sockets) send(s, text);
  });

  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A protocol error (frame over the limit 1009, invalid UTF-8 1007, bad close code or
    // unmasked frame 1002): ws has already closed this connection with that code. Without
    // this listener the error would be thrown and end the process.
    socket.on('error', (e) => log(`A WebSocket connection was closed for a protocol error: ${e.message}`));
    socket.on('message', (data, isBinary) => {
      if (isBinary) return socket.close(1003, 'Text messages only');
      // Parsed, answered and serialised by the backend's side (wire.ts: answerText).
      const text = data.toString();
      backend.request(text).then(
        (answer) => send(socket, answer),
        (e: unknown) => send(socket, unavailableText(text, `The request failed: ${String(e)}`)),
      );
    });
  });

  await listenOrExplain(server, opts.port ?? 0, host);
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
