import { useMemo } from 'react';
import { useMethod } from '../../lib/query';

const NONE: ReadonlyMap<string, string> = new Map();

/**
 * The records the background check found at fault, by id, with what is wrong in words:
 * every screen that shows records marks these (timeline, activity log, decisions).
 */
export function useIntegrityMarks(): ReadonlyMap<string, string> {
  const status = useMethod('integrity.status', {});
  const marked = status.data?.marked;
  return useMemo(() => (marked?.length ? new Map(marked.map((m) => [m.rowId, m.problem])) : NONE), [marked]);
}

/** The words on a marked record: the same on every screen and print. */
export const FAILED_LABEL = 'FAILED INTEGRITY CHECK';
