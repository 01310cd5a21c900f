import type { ResponseEnvelope } from '../../../shared/contract/define';
import type { Backend } from '../backend';
import { mainToHost, type HostToMain } from './messages';

export interface HostDispatcherOptions {
  /** Opens the backend; a rejection is reported to main as `fatal`, never retried here. */
  start: () => Promise<Backend>;
  post: (message: HostToMain) => void;
  /** Ends the host once the backend is closed (`process.exit` in the utility process). */
  exit: (code: number) => void;
  log?: (message: string) => void;
}

export interface HostDispatcher {
  /** Handles one message from main; resolves once it has been answered. */
  receive(message: unknown): Promise<void>;
  /** Resolves true once the backend is open, false if it could not start. */
  readonly started: Promise<boolean>;
}

/**
 * The utility-process host without the utility process: everything but `parentPort`,
 * so it runs (and is tested) in plain Node against a real backend.
 *
 * After a fatal start the host stays up and answers `unavailable` until main sends
 * `close`: exiting at once could let the exit notice overtake the `fatal` message, and
 * main would mistake a refusal (a newer store, a locked folder) for a crash and retry.
 */
export function createHostDispatcher(options: HostDispatcherOptions): HostDispatcher {
  const log = options.log ?? ((m: string) => console.error(m));
  let backend: Backend | null = null;
  let fatal: string | null = null;
  let closing: Promise<void> | null = null;
  const inFlight = new Set<Promise<void>>();

  // Through an async wrapper so a start that throws synchronously is reported as fatal too.
  const started = (async () => options.start())().then(
    (b) => {
      backend = b;
      b.onEvent((event) => options.post({ type: 'event', event }));
      options.post({ type: 'ready' });
      return true;
    },
    (e: unknown) => {
      fatal = describeStartFailure(e);
      options.post({ type: 'fatal', message: fatal });
      return false;
    },
  );

  async function answer(id: number, request: unknown, acceptedBeforeClose: boolean): Promise<void> {
    try {
      const ok = await started;
      let response: ResponseEnvelope;
      if (!ok || !backend) response = unavailable(request, fatal ?? 'The backend did not start');
      else if (!acceptedBeforeClose) response = unavailable(request, 'The backend is shutting down');
      else response = await backend.handle(request);
      options.post({ type: 'response', id, response });
    } catch (e) {
      // backend.handle answers its own errors; reaching here means the reply could not be
      // sent (it could not be serialised or cloned). It is still answered, in words, so the
      // screen waiting for it does not wait forever.
      const why = e instanceof Error ? e.message : String(e);
      log(`The backend host could not answer request ${id}: ${why}`);
      try {
        options.post({ type: 'response', id, response: failed(request, `The answer could not be sent: ${why}`) });
      } catch {
        // the channel itself is gone: the host side answers `unavailable` when it notices
      }
    }
  }

  function close(): Promise<void> {
    closing ??= (async () => {
      const ok = await started;
      // Let accepted requests finish: closing the database under a running backup or
      // write would turn a clean shutdown into an error the operator sees.
      await Promise.allSettled([...inFlight]);
      if (ok && backend) {
        try {
          await backend.close();
        } catch (e) {
          log(`Closing the backend failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      options.exit(0);
    })();
    return closing;
  }

  return {
    started,
    receive(message) {
      const parsed = mainToHost.safeParse(message);
      if (!parsed.success) {
        log('The backend host ignored a malformed message from the main process');
        return Promise.resolve();
      }
      if (parsed.data.type === 'close') return close();
      const pending = answer(parsed.data.id, parsed.data.request, closing === null);
      inFlight.add(pending);
      void pending.finally(() => inFlight.delete(pending));
      return pending;
    },
  };
}

function unavailable(request: unknown, message: string): ResponseEnvelope {
  return failed(request, message, 'unavailable');
}

function failed(request: unknown, message: string, code: 'unavailable' | 'internal' = 'internal'): ResponseEnvelope {
  const id = (request as { id?: unknown } | null)?.id;
  return { id: typeof id === 'string' ? id : '', ok: false, error: { code, message } };
}

/** The start failure as the operator will read it in main's error box. */
export function describeStartFailure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/NODE_MODULE_VERSION|compiled against a different Node\.js version/.test(message)) {
    return (
      'The SQLite driver in this installation was built for a different runtime, so the data file cannot be opened. ' +
      'Reinstall the console; on a development machine, run `node scripts/rebuild-electron-native.mjs`. ' +
      `(${message.split('\n')[0]})`
    );
  }
  return message;
}
