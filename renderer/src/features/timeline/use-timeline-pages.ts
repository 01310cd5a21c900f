import { hashKey, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { MethodInput, MethodOutput, TimelineFilters } from '../../../../shared/contract';
import type { BackendError } from '../../backend';
import { call } from '../../backend';
import { clearBehind, useBehind } from '../../lib/behind';

type PageInput = MethodInput<'timeline.page'>;
type Page = MethodOutput<'timeline.page'>;

export const TIMELINE_PAGE_SIZE = 200;
/** The first page only needs to fill the screen: it comes back sooner. */
const FIRST_PAGE_SIZE = 60;

/**
 * The timeline, a keyset page at a time. The query key starts with the method name so
 * data.changed invalidates it like any other read of the same tables.
 */
export function useTimelinePages(incidentId: string | null, filters: TimelineFilters, order: 'newest' | 'oldest' = 'newest') {
  const client = useQueryClient();
  const input: PageInput = { incidentId: incidentId ?? '', filters, order };
  const queryKey = ['timeline.page', input, 'pages'] as const;
  const queryHash = hashKey(queryKey);
  const behind = useBehind(queryHash);
  const q = useInfiniteQuery<Page, BackendError, { pages: Page[] }, readonly unknown[], string | null>({
    queryKey,
    queryFn: ({ pageParam }) =>
      call('timeline.page', pageParam ? { ...input, limit: TIMELINE_PAGE_SIZE, cursor: pageParam } : { ...input, limit: FIRST_PAGE_SIZE }),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: !!incidentId,
  });
  // Flattened once per page that arrives, not on every render of the screen (20,000 rows deep
  // this is a copy of 20,000 references each time).
  const pages = q.data?.pages;
  const items = useMemo(() => pages?.flatMap((p) => p.items) ?? [], [pages]);
  return {
    items,
    exercise: q.data?.pages[0]?.exercise ?? false,
    hasMore: !!q.hasNextPage,
    loadingMore: q.isFetchingNextPage,
    loadMore: q.fetchNextPage,
    loading: q.isPending && !!incidentId,
    error: q.error,
    /** Records changed while the reader was more than LIVE_PAGES pages down (see useLiveInvalidation). */
    behind,
    /** Back to the first page, reloaded. */
    catchUp: () => {
      clearBehind(queryHash);
      void client.resetQueries({ queryKey, exact: true });
    },
  };
}
