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

const isEmpty = (input: unknown) => typeof input === 'object' && input !== null && Object.keys(input).length === 0;

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
 * What the page's boot script (renderer/public/boot.js) started before this script
 * loaded: the socket, the methods it asked (each as `boot:<method>` with input {}), and
 * the messages it received so far.
 */
export interface BootStart {
  url: string;
  socket: SocketLike;
  asked: string[];
  messages: unknown[];
}

declare global {
  interface Window {
    __eocBoot?: BootStart;
  }
}

/** The browser host's transport: a bridge that can also hand over what the boot script was answered. */
export interface SocketBridge extends EocBridge {
  /**
   * The boot script's answer to `method` (asked with input {}) when it has already come
   * and is not a refusal, taken once: the same request then goes to the host as any other.
   * Undefined while it is still on its way (a request then waits for it, as before).
   */
  takeBootAnswer(method: string): ResponseEnvelope | undefined;
}

/**
 * The browser host transport. The token arrives once in the address (`?token=`); it is
 * kept for this tab only and taken out of the address bar so it is not bookmarked or
 * shared by accident.
 */
export function createWebSocketBridge(location: Location): SocketBridge {
  const url = socketUrl(location);
  const boot = window.__eocBoot;
  delete window.__eocBoot;
  return createSocketBridge(url, browserEnv(), boot?.url === url ? boot : undefined);
}

const CLOSING = 2;

/**
 * Requests sent on a socket that then drops are answered `unavailable` at once: the page
 * cannot know whether the host committed them, and must never wait for ever. Requests made
 * while disconnected wait for the reconnection, at most QUEUE_WAIT_MS. After a reconnection
 * every cached read is refreshed (the host may have restarted, others may have written).
 */
export function createSocketBridge(url: string, env: BridgeEnv, boot?: BootStart): SocketBridge {
  const inFlight = new Map<string, (r: ResponseEnvelope) => void>();
  // The boot script's questions: answered to the first request for the same method with
  // no input, instead of asking again. An answer may arrive before that request does.
  const early = new Map<string, ResponseEnvelope | null>();
  let adopt = boot && boot.socket.readyState < CLOSING ? boot : undefined;
  for (const m of adopt?.asked ?? []) early.set(`boot:${m}`, null);
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
    const s = adopt ? adopt.socket : env.openSocket(url);
    const buffered = adopt?.messages ?? [];
    // Adopted before it opened: the boot script's own open handler is replaced, so its questions are asked here.
    const ask = adopt && s.readyState !== OPEN ? adopt.asked : [];
    adopt = undefined;
    socket = s;
    s.onopen = () => {
      for (const m of ask.splice(0)) s.send(JSON.stringify({ id: `boot:${m}`, method: m, input: {} }));
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
      else if (inFlight.has(msg.id)) inFlight.get(msg.id)!(msg);
      else if (early.get(msg.id) === null) early.set(msg.id, msg);
    };
    s.onclose = () => {
      if (socket !== s) return;
      socket = null;
      early.clear(); // answers not come by now never will: those reads are asked anew
      for (const [id, resolve] of inFlight) resolve(fail(id, LOST_MESSAGE));
      attempt++;
      emitLocal(CONNECTION_EVENT, { connected: false, attempt } satisfies ConnectionState);
      env.setTimer(connect, RECONNECT_MS[Math.min(attempt - 1, RECONNECT_MS.length - 1)]!);
    };
    // An adopted socket may have opened, and received answers, before it was adopted.
    if (s.readyState === OPEN) s.onopen();
    for (const data of buffered) s.onmessage({ data });
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
        const bootId = `boot:${request.method}`;
        if (early.has(bootId) && isEmpty(request.input)) {
          const answer = early.get(bootId);
          early.delete(bootId);
          // Answered already, or on its way on this socket (a drop answers it unavailable).
          if (answer) return resolve({ ...answer, id: request.id });
          if (socket) {
            inFlight.set(bootId, (r) => {
              inFlight.delete(bootId);
              resolve({ ...r, id: request.id });
            });
            return;
          }
        }
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
    takeBootAnswer(method) {
      const answer = early.get(`boot:${method}`);
      if (!answer?.ok) return undefined;
      early.delete(`boot:${method}`);
      return answer;
    },
  };
}
