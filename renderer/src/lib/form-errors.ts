import { BackendError } from '../backend';

/** Field errors from a validation failure, keyed by the first path segment. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof BackendError) || error.code !== 'validation') return {};
  const issues = (error.error.details as { issues?: { path: string[]; message: string }[] } | undefined)?.issues ?? [];
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path[0];
    if (key && !out[key]) out[key] = i.message;
  }
  return out;
}
