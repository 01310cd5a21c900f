import { BackendError } from '../../../backend';

/** Validation issues keyed by their full path ("lines.0.quantity"), as @mantine/form names fields. */
export function pathErrors(error: unknown): Record<string, string> {
  if (!(error instanceof BackendError) || error.code !== 'validation') return {};
  const issues = (error.error.details as { issues?: { path: (string | number)[]; message: string }[] } | undefined)?.issues ?? [];
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path.join('.');
    if (key && !out[key]) out[key] = i.message;
  }
  return out;
}
