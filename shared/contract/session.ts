import { z } from 'zod';
import { empty, epochMs, read, text, uuid, write } from './define';

export const positionSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  section: z.string(),
  custom: z.boolean(),
});
export type Position = z.infer<typeof positionSchema>;

export const sessionSchema = z.object({
  operatorName: z.string(),
  position: positionSchema,
  workstationId: z.string(),
  signedInAt: epochMs(),
});
export type Session = z.infer<typeof sessionSchema>;

export const sessionMethods = {
  'position.list': read(empty, z.object({ positions: z.array(positionSchema) }), { public: true, reads: ['positions'] }),
  'position.addCustom': write(
    z
      .object({
        title: text('Position title', 80),
        code: text('Position code', 12).regex(/^[A-Z0-9-]+$/, {
          error: 'Position code must be capital letters, digits or dashes, such as EVAC-COORD',
        }),
        section: text('Section', 40),
      })
      .strict(),
    positionSchema,
    { public: true },
  ),
  'session.current': read(empty, z.object({ session: sessionSchema.nullable() }), { public: true, reads: ['session'] }),
  'session.signIn': write(
    z.object({ operatorName: text('Your name', 80), positionId: uuid('Position') }).strict(),
    z.object({ session: sessionSchema }),
    { public: true },
  ),
  'session.signOut': write(empty, z.object({ signedOut: z.boolean() }), { public: true }),
} as const;
