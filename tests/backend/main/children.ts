import { createBackend, type Backend } from '../../../electron/backend/backend';
import { createHostDispatcher } from '../../../electron/backend/host/dispatch';
import type { HostToMain, MainToHost } from '../../../electron/backend/host/messages';
import type { BackendChild, Timers } from '../../../electron/main/backend-supervisor';

/** Shared listener plumbing of the test children. */
abstract class ChildBase implements BackendChild {
  private readonly messageListeners: ((m: unknown) => void)[] = [];
  private readonly exitListeners: ((code: number) => void)[] = [];
  exited = false;
  readonly received: MainToHost[] = [];

  abstract postMessage(message: MainToHost): void;
  abstract kill(): void;

  onMessage(listener: (m: unknown) => void): void {
    this.messageListeners.push(listener);
  }
  onExit(listener: (code: number) => void): void {
    this.exitListeners.push(listener);
  }
  emit(message: unknown): void {
    const copy = structuredClone(message);
    for (const l of this.messageListeners) l(copy);
  }
  exit(code: number): void {
    if (this.exited) return;
    this.exited = true;
    for (const l of this.exitListeners) l(code);
  }
}

/** A child whose every move the test makes by hand. */
export class ScriptedChild extends ChildBase {
  killed = false;
  postMessage(message: MainToHost): void {
    this.received.push(structuredClone(message));
  }
  kill(): void {
    this.killed = true;
    this.exit(-1);
  }
  requests() {
    return this.received.filter((m): m is Extract<MainToHost, { type: 'request' }> => m.type === 'request');
  }
  respond(id: number, result: unknown): void {
    const request = this.requests().find((r) => r.id === id)!.request as { id: string };
    this.emit({ type: 'response', id, response: { id: request.id, ok: true, result } } satisfies HostToMain);
  }
}

/**
 * The real host dispatcher and a real backend, in this process: the utility process
 * without Electron. Messages cross as structured clones and one microtask later, as they
 * would through postMessage.
 */
export class InProcessChild extends ChildBase {
  backend: Backend | null = null;
  private readonly dispatcher;

  constructor(dataDir: string) {
    super();
    this.dispatcher = createHostDispatcher({
      start: async () => (this.backend = await createBackend({ dataDir, backupIntervalMs: 0 })),
      post: (m) => queueMicrotask(() => this.emit(m)),
      exit: (code) => queueMicrotask(() => this.exit(code)),
      log: () => {},
    });
  }

  postMessage(message: MainToHost): void {
    this.received.push(structuredClone(message));
    void this.dispatcher.receive(structuredClone(message));
  }

  kill(): void {
    void this.crash(-1);
  }

  /** Dies as a process would: the store is dropped (its lock with it), and `exit` fires. */
  async crash(code = 1): Promise<void> {
    await this.dispatcher.started;
    await this.backend?.close();
    this.exit(code);
  }
}

/** Timers the test fires by hand: backoff and shutdown timeouts without waiting. */
export class ManualTimers implements Timers {
  private seq = 0;
  readonly scheduled = new Map<number, { fn: () => void; ms: number }>();

  set(fn: () => void, ms: number): unknown {
    const handle = ++this.seq;
    this.scheduled.set(handle, { fn, ms });
    return handle;
  }
  clear(handle: unknown): void {
    this.scheduled.delete(handle as number);
  }
  delays(): number[] {
    return [...this.scheduled.values()].map((t) => t.ms);
  }
  /** Fires every pending timer of this length. */
  fire(ms: number): void {
    for (const [handle, t] of [...this.scheduled]) {
      if (t.ms !== ms) continue;
      this.scheduled.delete(handle);
      t.fn();
    }
  }
}
