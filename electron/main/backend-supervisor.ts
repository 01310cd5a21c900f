import type { EventEnvelope, RequestEnvelope, ResponseEnvelope } from '../../shared/contract/define';
import { hostToMain, type HostToMain, type MainToHost } from '../backend/host/messages';
import { restartDelayMs } from './policy';

/** The backend's process as the supervisor sees it; backend-process.ts adapts a UtilityProcess. */
export interface BackendChild {
  postMessage(message: MainToHost): void;
  kill(): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SupervisorOptions {
  spawn: () => BackendChild;
  onEvent: (event: EventEnvelope) => void;
  /** The backend refused to start (a newer store, a locked folder): nothing to retry. */
  onFatal: (message: string) => void;
  log?: (message: string) => void;
  backoffMs?: readonly number[];
  /** A backend that stayed up this long starts the backoff over when it next dies. */
  stableAfterMs?: number;
  /** How long `stop` waits for a clean close before killing the process. */
  closeTimeoutMs?: number;
  timers?: Timers;
  now?: () => number;
}

export type SupervisorState = 'idle' | 'starting' | 'ready' | 'restarting' | 'failed' | 'stopping' | 'stopped';

interface Pending {
  request: RequestEnvelope;
  resolve: (response: ResponseEnvelope) => void;
  sent: boolean;
}

interface Generation {
  child: BackendChild;
  readyAt: number | null;
  exited: boolean;
}

export const RESTARTED_MESSAGE = 'The backend restarted; try again';
export const SHUTTING_DOWN_MESSAGE = 'The console is shutting down';

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs the backend in a child process and keeps it running: correlates requests and
 * responses by main's own id, restarts a backend that dies with a backoff, and closes it
 * cleanly on quit. Requests made while it starts or restarts wait for it. When it dies,
 * every request still waiting is answered `unavailable` and never replayed: main cannot
 * know whether a write in flight was committed, and a backend dying at each start must
 * not leave windows waiting for ever.
 */
export class BackendSupervisor {
  private readonly opts: SupervisorOptions;
  private readonly timers: Timers;
  private readonly now: () => number;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private current: Generation | null = null;
  private attempt = 0;
  private restartTimer: unknown = null;
  private stopping: Promise<void> | null = null;
  private _state: SupervisorState = 'idle';
  private fatalMessage: string | null = null;

  constructor(options: SupervisorOptions) {
    this.opts = options;
    this.timers = options.timers ?? realTimers;
    this.now = options.now ?? Date.now;
  }

  get state(): SupervisorState {
    return this._state;
  }

  start(): void {
    if (this._state !== 'idle') return;
    this.spawn();
  }

  invoke(request: RequestEnvelope): Promise<ResponseEnvelope> {
    if (this._state === 'failed')
      return Promise.resolve(this.unavailable(request, this.fatalMessage ?? RESTARTED_MESSAGE));
    if (this._state === 'stopping' || this._state === 'stopped') {
      return Promise.resolve(this.unavailable(request, SHUTTING_DOWN_MESSAGE));
    }
    return new Promise((resolve) => {
      const id = this.nextId++;
      const entry: Pending = { request, resolve, sent: false };
      this.pending.set(id, entry);
      if (this._state === 'ready') this.send(id, entry);
    });
  }

  /** Asks the backend to close, waits for it to exit, kills it if it does not. Idempotent. */
  stop(): Promise<void> {
    this.stopping ??= this.doStop();
    return this.stopping;
  }

  private async doStop(): Promise<void> {
    this._state = 'stopping';
    if (this.restartTimer !== null) {
      this.timers.clear(this.restartTimer);
      this.restartTimer = null;
    }
    const gen = this.current;
    if (gen && !gen.exited) {
      const exited = new Promise<void>((resolve) => gen.child.onExit(() => resolve()));
      const timeout = this.opts.closeTimeoutMs ?? 5000;
      try {
        gen.child.postMessage({ type: 'close' });
      } catch {
        // The channel is already gone; the kill below covers it.
      }
      if (!(await this.within(exited, timeout))) {
        this.log(`The backend did not close within ${timeout} ms; ending it`);
        gen.child.kill();
        await this.within(exited, 1000);
      }
    }
    this.answerAll(SHUTTING_DOWN_MESSAGE);
    this._state = 'stopped';
  }

  private within(p: Promise<void>, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const handle = this.timers.set(() => resolve(false), ms);
      void p.then(() => {
        this.timers.clear(handle);
        resolve(true);
      });
    });
  }

  private spawn(): void {
    this._state = 'starting';
    let child: BackendChild;
    try {
      child = this.opts.spawn();
    } catch (e) {
      this.log(`The backend process could not be started: ${e instanceof Error ? e.message : String(e)}`);
      this.scheduleRestart();
      return;
    }
    const gen: Generation = { child, readyAt: null, exited: false };
    this.current = gen;
    child.onMessage((m) => this.onMessage(gen, m));
    child.onExit((code) => this.onExit(gen, code));
  }

  private onMessage(gen: Generation, raw: unknown): void {
    if (gen !== this.current) return;
    const parsed = hostToMain.safeParse(raw);
    if (!parsed.success) {
      this.log('Dropped a malformed message from the backend process');
      return;
    }
    this.handle(gen, parsed.data);
  }

  private handle(gen: Generation, message: HostToMain): void {
    switch (message.type) {
      case 'ready':
        if (this._state !== 'starting') return;
        gen.readyAt = this.now();
        this._state = 'ready';
        for (const [id, entry] of this.pending) if (!entry.sent) this.send(id, entry);
        return;
      case 'response': {
        const entry = this.pending.get(message.id);
        if (!entry) return;
        this.pending.delete(message.id);
        entry.resolve(message.response);
        return;
      }
      case 'event':
        this.opts.onEvent(message.event);
        return;
      case 'fatal':
        if (this._state === 'stopping' || this._state === 'stopped') return;
        this._state = 'failed';
        this.fatalMessage = message.message;
        this.answerAll(message.message);
        this.opts.onFatal(message.message);
        return;
    }
  }

  private onExit(gen: Generation, code: number): void {
    gen.exited = true;
    if (gen !== this.current || this._state === 'stopping' || this._state === 'stopped' || this._state === 'failed') {
      return;
    }
    this.log(`The backend process exited unexpectedly (code ${code}); restarting it`);
    this.answerAll(RESTARTED_MESSAGE);
    if (gen.readyAt !== null && this.now() - gen.readyAt >= (this.opts.stableAfterMs ?? 60_000)) this.attempt = 0;
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    this._state = 'restarting';
    const delay = restartDelayMs(this.attempt++, this.opts.backoffMs);
    this.restartTimer = this.timers.set(() => {
      this.restartTimer = null;
      if (this._state === 'restarting') this.spawn();
    }, delay);
  }

  private send(id: number, entry: Pending): void {
    entry.sent = true;
    try {
      this.current?.child.postMessage({ type: 'request', id, request: entry.request });
    } catch {
      // The process is going away; its exit answers this request.
    }
  }

  private answerAll(message: string): void {
    const entries = [...this.pending.values()];
    this.pending.clear();
    for (const entry of entries) entry.resolve(this.unavailable(entry.request, message));
  }

  private unavailable(request: RequestEnvelope, message: string): ResponseEnvelope {
    return { id: request.id, ok: false, error: { code: 'unavailable', message } };
  }

  private log(message: string): void {
    (this.opts.log ?? console.error)(message);
  }
}
