import type { EocBridge, EventEnvelope, RequestEnvelope, ResponseEnvelope } from '../../../shared/contract';

const TOKEN_KEY = 'eoc.token';
const RECONNECT_MS = [250, 500, 1000, 2000, 4000];
/** A request made while disconnected waits this long for the host to come back. */
export const QUEUE_WAIT_MS = 15_000;

/** Local event (never sent by the backend): the transport's state, for the "reconnecting…" banner. */
export const CONNECTION_EVENT = 'connection.changed';
export interface ConnectionState {
  connected: boolean;
  /** Reconnection attempts since the connection dropped; 0 while connected. */
  attempt: number;
}

export const LOST_MESSAGE =
  'The connection to the console host dropped before it answered. Reconnecting…; check whether what you saved was recorded, then try again.';
export const UNREACHABLE_MESSAGE = 'The console host is not answering (reconnecting…). Try again in a moment.';

/** The subset of the DOM WebSocket the bridge uses, so tests can drive it. */
export interface SocketLike {
  readyState: number;
  onopen: (() => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: (() => void) | null;
  send(text: string): void;
}

export interface BridgeEnv {
  openSocket(url: string): SocketLike;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

const OPEN = 1;

const browserEnv = (): BridgeEnv => ({
  openSocket: (url) => new WebSocket(url) as unknown as SocketLike,
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
});

/** Takes the token out of the address bar (kept for this tab) and gives the socket address. */
function socketUrl(location: Location): string {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws?token=${encodeURIComponent(token)}`;
}

/**
 * The browser host transport. The token arrives once in the address (`?token=`); it is
 * kept for this tab only and taken out of the address bar so it is not bookmarked or
 * shared by accident.
 */
export function createWebSocketBridge(location: Location): EocBridge {
  return createSocketBridge(socketUrl(location), browserEnv());
}

/**
 * Requests sent on a socket that then drops are answered `unavailable` at once: the page
 * cannot know whether the host committed them, and must never wait for ever. Requests made
 * while disconnected wait for the reconnection, at most QUEUE_WAIT_MS. After a reconnection
 * every cached read is refreshed (the host may have restarted, others may have written).
 */
export function createSocketBridge(url: string, env: BridgeEnv): EocBridge {
  const inFlight = new Map<string, (r: ResponseEnvelope) => void>();
  const queued = new Map<string, { text: string; timer: unknown; done: (r: ResponseEnvelope) => void }>();
  const listeners = new Set<(e: EventEnvelope) => void>();
  let socket: SocketLike | null = null;
  let attempt = 0;
  let everConnected = false;

  const emitLocal = (event: string, payload: unknown) => {
    for (const l of listeners) l({ event, payload });
  };
  const fail = (id: string, message: string): ResponseEnvelope => ({ id, ok: false, error: { code: 'unavailable', message } });

  const connect = () => {
    const s = env.openSocket(url);
    socket = s;
    s.onopen = () => {
      const reconnected = everConnected;
      everConnected = true;
      attempt = 0;
      for (const [id, q] of queued) {
        env.clearTimer(q.timer);
        queued.delete(id);
        inFlight.set(id, q.done);
        s.send(q.text);
      }
      emitLocal(CONNECTION_EVENT, { connected: true, attempt: 0 } satisfies ConnectionState);
      if (reconnected) emitLocal('data.changed', { tables: ['*'] });
    };
    s.onmessage = (ev) => {
      let msg: ResponseEnvelope | EventEnvelope;
      try {
        msg = JSON.parse(String(ev.data)) as ResponseEnvelope | EventEnvelope;
      } catch {
        return; // Not ours to answer: the host only ever sends JSON.
      }
      if ('event' in msg) for (const l of listeners) l(msg);
      else inFlight.get(msg.id)?.(msg);
    };
    s.onclose = () => {
      if (socket !== s) return;
      socket = null;
      for (const [id, resolve] of inFlight) resolve(fail(id, LOST_MESSAGE));
      attempt++;
      emitLocal(CONNECTION_EVENT, { connected: false, attempt } satisfies ConnectionState);
      env.setTimer(connect, RECONNECT_MS[Math.min(attempt - 1, RECONNECT_MS.length - 1)]!);
    };
  };
  connect();

  return {
    invoke(request: RequestEnvelope) {
      return new Promise<ResponseEnvelope>((resolve) => {
        const text = JSON.stringify(request);
        const done = (r: ResponseEnvelope) => {
          inFlight.delete(request.id);
          resolve(r);
        };
        if (socket?.readyState === OPEN) {
          inFlight.set(request.id, done);
          socket.send(text);
          return;
        }
        const timer = env.setTimer(() => {
          queued.delete(request.id);
          resolve(fail(request.id, UNREACHABLE_MESSAGE));
        }, QUEUE_WAIT_MS);
        // Sent when the socket opens; from then on it is in flight like any other.
        queued.set(request.id, { text, timer, done });
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
