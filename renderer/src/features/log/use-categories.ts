import { useMethod } from '../../lib/query';

/** The coalition's categories in its order, then any other already used in this incident. */
export function useCategories(used: readonly string[] = []): string[] {
  const q = useMethod('log.categories', {});
  return [...new Set([...(q.data?.categories ?? []).map((c) => c.name), ...used])];
}
