import { z } from 'zod';
import { empty, epochMs, read, text, uuid, write, lazySchema } from './define';

export const positionSchema = lazySchema(() => z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  section: z.string(),
  custom: z.boolean(),
}));
export type Position = z.infer<typeof positionSchema>;

export const sessionSchema = lazySchema(() => z.object({
  operatorName: z.string(),
  position: positionSchema,
  workstationId: z.string(),
  signedInAt: epochMs(),
}));
export type Session = z.infer<typeof sessionSchema>;

/** An operator's PIN: 4 to 8 digits, typed at the sign-in or lock screen. */
const pin = lazySchema(() => z.string({ error: 'PIN must be digits' }).regex(/^\d{4,8}$/, { error: 'A PIN is 4 to 8 digits' }));

export const sessionMethods = {
  'position.list': read(() => empty, () => z.object({ positions: z.array(positionSchema) }), { public: true, reads: ['positions'] }),
  'position.addCustom': write(
    () => z
      .object({
        title: text('Position title', 80),
        code: text('Position code', 12).regex(/^[A-Z0-9-]+$/, {
          error: 'Position code must be capital letters, digits or dashes, such as EVAC-COORD',
        }),
        section: text('Section', 40),
      })
      .strict(),
    () => positionSchema,
    { public: true },
  ),
  'session.current': read(() => empty, () => z.object({ session: sessionSchema.nullable() }), { public: true, reads: ['session'] }),
  'session.signIn': write(
    () => z.object({ operatorName: text('Your name', 80), positionId: uuid('Position'), pin: pin.optional() }).strict(),
    () => z.object({ session: sessionSchema }),
    { public: true },
  ),
  'session.signOut': write(() => empty, () => z.object({ signedOut: z.boolean() }), { public: true }),
  /** Whether a name is protected by a PIN: the sign-in and lock screens ask for it then. */
  'session.pinStatus': read(() => z.object({ operatorName: text('Your name', 80) }).strict(), () => z.object({ hasPin: z.boolean() }), { public: true, reads: ['operator_pins'] }),
  /** Sets, changes (with the current PIN) or removes (pin null) the signed-in operator's PIN. */
  'session.setPin': write(() => z.object({ pin: pin.nullable(), currentPin: pin.optional() }).strict(), () => z.object({ hasPin: z.boolean() })),
  /** Unlocks the lock screen for the operator still signed in: their PIN if they have one. */
  'session.unlock': write(() => z.object({ pin: pin.optional() }).strict(), () => z.object({ session: sessionSchema })),
} as const;
