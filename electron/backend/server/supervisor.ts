/**
 * Keeps the browser host running: `npm run serve` and `npm start` (when it falls back to
 * the browser host) run the host as a child of this supervisor. A host that dies after it
 * was ready is started again on the same port with the same token, so an open page
 * reconnects on its own. A host that refuses to start (a port taken, a locked or foreign
 * data folder) is not retried: its sentence is the answer. Kept free of child_process so
 * every rule is tested with scripted children (tests/backend/server/supervisor.test.ts).
 */

/** Environment variable through which the supervisor hands the same token to every start. */
export const TOKEN_ENV = 'EOC_HOST_TOKEN';
/** Exit code of a host that refused to start; nothing to retry. */
export const EXIT_START_REFUSED = 3;

/** What a host sends its supervisor once it listens. */
export interface HostReady {
  type: 'ready';
  port: number;
  url: string;
}

export interface HostChild {
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(signal: NodeJS.Signals): void;
}

export interface SupervisorTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface HostSupervisorOptions {
  /** The operator's arguments (--data-dir, --port, --host). */
  readonly args: readonly string[];
  readonly token: string;
  spawn(args: readonly string[], env: Readonly<Record<string, string>>): HostChild;
  /** The supervisor is done; the process should exit with this code. */
  onExit(code: number): void;
  log?(message: string): void;
  /** Waits before each restart within the window; the last one repeats. */
  readonly backoffMs?: readonly number[];
  /** More crashes than this within `windowMs` and the supervisor gives up, in words. */
  readonly maxCrashes?: number;
  readonly windowMs?: number;
  readonly timers?: SupervisorTimers;
  readonly now?: () => number;
}

function isReady(m: unknown): m is HostReady {
  return typeof m === 'object' && m !== null && (m as HostReady).type === 'ready' && Number.isInteger((m as HostReady).port);
}

function describeExit(code: number | null, signal: string | null): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

export class HostSupervisor {
  private readonly o: HostSupervisorOptions;
  private readonly timers: SupervisorTimers;
  private readonly now: () => number;
  private readonly log: (m: string) => void;
  private child: HostChild | null = null;
  private port: number | null = null;
  private crashes: number[] = [];
  private restartTimer: unknown = null;
  private stopping = false;
  private done = false;
  /** Starts so far, including the first. */
  starts = 0;

  constructor(options: HostSupervisorOptions) {
    this.o = options;
    this.timers = options.timers ?? {
      set: (fn, ms) => setTimeout(fn, ms),
      clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    };
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((m) => console.log(m));
  }

  /** The port the host listens on once it was ready; restarts keep it. */
  get listeningPort(): number | null {
    return this.port;
  }

  start(): void {
    this.starts++;
    // The last --port wins in the host's parser: a restart pins the port the host took.
    const args = this.port === null ? [...this.o.args] : [...this.o.args, '--port', String(this.port)];
    const child = this.o.spawn(args, { [TOKEN_ENV]: this.o.token });
    this.child = child;
    let ready = false;
    child.onMessage((m) => {
      if (!isReady(m) || child !== this.child) return;
      ready = true;
      const restarted = this.port !== null;
      this.port = m.port;
      if (restarted) this.log(`The browser host is running again at the same address; open pages reconnect on their own.`);
    });
    child.onExit((code, signal) => {
      if (child !== this.child) return;
      this.child = null;
      this.exited(ready, code, signal);
    });
  }

  private exited(wasReady: boolean, code: number | null, signal: string | null): void {
    if (this.stopping) return this.finish(code ?? 0);
    // Never ready at its first start: the host said why (port, data folder); nothing to retry.
    if (this.port === null) return this.finish(code ?? 1);
    if (wasReady && code === 0 && signal === null) return this.finish(0);
    const t = this.now();
    const windowMs = this.o.windowMs ?? 60_000;
    this.crashes = [...this.crashes.filter((c) => t - c < windowMs), t];
    const max = this.o.maxCrashes ?? 5;
    if (this.crashes.length > max) {
      this.log(
        `The browser host stopped ${this.crashes.length} times within ${Math.round(windowMs / 1000)} s (last: ${describeExit(code, signal)}); ` +
          'not restarting it again. Every acknowledged entry is saved; see the messages above, then run npm run serve again.',
      );
      return this.finish(1);
    }
    const backoff = this.o.backoffMs ?? [200, 1000, 3000];
    const delay = backoff[Math.min(this.crashes.length - 1, backoff.length - 1)]!;
    this.log(
      `The browser host stopped unexpectedly (${describeExit(code, signal)}); restarting it on port ${this.port} in ${delay} ms. ` +
        'Open pages show "reconnecting…" and reconnect on their own.',
    );
    this.restartTimer = this.timers.set(() => {
      this.restartTimer = null;
      if (!this.stopping) this.start();
    }, delay);
  }

  /** Passes the signal on to the host and exits when it has stopped. */
  stop(signal: NodeJS.Signals = 'SIGTERM'): void {
    if (this.stopping) return;
    this.stopping = true;
    if (this.restartTimer !== null) this.timers.clear(this.restartTimer);
    if (this.child) this.child.kill(signal);
    else this.finish(0);
  }

  private finish(code: number): void {
    if (this.done) return;
    this.done = true;
    this.o.onExit(code);
  }
}
