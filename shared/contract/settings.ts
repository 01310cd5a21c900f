import { z } from 'zod';
import { empty, read, write, lazySchema } from './define';

export const consoleSettingsSchema = lazySchema(() => z.object({
  /** Position codes whose holders may change settings (categories, levels, these settings). */
  settingsPositionCodes: z.array(z.string()),
  /** Minutes without input before the lock screen; 0 never locks. */
  idleLockMinutes: z.number().int(),
  /** Whether the operator signed in here may change settings, and if not why, in words. */
  canChange: z.boolean(),
  refusal: z.string().nullable(),
}));
export type ConsoleSettings = z.infer<typeof consoleSettingsSchema>;

export const IDLE_LOCK_CHOICES = [0, 2, 5, 10, 15, 30, 60] as const;

export const settingsMethods = {
  'settings.get': read(() => empty, () => consoleSettingsSchema, { public: true, reads: ['console_settings', 'session', 'positions'] }),
  /** Refused unless the signed-in position is one of settingsPositionCodes. */
  'settings.update': write(
    () => z
      .object({
        settingsPositionCodes: z
          .array(z.string().regex(/^[A-Z0-9-]{1,12}$/, { error: 'Position codes are capital letters, digits or dashes' }))
          .min(1, { error: 'Name at least one position that may change settings' })
          .max(20)
          .optional(),
        idleLockMinutes: z
          .number({ error: 'Idle lock must be a number of minutes' })
          .int()
          .refine((m) => (IDLE_LOCK_CHOICES as readonly number[]).includes(m), { error: `Idle lock is one of ${IDLE_LOCK_CHOICES.join(', ')} minutes (0: never)` })
          .optional(),
      })
      .strict(),
    () => consoleSettingsSchema,
  ),
} as const;
