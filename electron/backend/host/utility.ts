import path from 'node:path';
import { createBackend } from '../index';
import { electronNativeBinding } from '../db/open';
import { fileKeyStore, KEY_FILE, SEALED_KEY_FILE, sealedKeyStore } from '../identity/key-store';
import { nativeBindingCandidates, parseHostConfig } from './config';
import { createHostDispatcher } from './dispatch';
import { createKeystoreClient } from './keystore-channel';
import type { HostToMain } from './messages';

/**
 * Entry of the backend's Electron utility process (out/main/backend-host.js): the backend
 * runs here, off the main process, so a slow query never freezes a window.
 *
 * Only the slice of Electron's utility-process globals used here is declared: the backend
 * also runs in plain Node and never imports Electron.
 */
interface ParentPortLike {
  on(event: 'message', listener: (messageEvent: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}
interface UtilityProcessGlobals {
  parentPort?: ParentPortLike;
  resourcesPath?: string;
}

const electronProcess = process as unknown as UtilityProcessGlobals;
const port = electronProcess.parentPort;
if (!port) {
  console.error('backend-host.js runs inside Electron (utilityProcess.fork); use `npm run serve` for plain Node.');
  process.exit(1);
}

const keystore = createKeystoreClient((m) => port.postMessage(m));

const dispatcher = createHostDispatcher({
  start: async () => {
    const config = parseHostConfig(process.argv, process.env);
    const nativeBinding = electronNativeBinding(
      nativeBindingCandidates(electronProcess.resourcesPath, import.meta.dirname),
    );
    // The signing key sealed by the OS through main's safeStorage; without a usable OS
    // key store, a 0600 file like the browser host's, and Settings says which.
    const os = await keystore.sealer();
    const keyStore =
      'sealer' in os
        ? sealedKeyStore(path.join(config.dataDir, SEALED_KEY_FILE), os.sealer)
        : fileKeyStore(
            path.join(config.dataDir, KEY_FILE),
            `a file readable only by this operating-system user (${KEY_FILE} in the data folder); not encrypted, because ${os.unavailable}`,
          );
    return createBackend({ ...config, keyStore, ...(nativeBinding ? { nativeBinding } : {}) });
  },
  post: (message: HostToMain) => port.postMessage(message),
  exit: (code) => process.exit(code),
});

port.on('message', (messageEvent) => {
  if (!keystore.receive(messageEvent.data)) void dispatcher.receive(messageEvent.data);
});
