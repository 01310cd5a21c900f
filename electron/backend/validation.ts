import type { z } from 'zod';
import { AppError } from './errors';

/** Turns zod's issues into one sentence an operator can act on, plus the details per field. */
export function validationError(error: z.ZodError, method: string): AppError {
  const issues = error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
  const text = issues
    .slice(0, 5)
    .map((i) => (i.path.length && !i.message.toLowerCase().includes(String(i.path.at(-1)).toLowerCase()) ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  return new AppError('validation', text || `The input to ${method} is not valid`, { issues });
}
