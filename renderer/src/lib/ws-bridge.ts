import type { EocBridge, EventEnvelope, RequestEnvelope, ResponseEnvelope } from '../../../shared/contract';

const TOKEN_KEY = 'eoc.token';
const RECONNECT_MS = [250, 500, 1000, 2000, 4000];

/**
 * The browser host transport. The token arrives once in the address (`?token=`); it is
 * kept for this tab only and taken out of the address bar so it is not bookmarked or
 * shared by accident. Requests wait while the socket reconnects.
 */
export function createWebSocketBridge(location: Location): EocBridge {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws?token=${encodeURIComponent(token)}`;

  const pending = new Map<string, (r: ResponseEnvelope) => void>();
  const listeners = new Set<(e: EventEnvelope) => void>();
  const queue: string[] = [];
  let socket: WebSocket | null = null;
  let attempt = 0;

  const connect = () => {
    const s = new WebSocket(url);
    socket = s;
    s.onopen = () => {
      attempt = 0;
      for (const m of queue.splice(0)) s.send(m);
      emitLocal('connection.changed', { connected: true });
    };
    s.onmessage = (ev) => {
      const msg = JSON.parse(String(ev.data)) as ResponseEnvelope | EventEnvelope;
      if ('event' in msg) for (const l of listeners) l(msg);
      else pending.get(msg.id)?.(msg);
    };
    s.onclose = () => {
      emitLocal('connection.changed', { connected: false });
      socket = null;
      const delay = RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]!;
      setTimeout(connect, delay);
    };
  };
  const emitLocal = (event: string, payload: unknown) => {
    for (const l of listeners) l({ event, payload });
  };
  connect();

  return {
    invoke(request: RequestEnvelope) {
      return new Promise<ResponseEnvelope>((resolve) => {
        pending.set(request.id, (r) => {
          pending.delete(request.id);
          resolve(r);
        });
        const text = JSON.stringify(request);
        if (socket?.readyState === WebSocket.OPEN) socket.send(text);
        else queue.push(text);
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
