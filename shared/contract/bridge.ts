import type { EventEnvelope, RequestEnvelope, ResponseEnvelope } from './define';

/**
 * The one object the Electron preload exposes to the renderer (as `window.eoc`), and the
 * shape every transport implements. Nothing else crosses from the renderer.
 */
export interface EocBridge {
  invoke(request: RequestEnvelope): Promise<ResponseEnvelope>;
  /** Returns a function that stops the listener. */
  onEvent(listener: (event: EventEnvelope) => void): () => void;
}

/** IPC channel names, used only by the preload and electron/main. */
export const IPC_INVOKE = 'eoc:invoke';
export const IPC_EVENT = 'eoc:event';
