import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE, type EocBridge } from '../../shared/contract/bridge';
import type { EventEnvelope, RequestEnvelope, ResponseEnvelope } from '../../shared/contract/define';

/**
 * The renderer's only door to the backend, exposed as `window.eoc`. Two functions, one
 * channel each way; ipcRenderer itself never reaches the page, so a script in it cannot
 * send on any other channel. Imports only bridge.ts's constants: a sandboxed preload can
 * require nothing but Electron's own modules, so nothing else may end up in this bundle.
 */
const bridge: EocBridge = {
  invoke: (request: RequestEnvelope): Promise<ResponseEnvelope> => ipcRenderer.invoke(IPC_INVOKE, request),
  onEvent(listener: (event: EventEnvelope) => void): () => void {
    const relay = (_e: IpcRendererEvent, event: EventEnvelope) => listener(event);
    ipcRenderer.on(IPC_EVENT, relay);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, relay);
    };
  },
};

contextBridge.exposeInMainWorld('eoc', bridge);
