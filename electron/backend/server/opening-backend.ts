import type { Backend } from '../backend';
import type { Logger } from '../logger';
import type { ResponseEnvelope } from '../../../shared/contract/define';

/** What the browser host uses of the backend. */
export type HostBackend = Pick<Backend, 'handle' | 'onEvent' | 'logger' | 'dataDir'>;

/**
 * The backend as the browser host sees it while the backend is still opening: the host
 * listens and serves the page at once, so the browser fetches and compiles the console's
 * script while the backend's code loads and its store is checked, instead of after. Each
 * request waits for the store and is answered in the order it came; events flow from the
 * moment it is open. A backend that fails to open answers `unavailable` with its reason
 * (the host then stops: see server/cli.ts).
 */
export function openingBackend(opening: Promise<Backend>, dataDir: string, logger: Logger): HostBackend {
  const refusal = (raw: unknown, e: unknown): ResponseEnvelope => ({
    id: typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : '',
    ok: false,
    error: { code: 'unavailable', message: `The console's backend did not open: ${e instanceof Error ? e.message : String(e)}` },
  });
  return {
    dataDir,
    logger,
    handle: (raw) =>
      opening.then(
        (b) => b.handle(raw),
        (e: unknown) => refusal(raw, e),
      ),
    onEvent(listener) {
      let off: (() => void) | null = null;
      let stopped = false;
      opening.then(
        (b) => {
          if (!stopped) off = b.onEvent(listener);
        },
        () => {},
      );
      return () => {
        stopped = true;
        off?.();
      };
    },
  };
}
