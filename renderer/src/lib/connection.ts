import { useEffect, useState } from 'react';
import { onBackendEvent } from '../backend';
import { CONNECTION_EVENT, type ConnectionState } from './ws-bridge';

/**
 * The transport's state as the browser host's socket reports it. Under Electron no such
 * event comes (main restarts the backend and answers waiting requests itself), so it stays
 * connected.
 */
export function useConnectionState(): ConnectionState {
  const [state, setState] = useState<ConnectionState>({ connected: true, attempt: 0 });
  useEffect(
    () =>
      onBackendEvent((e) => {
        if (e.event === CONNECTION_EVENT) setState(e.payload as ConnectionState);
      }),
    [],
  );
  return state;
}
