import type { LogFields, LogLevel } from '../logger';

/**
 * What the browser host's thread and its backend's worker thread say to each other
 * (server/worker-client.ts, server/worker-serve.ts). Requests and answers travel as the
 * text the page sent and will receive, so the host's thread never parses or serialises
 * them; `id` is the host's own correlation number, not the page's request id (two pages
 * may pick the same one).
 */
export type HostToWorker =
  | { type: 'request'; id: number; text: string }
  /** A line for the backend's log, written by the worker so one thread owns the file. */
  | { type: 'log'; level: LogLevel; event: string; fields?: LogFields }
  | { type: 'close' };

export type WorkerToHost =
  | { type: 'ready' }
  /** The store did not open (another console holds the folder, a newer store): the reason in words. */
  | { type: 'fatal'; message: string }
  | { type: 'response'; id: number; text: string }
  | { type: 'event'; text: string }
  /** The worker's start-up milestones (boot-marks.ts), sent just before `ready`. */
  | { type: 'marks'; marks: Record<string, [number, number]> }
  /** The LAN sync endpoint, once asked for and started (or why not). */
  | { type: 'lan'; port: number | null; error: string | null };

/** What the worker is started with (`workerData`). */
export interface WorkerStart {
  dataDir: string;
  appVersion: string;
  /** Start the LAN sync endpoint once the store is open (null: not asked for). */
  sync: { port: number; host: string; mdns: boolean } | null;
}
