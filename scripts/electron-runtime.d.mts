// Types for scripts/electron-runtime.mjs, so the TypeScript tests can import it.

export const root: string;
export const nativeDriverPath: string;
export const EXIT_REFUSED_TO_START: number;

export type ElectronRuntime =
  { ok: true; executable: string; version: string } | { ok: false; canInstall: boolean; reason: string };

export function platformExecutable(platform?: NodeJS.Platform | 'mas'): string;
export function electronPackageVersion(): string | null;
export function findElectronRuntime(env?: NodeJS.ProcessEnv): ElectronRuntime;
export function displayProblem(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string | null;
export function nativeDriverProblem(electronVersion: string): string | null;
export function nativeDriverStamp(
  electronVersion: string,
  arch?: string,
): { electron: string; betterSqlite3: string | null; platform: NodeJS.Platform; arch: string };
export function writeNativeDriverStamp(electronVersion: string, arch?: string): void;
export function electronLaunchProblem(env?: NodeJS.ProcessEnv): string | null;
export function installElectronRuntime(timeoutMs?: number): Promise<{ ok: true } | { ok: false; reason: string }>;
