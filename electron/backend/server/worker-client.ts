import { createLogger, logFileOf, type Logger, type LogLevel } from '../logger';
import type { HostToWorker, WorkerToHost } from './worker-protocol';
import { unavailableText, type WireBackend } from './wire';

/** The slice of a `worker_threads` Worker used here (a scripted one in tests). */
export interface WorkerLike {
  postMessage(message: HostToWorker): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
}

export interface BackendWorker {
  /** What the host's sockets talk to; requests sent before the store is open wait for it, in order. */
  readonly backend: WireBackend;
  /** Resolves once the store is open; rejects with the reason, in words, it did not open. */
  readonly opened: Promise<void>;
  /** Resolves with the reason, in words, if the worker stops after it opened without being asked to. */
  readonly died: Promise<string>;
  /** The worker's start-up milestones, sent with `ready`. */
  readonly marks: Promise<Record<string, [number, number]>>;
  /** The LAN sync endpoint's port or why it did not start (only when it was asked for). */
  readonly lan: Promise<{ port: number | null; error: string | null }>;
  /** Closes the store (accepted requests finish first) and resolves when the worker has ended. */
  close(): Promise<void>;
}

/**
 * The host's side of the backend's worker thread (server/worker-serve.ts is the other).
 * The backend's code loads and its store opens on another core from the process's first
 * milliseconds, while this thread serves the page; the host's thread only forwards text.
 *
 * A worker that stops by itself (an uncaught error, an exit) is never silent: before its
 * store is open, `opened` rejects with why; after, `died` resolves with why, and every
 * request still waiting is answered `unavailable` (never replayed: a write in flight may
 * or may not have been committed).
 */
export function backendWorker(worker: WorkerLike, dataDir: string): BackendWorker {
  const waiting = new Map<number, { text: string; resolve: (answer: string) => void }>();
  const listeners = new Set<(text: string) => void>();
  let nextId = 1;
  let gone: string | null = null;
  let isOpen = false;
  let closing = false;
  let hasExited = false;

  let open!: () => void;
  let refuse!: (e: Error) => void;
  const opened = new Promise<void>((res, rej) => {
    open = res;
    refuse = rej;
  });
  opened.catch(() => {}); // awaited by the host; a refusal must not also surface as unhandled
  let die!: (reason: string) => void;
  const died = new Promise<string>((r) => (die = r));
  let gotMarks!: (m: Record<string, [number, number]>) => void;
  const marks = new Promise<Record<string, [number, number]>>((r) => (gotMarks = r));
  let gotLan!: (l: { port: number | null; error: string | null }) => void;
  const lan = new Promise<{ port: number | null; error: string | null }>((r) => (gotLan = r));
  let ended!: () => void;
  const exited = new Promise<void>((r) => (ended = r));

  const stopped = (reason: string) => {
    if (gone !== null) return;
    gone = reason;
    for (const [, w] of waiting) w.resolve(unavailableText(w.text, `The console's backend stopped: ${reason}`));
    waiting.clear();
    if (closing) return;
    if (isOpen) die(reason);
    else refuse(new Error(`The console's backend stopped while opening: ${reason}`));
    gotLan({ port: null, error: reason });
  };

  worker.on('message', (raw) => {
    const m = raw as WorkerToHost;
    switch (m?.type) {
      case 'response': {
        const w = waiting.get(m.id);
        waiting.delete(m.id);
        w?.resolve(m.text);
        break;
      }
      case 'event':
        for (const l of listeners) l(m.text);
        break;
      case 'ready':
        isOpen = true;
        open();
        break;
      case 'fatal':
        refuse(new Error(m.message));
        break;
      case 'marks':
        gotMarks(m.marks);
        break;
      case 'lan':
        gotLan({ port: m.port, error: m.error });
        break;
    }
  });
  worker.on('error', (e) => stopped(e instanceof Error ? e.message : String(e)));
  worker.on('exit', (code) => {
    stopped(`its thread ended (exit code ${code})`);
    hasExited = true;
    ended();
  });

  // Lines for the backend's log go to the worker, which owns the file; once it is gone,
  // they are written from here.
  let own: Logger | null = null;
  const write = (level: LogLevel) => (event: string, fields?: Record<string, unknown>) => {
    if (gone === null) worker.postMessage({ type: 'log', level, event, fields });
    else (own ??= createLogger({ dataDir }))[level](event, fields);
  };
  const logger: Logger = { file: logFileOf(dataDir), debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };

  return {
    backend: {
      dataDir,
      logger,
      request(text) {
        if (gone !== null) return Promise.resolve(unavailableText(text, `The console's backend stopped: ${gone}`));
        const id = nextId++;
        return new Promise<string>((resolve) => {
          waiting.set(id, { text, resolve });
          worker.postMessage({ type: 'request', id, text });
        });
      },
      onEvent(listener) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    },
    opened,
    died,
    marks,
    lan,
    close() {
      if (gone === null && !closing) worker.postMessage({ type: 'close' });
      closing = true;
      return hasExited ? Promise.resolve() : exited;
    },
  };
}
