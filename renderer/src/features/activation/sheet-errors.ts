import { validationIssues } from '../../lib/form-errors';

/**
 * The backend's refusal of an activation sheet, on the form's own fields. The contract
 * names `content.firstCalls.1.phone` for the second first call *sent*; the form sends only
 * the rows with something typed in them, so `sent[1]` says which row on screen that is
 * (a blank row above it would otherwise put the words on the wrong line).
 */
export function sheetFieldErrors(error: unknown, sent: readonly number[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { path, message } of validationIssues(error)) {
    const key = fieldOf(path, sent);
    if (key && !out[key]) out[key] = message;
  }
  return out;
}

function fieldOf(path: readonly string[], sent: readonly number[]): string | null {
  if (path[0] !== 'content') return path[0] ?? null;
  const [, field, a, b] = path;
  if (field === 'coordinationCenter') return a ?? 'location';
  if (field !== 'firstCalls') return field ?? null;
  // The list itself (none, too many): its first row.
  if (a === undefined) return 'firstCalls.0.label';
  const row = sent[Number(a)] ?? Number(a);
  // A row with neither a contact nor a number: its contact is what is missing.
  return `firstCalls.${row}.${b ?? 'contactId'}`;
}
