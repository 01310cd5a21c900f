import type {
  EocBridge,
  EventEnvelope,
  MethodInput,
  MethodName,
  MethodOutput,
  ResponseEnvelope,
  ContractError,
} from '../../shared/contract';
import { createWebSocketBridge, type SocketBridge } from './lib/ws-bridge';

declare global {
  interface Window {
    /** Present under Electron: the preload's typed bridge. */
    eoc?: EocBridge;
  }
}

/** An error from the backend, with the contract's code and an operator-readable message. */
export class BackendError extends Error {
  constructor(readonly error: ContractError) {
    super(error.message);
    this.name = 'BackendError';
  }
  get code() {
    return this.error.code;
  }
}

/** The Electron bridge when there is one, else the browser host's WebSocket. */
function pickBridge(): EocBridge | SocketBridge {
  if (window.eoc) return window.eoc;
  return createWebSocketBridge(window.location);
}

let bridge: EocBridge | SocketBridge | null = null;
function getBridge(): EocBridge | SocketBridge {
  bridge ??= pickBridge();
  return bridge;
}

let seq = 0;

export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const id = `${Date.now().toString(36)}-${++seq}`;
  const response: ResponseEnvelope = await getBridge().invoke({ id, method, input });
  if (!response.ok) throw new BackendError(response.error);
  return response.result as MethodOutput<M>;
}

export function onBackendEvent(listener: (e: EventEnvelope) => void): () => void {
  return getBridge().onEvent(listener);
}

/**
 * What `method` (with input {}) answered the browser host's boot script, when that answer
 * is already here: taken once, without waiting for a promise. Undefined under Electron,
 * while the answer is on its way, and for a refusal (a call then gets it as it would have).
 */
export function bootAnswer<M extends MethodName>(method: M): MethodOutput<M> | undefined {
  const b = getBridge();
  const answer = 'takeBootAnswer' in b ? b.takeBootAnswer(method) : undefined;
  return answer?.ok ? (answer.result as MethodOutput<M>) : undefined;
}
