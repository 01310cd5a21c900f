import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_INVOKE } from '../../shared/contract/bridge';
import { requestEnvelope, type RequestEnvelope, type ResponseEnvelope } from '../../shared/contract/define';
import { isTrustedSender } from './policy';
import { isOwnWindow } from './windows';

export interface Invoker {
  invoke(request: RequestEnvelope): Promise<ResponseEnvelope>;
}

/**
 * The one IPC channel: a request envelope from the top frame of one of our windows,
 * showing app://, relayed to the backend process. Anything else is refused before it
 * reaches the backend, which validates the method's input itself.
 */
export function serveBackendIpc(backend: Invoker): void {
  ipcMain.handle(IPC_INVOKE, async (event: IpcMainInvokeEvent, payload: unknown): Promise<ResponseEnvelope> => {
    const frame = event.senderFrame;
    const trusted = isTrustedSender({
      frameUrl: frame?.url ?? null,
      isMainFrame: frame !== null && frame.parent === null,
      fromOwnWindow: isOwnWindow(event.sender),
    });
    if (!trusted) {
      console.warn(`Refused a backend request from ${frame?.url.slice(0, 200) ?? 'a destroyed frame'}`);
      throw new Error('Refused: this frame may not call the backend');
    }
    const parsed = requestEnvelope.safeParse(payload);
    if (!parsed.success) {
      const id = (payload as { id?: unknown } | null)?.id;
      return {
        id: typeof id === 'string' ? id : '',
        ok: false,
        error: { code: 'validation', message: 'Malformed request: it needs an id, a method and an input' },
      };
    }
    return backend.invoke(parsed.data);
  });
}
