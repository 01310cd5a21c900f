import { BackendError } from '../../../backend';

/**
 * Validation issues keyed by their full path ("lines.0.quantity"), as @mantine/form names fields.
 * `sentLines`: which line on screen each line sent is (unused lines are not sent), so that
 * "lines.1" of the refusal marks the line it is about.
 */
export function pathErrors(error: unknown, sentLines?: readonly number[]): Record<string, string> {
  if (!(error instanceof BackendError) || error.code !== 'validation') return {};
  const issues = (error.error.details as { issues?: { path: (string | number)[]; message: string }[] } | undefined)?.issues ?? [];
  const out: Record<string, string> = {};
  for (const i of issues) {
    const path = i.path[0] === 'lines' && sentLines && typeof i.path[1] === 'number' ? ['lines', sentLines[i.path[1]] ?? i.path[1], ...i.path.slice(2)] : i.path;
    const key = path.join('.');
    if (key && !out[key]) out[key] = i.message;
  }
  return out;
}
