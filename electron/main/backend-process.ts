import { app, safeStorage, utilityProcess } from 'electron';
import type { EventEnvelope } from '../../shared/contract/define';
import { HOST_ARG_APP_VERSION, HOST_ARG_DATA_DIR } from '../backend/host/messages';
import { BackendSupervisor, type BackendChild } from './backend-supervisor';
import { answerKeystore } from './keystore';
import { backendHostPath } from './paths';

export interface BackendProcessOptions {
  dataDir: string;
  onEvent: (event: EventEnvelope) => void;
  onFatal: (message: string) => void;
}

/** The backend in an Electron utility process, kept alive by a BackendSupervisor. */
export function createBackendProcess(options: BackendProcessOptions): BackendSupervisor {
  const spawn = (): BackendChild => {
    const child = utilityProcess.fork(
      backendHostPath(),
      [`${HOST_ARG_DATA_DIR}${options.dataDir}`, `${HOST_ARG_APP_VERSION}${app.getVersion()}`],
      { serviceName: 'EOC backend', stdio: 'inherit' },
    );
    return {
      postMessage: (message) => child.postMessage(message),
      kill: () => void child.kill(),
      // Key-store requests (safeStorage seal/unseal of the signing key) are answered here;
      // everything else goes to the supervisor.
      onMessage: (listener) =>
        void child.on('message', (message: unknown) => {
          const reply = answerKeystore(message, safeStorage);
          if (reply) child.postMessage(reply);
          else listener(message);
        }),
      onExit: (listener) => void child.on('exit', listener),
    };
  };
  return new BackendSupervisor({ spawn, onEvent: options.onEvent, onFatal: options.onFatal });
}
