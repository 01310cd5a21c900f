import { useInfiniteQuery } from '@tanstack/react-query';
import type { MethodInput, MethodOutput } from '../../../../shared/contract';
import { call, type BackendError } from '../../backend';

type Page = MethodOutput<'message.list'>;

/** Messages newest first, a keyset page at a time; invalidated with the message tables. */
export function useMessagePages(incidentId: string | null, direction: 'in' | 'out' | undefined) {
  const input: MethodInput<'message.list'> = { incidentId: incidentId ?? '', direction, limit: 100 };
  const q = useInfiniteQuery<Page, BackendError, { pages: Page[] }, readonly unknown[], string | null>({
    queryKey: ['message.list', input, 'pages'],
    queryFn: ({ pageParam }) => call('message.list', pageParam ? { ...input, cursor: pageParam } : input),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: !!incidentId,
  });
  return {
    messages: q.data?.pages.flatMap((p) => p.messages) ?? [],
    hasMore: !!q.hasNextPage,
    loadMore: q.fetchNextPage,
    loadingMore: q.isFetchingNextPage,
    error: q.error,
  };
}
