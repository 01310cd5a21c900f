import { z } from 'zod';

/**
 * One entry of the contract: the input and output schemas of a backend method and
 * whether it reads or writes. `public` writes may run before anyone has signed in
 * (first-run setup, signing in); every other write needs an operator on duty so that
 * it can be attributed.
 *
 * `input` and `output` are built the first time they are read, not when the contract is
 * imported: building all of them (about 2,700 zod validators) took the backend about
 * 90 ms of CPU before it could answer, mostly for methods a session never calls.
 * Once built, a schema is kept: every later call uses the same one.
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

/** A property whose value `build` makes on first read, then kept as a plain value. */
function defineBuiltOnFirstRead<T>(target: object, key: string, build: () => T): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = build();
      Object.defineProperty(target, key, { value, enumerable: true, writable: false, configurable: false });
      return value;
    },
  });
}

function methodDef<I extends z.ZodType, O extends z.ZodType, K extends 'read' | 'write'>(
  kind: K,
  input: () => I,
  output: () => O,
  opts: { reads?: readonly string[]; public?: boolean },
): MethodDef<I, O, K> {
  const def = { kind, ...opts };
  defineBuiltOnFirstRead(def, 'input', input);
  defineBuiltOnFirstRead(def, 'output', output);
  // The two properties were just defined above; the type cannot follow defineProperty.
  return def as typeof def & { readonly input: I; readonly output: O };
}

/**
 * A named schema of the contract, built the first time anything reads it (a method's
 * schema that uses it, a parse, `.extend()`), not when the contract is imported: with the
 * methods' own schemas (above) that is every validator the backend's start would build
 * and mostly never use. It stands for the schema itself: every property read, `in`,
 * `instanceof` and assignment goes to the built schema, so it parses, refuses in the same
 * words and composes as the schema does.
 */
export function lazySchema<T extends z.ZodType>(build: () => T): T {
  let built: T | undefined;
  const schema = () => (built ??= build());
  // The target only stands in for the schema until it is built; every trap reads the built one.
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(schema(), key),
    has: (_, key) => Reflect.has(schema(), key),
    set: (_, key, value) => Reflect.set(schema(), key, value),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
    // Its own keys and their descriptors too, so Object.keys, a spread and JSON see the
    // schema's (reported configurable: the stand-in target holds none of them itself).
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(schema(), key);
      return d && { ...d, configurable: true };
    },
  });
}

/** A read method; `input` and `output` are functions that build its schemas (on first use). */
export function read<I extends z.ZodType, O extends z.ZodType>(
  input: () => I,
  output: () => O,
  opts: { reads?: readonly string[]; public?: boolean } = {},
): MethodDef<I, O, 'read'> {
  return methodDef('read', input, output, opts);
}

/** A write method; `input` and `output` are functions that build its schemas (on first use). */
export function write<I extends z.ZodType, O extends z.ZodType>(
  input: () => I,
  output: () => O,
  opts: { public?: boolean } = {},
): MethodDef<I, O, 'write'> {
  return methodDef('write', input, output, opts);
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

/**
 * Characters no typed text may hold: C0 controls other than tab and newline (NUL ends C
 * strings, form feeds and escapes corrupt prints and terminals, and XML 1.0 cannot carry
 * them at all), DEL and the C1 controls, the bidirectional overrides and isolates
 * U+202A–U+202E and U+2066–U+2069 (they make a record read differently from what is
 * stored: "Trojan Source"), and lone surrogates (not Unicode; they break UTF-8 exports).
 */
const FORBIDDEN_TEXT =
  // eslint-disable-next-line no-control-regex -- matching control characters is this rule's whole job
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const CHARACTER_NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x07: 'bell',
  0x08: 'backspace',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x1b: 'escape',
  0x7f: 'delete',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};

/** "U+202E (right-to-left override)": how an error names a refused character. */
export function describeCharacter(ch: string): string {
  const code = ch.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name =
    CHARACTER_NAMES[code] ??
    (code >= 0xd800 && code <= 0xdfff ? 'a lone surrogate, half of a character' : code < 0x20 || (code >= 0x7f && code <= 0x9f) ? 'a control character' : null);
  return name ? `${hex} (${name})` : hex;
}

/** The first character typed text may not hold, with its position (1-based), or null. */
export function findForbiddenCharacter(value: string): { char: string; position: number } | null {
  const m = FORBIDDEN_TEXT.exec(value);
  return m ? { char: m[0], position: m.index + 1 } : null;
}

/**
 * What is safe to fix silently: line ends from Windows and old Macs (CR LF, CR) become
 * LF, so a pasted line's trailing CR is not refused as a control character.
 */
export function normaliseLineEnds(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}

/** The message that refuses a character in a field; the same words for forms and imports. */
export function forbiddenCharacterMessage(label: string, found: { char: string; position: number }): string {
  return `${label} contains ${describeCharacter(found.char)} at character ${found.position}; remove it, it cannot be stored`;
}

/**
 * The one rule every typed string passes: line ends normalised, then refused if a
 * forbidden character remains. Every text helper below is built on it, so a field
 * declared with them gets the rule without asking.
 */
export const cleanString = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .overwrite(normaliseLineEnds)
    .check((ctx) => {
      const found = findForbiddenCharacter(ctx.value);
      if (found) ctx.issues.push({ code: 'custom', message: forbiddenCharacterMessage(label, found), input: ctx.value });
    });

/** Strings an operator types: clean, trimmed, bounded, never empty. */
export const text = (label: string, max = 200) =>
  cleanString(label)
    .trim()
    .min(1, { error: `${label} is required` })
    .max(max, { error: `${label} must be at most ${max} characters` });

export const longText = (label: string, max = 20000) => text(label, max);

/** Optional typed text: clean, trimmed, bounded; an empty string is allowed (it clears). */
export const optionalText = (label: string, max = 200) =>
  cleanString(label)
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters` });

/** Optional typed text that may also be absent or null. */
export const optionalNullishText = (label: string, max = 200) => optionalText(label, max).nullish();

/** Binary content carried as standard base64 (no line breaks): nothing else gets through. */
export const base64Text = (label: string, max: number, tooLarge: string) =>
  z
    .string({ error: `${label} must be base64 text` })
    .max(max, { error: tooLarge })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: `${label} is not base64 text` });

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
