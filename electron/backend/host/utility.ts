import { createBackend } from '../index';
import { electronNativeBinding } from '../db/open';
import { nativeBindingCandidates, parseHostConfig } from './config';
import { nativeBindingProblem } from './native-check';
import { createHostDispatcher } from './dispatch';
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

const dispatcher = createHostDispatcher({
  start: async () => {
    const config = parseHostConfig(process.argv, process.env);
    const nativeBinding = electronNativeBinding(
      nativeBindingCandidates(electronProcess.resourcesPath, import.meta.dirname),
    );
    // Checked before it is loaded: the driver is outside the archive ASAR integrity covers.
    const problem = nativeBinding ? nativeBindingProblem(nativeBinding) : null;
    if (problem) throw new Error(problem);
    return createBackend({ ...config, ...(nativeBinding ? { nativeBinding } : {}) });
  },
  post: (message: HostToMain) => port.postMessage(message),
  exit: (code) => process.exit(code),
});

port.on('message', (messageEvent) => void dispatcher.receive(messageEvent.data));
