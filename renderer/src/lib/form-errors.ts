import { BackendError } from '../backend';

/** The issues of a validation refusal (each path segment a string, as the backend sends it); none for any other error. */
export function validationIssues(error: unknown): { path: string[]; message: string }[] {
  if (!(error instanceof BackendError) || error.code !== 'validation') return [];
  const issues = (error.error.details as { issues?: { path: (string | number)[]; message: string }[] } | undefined)?.issues ?? [];
  return issues.map((i) => ({ path: i.path.map(String), message: i.message }));
}

/** Field errors from a validation failure, keyed by the first path segment. */
export function fieldErrors(error: unknown): Record<string, string> {
  const issues = validationIssues(error);
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path[0];
    if (key && !out[key]) out[key] = i.message;
  }
  return out;
}
