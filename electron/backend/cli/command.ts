import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createBackend, type Backend } from '../backend';
import { currentOsUser } from '../command-line';

/** Where a command writes: the process's streams, or a test's buffers. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** A command that failed in words the administrator can act on; exit code 1. */
export class CliError extends Error {}

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

export interface CliCommand {
  /** One or two words: `verify`, `export have`, `bundle import`. */
  readonly name: string;
  /** One line for `help`. */
  readonly summary: string;
  /** The synopsis, e.g. `--data-dir D [--anchor FILE]...`. */
  readonly usage: string;
  /** What `--help` prints under the synopsis: each option, what it does, what is written. */
  readonly help: string;
  readonly options: CliOptions;
  readonly positionals?: { readonly min: number; readonly max: number; readonly names: string };
  run(args: CliArgs, io: CliIo): Promise<number>;
}

export interface CliArgs {
  readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  readonly positionals: readonly string[];
  /** The command line as typed, command words first: what a writing command's audit entry names. */
  readonly argv?: readonly string[];
}

/** Parses a command's arguments strictly: an unknown or malformed option is an error in words. */
export function parseCommandArgs(cmd: CliCommand, argv: readonly string[]): CliArgs {
  let parsed: CliArgs;
  try {
    parsed = parseArgs({ args: [...argv], options: cmd.options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new CliError(`${e instanceof Error ? e.message : String(e)}\nUsage: npm run cli -- ${cmd.name} ${cmd.usage}`);
  }
  const want = cmd.positionals ?? { min: 0, max: 0, names: '' };
  if (parsed.positionals.length < want.min || parsed.positionals.length > want.max) {
    const what = want.max === 0 ? 'takes no other arguments' : `takes ${want.names}`;
    throw new CliError(`${cmd.name} ${what}.\nUsage: npm run cli -- ${cmd.name} ${cmd.usage}`);
  }
  return { ...parsed, argv: [...cmd.name.split(' '), ...argv] };
}

export function stringOption(args: CliArgs, name: string, required: true): string;
export function stringOption(args: CliArgs, name: string, required?: false): string | undefined;
export function stringOption(args: CliArgs, name: string, required = false): string | undefined {
  const v = args.values[name];
  if (typeof v === 'string' && v !== '') return v;
  if (required) throw new CliError(`--${name} is required`);
  return undefined;
}

export function listOption(args: CliArgs, name: string): string[] {
  const v = args.values[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

export const dataDirOption = { 'data-dir': { type: 'string' } } as const satisfies CliOptions;

/**
 * Opens the data folder through createBackend, like every other host, runs `fn`, and
 * closes it. The backend's lock refuses a folder a running console holds and names the
 * process, so a command never writes under a running console.
 */
export async function withBackend<T>(
  dataDir: string,
  fn: (b: Backend) => Promise<T>,
  /** For a command that writes: its writes are the OS user's and audited with this command line. */
  writes?: { argv: readonly string[] },
): Promise<T> {
  let backend: Backend;
  try {
    backend = await createBackend({
      dataDir,
      backupIntervalMs: 0,
      integrityCheckMs: 0,
      ...(writes ? { commandLine: { argv: writes.argv, osUser: currentOsUser() } } : {}),
    });
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
  try {
    return await fn(backend);
  } finally {
    await backend.close();
  }
}

let seq = 0;
/** Calls one contract method; a refusal becomes a CliError carrying the backend's words. */
export async function call<T = unknown>(b: Backend, method: string, input: unknown): Promise<T> {
  const r = await b.handle({ id: `cli-${++seq}`, method, input });
  if (!r.ok) throw new CliError(r.error.message);
  return r.result as T;
}
