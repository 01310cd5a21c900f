import { z } from 'zod';
import type { EventEnvelope, ResponseEnvelope } from '../../../shared/contract/define';

/**
 * What electron/main and the backend's utility process say to each other over
 * `postMessage`. `id` is main's own correlation number, not the renderer's request id:
 * two windows may pick the same request id, and main must still route each answer back
 * to the window that asked.
 */
export const mainToHost = z.discriminatedUnion('type', [
  z.object({ type: z.literal('request'), id: z.number().int().nonnegative(), request: z.unknown() }),
  z.object({ type: z.literal('close') }),
]);
export type MainToHost = z.infer<typeof mainToHost>;

export type HostToMain =
  | { type: 'ready' }
  | { type: 'response'; id: number; response: ResponseEnvelope }
  | { type: 'event'; event: EventEnvelope }
  /** The backend cannot start (a store from a newer version, a locked data folder). */
  | { type: 'fatal'; message: string };

/**
 * Main checks the shape of what comes back too: the host is ours, but a malformed message
 * must be dropped and logged, not crash the process that owns every window.
 */
export const hostToMain: z.ZodType<HostToMain> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({
    type: z.literal('response'),
    id: z.number().int().nonnegative(),
    response: z.custom<ResponseEnvelope>(
      (v) => typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean',
    ),
  }),
  z.object({
    type: z.literal('event'),
    event: z.custom<EventEnvelope>(
      (v) => typeof v === 'object' && v !== null && typeof (v as { event?: unknown }).event === 'string',
    ),
  }),
  z.object({ type: z.literal('fatal'), message: z.string() }),
]);

/** Arguments main passes to the host, so the host needs no Electron API to find them. */
export const HOST_ARG_DATA_DIR = '--eoc-data-dir=';
export const HOST_ARG_APP_VERSION = '--eoc-app-version=';
