import { validationIssues } from '../../../lib/form-errors';

/** The contract's names of a line's fields where the form's differ. */
const LINE_FIELD_OF: Record<string, string> = { costCents: 'cost' };

/**
 * A refusal of the request, on the form's fields: validation issues keyed by their full path
 * ("lines.0.quantity"), as @mantine/form names fields, and the words of any issue the form has
 * no field for (`unsaid`, said in the form's alert instead).
 * `sentLines`: which line on screen each line sent is (unused lines are not sent), so that
 * "lines.1" of the refusal (the backend sends indices as strings) marks the line it is about.
 */
export function pathErrors(error: unknown, sentLines?: readonly number[]): { fields: Record<string, string>; unsaid: string[] } {
  const fields: Record<string, string> = {};
  const unsaid: string[] = [];
  for (const i of validationIssues(error)) {
    const key = fieldOf(i.path, sentLines);
    if (!key) unsaid.push(i.message);
    else if (!fields[key]) fields[key] = i.message;
  }
  return { fields, unsaid };
}

/** The form's name of the field at `path`, or null when the form shows none ("lines" itself). */
function fieldOf(path: readonly string[], sentLines: readonly number[] | undefined): string | null {
  const [first, index, field] = path;
  if (first !== 'lines') return path.length === 1 && first ? first : null;
  if (index === undefined || !/^\d+$/.test(index) || field === undefined) return null;
  const row = sentLines?.[Number(index)] ?? Number(index);
  return `lines.${row}.${LINE_FIELD_OF[field] ?? field}`;
}
