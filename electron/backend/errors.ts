import type { ContractError, ErrorCode } from '../../shared/contract';

/** An error an operator can act on; its message crosses the boundary as written. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found`);
export const conflict = (message: string, details?: unknown) => new AppError('conflict', message, details);
export const forbidden = (message: string, details?: unknown) => new AppError('forbidden', message, details);
export const invalid = (message: string, details?: unknown) => new AppError('validation', message, details);

interface SqliteLike {
  code?: unknown;
  message?: unknown;
}

/** Maps anything thrown inside a handler to the contract's error shape. */
export function toContractError(e: unknown): ContractError {
  if (e instanceof AppError) {
    return e.details === undefined
      ? { code: e.code, message: e.message }
      : { code: e.code, message: e.message, details: e.details };
  }
  const s = e as SqliteLike;
  const code = typeof s?.code === 'string' ? s.code : '';
  if (code === 'SQLITE_FULL') {
    return { code: 'unavailable', message: 'The disk is full: nothing was saved. Free some space and try again.' };
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') {
    return { code: 'unavailable', message: 'The data file cannot be written right now: nothing was saved.' };
  }
  if (code === 'SQLITE_BUSY') {
    return { code: 'unavailable', message: 'The data file is busy: nothing was saved. Try again.' };
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'conflict', message: `The change conflicts with what is stored: ${String(s.message)}` };
  }
  return { code: 'internal', message: `Unexpected error: ${e instanceof Error ? e.message : String(e)}` };
}
