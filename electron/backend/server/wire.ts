import type { Backend } from '../backend';
import type { Logger } from '../logger';

/** What the browser host uses of an in-process backend (the tests' hosts). */
export type HostBackend = Pick<Backend, 'handle' | 'onEvent' | 'logger' | 'dataDir'>;

/**
 * The backend as the browser host's sockets see it: a request's text in, its answer's text
 * out, events as text. The backend in its worker thread (server/worker-client.ts) is one,
 * so the host's thread never parses or serialises a request or an answer; an in-process
 * backend is made one by `wireOf`, with the same rules.
 */
export interface WireBackend {
  readonly dataDir: string;
  readonly logger: Logger;
  request(text: string): Promise<string>;
  onEvent(listener: (text: string) => void): () => void;
}

export function isWire(b: HostBackend | WireBackend): b is WireBackend {
  return typeof (b as WireBackend).request === 'function';
}

const idOf = (request: unknown): string => {
  const id = (request as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : '';
};

/** The answer to a request that is not JSON. */
export const MALFORMED_TEXT = JSON.stringify({ id: '', ok: false, error: { code: 'validation', message: 'Malformed request: not JSON' } });

/** The answer to one request's text, as the host sends it: the backend's own, or an error in words. */
export async function answerText(backend: Pick<Backend, 'handle'>, text: string): Promise<string> {
  let request: unknown;
  try {
    request = JSON.parse(text);
  } catch {
    return MALFORMED_TEXT;
  }
  try {
    return JSON.stringify(await backend.handle(request));
  } catch (e) {
    return JSON.stringify({ id: idOf(request), ok: false, error: { code: 'internal', message: `The request failed: ${String(e)}` } });
  }
}

/** An answer `unavailable`, with the reason, to a request's text (its id read if it parses). */
export function unavailableText(text: string, message: string): string {
  let id = '';
  try {
    id = idOf(JSON.parse(text));
  } catch {
    // not JSON: answered with no id, as a malformed request is
  }
  return JSON.stringify({ id, ok: false, error: { code: 'unavailable', message } });
}

export function wireOf(backend: HostBackend): WireBackend {
  return {
    dataDir: backend.dataDir,
    logger: backend.logger,
    request: (text) => answerText(backend, text),
    onEvent: (listener) => backend.onEvent((e) => listener(JSON.stringify(e))),
  };
}
