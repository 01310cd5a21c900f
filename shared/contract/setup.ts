import { z } from 'zod';
import { read, text, write, lazySchema } from './define';

export const coalitionSchema = lazySchema(() => z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  timeZone: z.string(),
}));
export type Coalition = z.infer<typeof coalitionSchema>;

/** IANA zone names; checked again by the backend against the runtime's zone database. */
export const timeZone = lazySchema(() => z
  .string({ error: 'Time zone must be text' })
  .trim()
  .min(1, { error: 'Time zone is required' })
  .max(64, { error: 'Time zone must be at most 64 characters' })
  .regex(/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$|^UTC$/, { error: 'Time zone must be a zone name such as America/New_York' }));

export const setupInput = lazySchema(() => z
  .object({
    coalitionName: text('Coalition name', 120),
    region: text('Region', 120),
    timeZone,
    workstationName: text('Workstation name', 60),
  })
  .strict());
export type SetupInput = z.infer<typeof setupInput>;

export const setupMethods = {
  'setup.status': read(
    () => z.object({}).strict(),
    () => z.object({
      configured: z.boolean(),
      coalition: coalitionSchema.nullable(),
      workstation: z.object({ id: z.string(), name: z.string().nullable() }),
    }),
    { public: true, reads: ['coalition', 'workstations'] },
  ),
  'setup.complete': write(() => setupInput, () => z.object({ coalition: coalitionSchema }), { public: true }),
} as const;
