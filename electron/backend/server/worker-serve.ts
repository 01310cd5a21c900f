import type { Backend } from '../backend';
import { createHostDispatcher } from '../host/dispatch';
import type { Logger } from '../logger';
import type { HostToWorker, WorkerToHost } from './worker-protocol';
import { MALFORMED_TEXT } from './wire';

/** The slice of a worker's `parentPort` (or a MessagePort, in tests) used here. */
export interface PortLike {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  postMessage(message: WorkerToHost): void;
}

export interface WorkerServeOptions {
  port: PortLike;
  /** Opens the backend; a rejection is reported as `fatal` with its reason. */
  start: () => Promise<Backend>;
  /** The log the host's own lines are written to (the backend's). */
  logger: Logger;
  /** Runs once the store is open, just before `ready` is said (the worker's milestones). */
  onOpen?: (backend: Backend) => void;
  /** Runs on `close` before the store is closed (the LAN endpoint). */
  beforeClose?: () => Promise<void>;
  /** Ends the worker once the store is closed. */
  exit: (code: number) => void;
}

const LEVELS = new Set(['debug', 'info', 'warn', 'error']);

/**
 * The backend's side of the browser host's worker thread. It is the Electron utility
 * process's dispatcher (host/dispatch.ts: requests wait for the store and are taken in
 * the order they came, a refusal is `fatal`, `close` finishes accepted requests first),
 * carrying text: each request is parsed and its answer serialised here, off the thread
 * that serves the page.
 */
export function serveInWorker(o: WorkerServeOptions): { started: Promise<boolean> } {
  const post = (m: WorkerToHost) => o.port.postMessage(m);
  const dispatcher = createHostDispatcher({
    start: async () => {
      const backend = await o.start();
      o.onOpen?.(backend);
      return backend;
    },
    post: (m) => {
      if (m.type === 'response') post({ type: 'response', id: m.id, text: JSON.stringify(m.response) });
      else if (m.type === 'event') post({ type: 'event', text: JSON.stringify(m.event) });
      else post(m);
    },
    exit: o.exit,
    log: (m) => o.logger.error('browserHost.worker', { message: m }),
  });
  let closing: Promise<void> | null = null;
  o.port.on('message', (raw) => {
    const m = raw as HostToWorker;
    if (m?.type === 'request' && typeof m.text === 'string') {
      let request: unknown;
      try {
        request = JSON.parse(m.text);
      } catch {
        post({ type: 'response', id: m.id, text: MALFORMED_TEXT });
        return;
      }
      void dispatcher.receive({ type: 'request', id: m.id, request });
    } else if (m?.type === 'log' && LEVELS.has(m.level) && typeof m.event === 'string') {
      o.logger[m.level](m.event, m.fields);
    } else if (m?.type === 'close') {
      closing ??= (async () => {
        await dispatcher.started;
        await o.beforeClose?.();
        await dispatcher.receive({ type: 'close' });
      })();
    } else {
      void dispatcher.receive(raw); // malformed: logged by the dispatcher, never answered
    }
  });
  return { started: dispatcher.started };
}
