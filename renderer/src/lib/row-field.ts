import type { CSSProperties } from 'react';

/** Out of sight, still read by a screen reader. */
const HIDDEN: CSSProperties = { position: 'absolute', width: 1, height: 1, margin: -1, padding: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 };

/**
 * The input props of a field in a list row (a 213RR line, an activation sheet's first call)
 * whose refusals are said once under the whole row: the field keeps its own words, which
 * Mantine links as its description, so a screen reader sent to it hears why; but out of
 * sight, where a narrow field would fold them over seven lines.
 */
export function rowField<P extends object>(props: P): P & { styles: { error: CSSProperties } } {
  return { ...props, styles: { error: HIDDEN } };
}

/** The words of a row's refusals, in the order of its fields, for the line under the row. */
export function rowProblems(errors: Record<string, unknown>, row: string, fields: readonly string[]): string[] {
  return fields.map((f) => errors[`${row}.${f}`]).filter((e): e is string => typeof e === 'string' && e !== '');
}
