import { z } from 'zod';
import { backupInfo } from './system';

/** Push events from the backend to every open window. */
export const events = {
  /** Tables written by a committed transaction: cached reads of them are stale. */
  'data.changed': z.object({ tables: z.array(z.string()) }),
  'backup.done': backupInfo,
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
