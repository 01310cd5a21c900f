import { z } from 'zod';

/**
 * One entry of the contract: the input and output schemas of a backend method and
 * whether it reads or writes. `public` writes may run before anyone has signed in
 * (first-run setup, signing in); every other write needs an operator on duty so that
 * it can be attributed.
 */
export interface MethodDef<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  K extends 'read' | 'write' = 'read' | 'write',
> {
  readonly kind: K;
  readonly input: I;
  readonly output: O;
  readonly public?: boolean;
  /** Tables whose change makes a cached read stale; absent means "any change". */
  readonly reads?: readonly string[];
}

export function read<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  opts: { reads?: readonly string[]; public?: boolean } = {},
): MethodDef<I, O, 'read'> {
  return { kind: 'read', input, output, ...opts };
}

export function write<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  opts: { public?: boolean } = {},
): MethodDef<I, O, 'write'> {
  return { kind: 'write', input, output, ...opts };
}

export const ERROR_CODES = [
  'validation',
  'not_found',
  'conflict',
  'forbidden',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ContractError = z.infer<typeof errorSchema>;

/** What crosses the boundary, whatever the transport (IPC, WebSocket, in-process). */
export const requestEnvelope = z.object({
  id: z.string().min(1).max(100),
  method: z.string().min(1).max(100),
  input: z.unknown(),
});
export type RequestEnvelope = z.infer<typeof requestEnvelope>;

export type ResponseEnvelope =
  | { id: string; ok: true; result: unknown }
  | { id: string; ok: false; error: ContractError };

export interface EventEnvelope {
  event: string;
  payload: unknown;
}

/** Strings an operator types: trimmed, bounded, never empty unless optional. */
export const text = (label: string, max = 200) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .min(1, { error: `${label} is required` })
    .max(max, { error: `${label} must be at most ${max} characters` });

export const longText = (label: string, max = 20000) => text(label, max);

export const uuid = (label = 'Id') =>
  z.string({ error: `${label} must be text` }).uuid({ error: `${label} must be a valid id` });

/** UTC milliseconds since the epoch. */
export const epochMs = (label = 'Time') =>
  z
    .number({ error: `${label} must be a time` })
    .int({ error: `${label} must be a whole number of milliseconds` })
    .min(0, { error: `${label} is before 1970` })
    .max(8.64e15, { error: `${label} is out of range` });

export const empty = z.object({}).strict();
