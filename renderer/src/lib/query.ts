import { QueryClient, useMutation, useQuery, useQueryClient, type Query, type UseQueryOptions } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { bootAnswer, call, onBackendEvent, type BackendError } from '../backend';
import contractReads from 'virtual:contract-reads';
import { clearBehind, markBehind } from './behind';

export const queryClient = new QueryClient({
  defaultOptions: {
    // Reads are local and cheap; staleness comes from data.changed, not from timers.
    // networkMode 'always': every call goes to this workstation's own backend, never over
    // the network, so the browser saying it is offline (a cable pulled, Wi-Fi off, the
    // 'offline' event) must not pause it. TanStack's default ('online') held every read and
    // save from that moment until the network came back.
    queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, networkMode: 'always' },
    mutations: { retry: false, networkMode: 'always' },
  },
});

/**
 * Puts in the cache, under the key useMethod(method, {}) reads, each of these reads the
 * browser host's boot script (renderer/public/boot.js) already has the answer to: a screen
 * that reads them renders with them at once, instead of one render later once a promise
 * and TanStack's notification (a timer) have delivered them.
 */
export function seedBootAnswers(methods: readonly MethodName[]): void {
  for (const method of methods) {
    const result = bootAnswer(method);
    if (result !== undefined) queryClient.setQueryData([method, {}], result);
  }
}

export function useMethod<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: Omit<UseQueryOptions<MethodOutput<M>, BackendError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<MethodOutput<M>, BackendError>({
    queryKey: [method, input],
    queryFn: () => call(method, input),
    ...options,
  });
}

export function useCommand<M extends MethodName>(method: M) {
  return useMutation<MethodOutput<M>, BackendError, MethodInput<M>>({ mutationFn: (input) => call(method, input) });
}

/**
 * Why a second press was not sent: the same command was still on its way. Only
 * `mutateAsync` of a useSingleCommand says it (its promise rejects with this); `mutate`
 * drops the press silently, as the button's spinner already shows the save travelling.
 */
export class AlreadySending extends Error {
  constructor(method: string) {
    super(`Not sent again: the last ${method} is still on its way. Wait for its answer.`);
    this.name = 'AlreadySending';
  }
}

/**
 * A command that records something once per press: a call made while the last one is still
 * on its way is dropped. The check is synchronous: `isPending` reaches the screen only at
 * its next render, after which a key pressed twice quickly could already have sent it
 * twice (seen under load: a call-down attempt recorded twice). The guard is freed when the
 * call settles, answered or refused.
 *
 * `mutate` drops the second call (its callbacks never run). `mutateAsync` rejects it with
 * AlreadySending rather than handing back the first call's promise: whoever awaits it then
 * does its follow-up (a sum, a message, closing a form) once, not once per press; a caller
 * that may be pressed twice catches AlreadySending and leaves the screen as the first call
 * will leave it.
 */
export function useSingleCommand<M extends MethodName>(method: M) {
  const busy = useRef(false);
  const m = useMutation<MethodOutput<M>, BackendError, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSettled: () => {
      busy.current = false;
    },
  });
  const mutate = ((...args: Parameters<typeof m.mutate>) => {
    if (busy.current) return;
    busy.current = true;
    m.mutate(...args);
  }) as typeof m.mutate;
  const mutateAsync = ((...args: Parameters<typeof m.mutateAsync>) => {
    if (busy.current) return Promise.reject(new AlreadySending(method));
    busy.current = true;
    return m.mutateAsync(...args);
  }) as typeof m.mutateAsync;
  return { ...m, mutate, mutateAsync };
}

/** Pages a paged list reloads by itself when its data changes; beyond them it offers to. */
export const LIVE_PAGES = 3;

/** The paged lists that offer to catch up (their screens show BehindNotice). */
const CATCH_UP_LISTS = new Set(['timeline.page']);

/** A catch-up list (its key ends in 'pages') with more than LIVE_PAGES loaded. */
export function isDeepList(q: Query): boolean {
  if (q.queryKey[q.queryKey.length - 1] !== 'pages' || !CATCH_UP_LISTS.has(q.queryKey[0] as string)) return false;
  return ((q.state.data as { pages?: unknown[] } | undefined)?.pages?.length ?? 0) > LIVE_PAGES;
}

/** Marks cached reads stale when the tables they read change. */
export function useLiveInvalidation(): void {
  const client = useQueryClient();
  useEffect(
    () =>
      client.getQueryCache().subscribe((e) => {
        if (e.type === 'removed') clearBehind(e.query.queryHash);
      }),
    [client],
  );
  useEffect(
    () =>
      onBackendEvent((e) => {
        if (e.event !== 'data.changed') return;
        const tables = new Set((e.payload as { tables: string[] }).tables);
        invalidate(client, tables);
      }),
    [client],
  );
}

function invalidate(client: QueryClient, tables: Set<string>): void {
  const reads = (q: Query) => {
    // From the contract at build time (virtual:contract-reads): loading the contract itself
    // here would be a long task just after the first screen (a new store's first change
    // comes then).
    const named = contractReads[q.queryKey[0] as string];
    if (!named || tables.has('*')) return true;
    return named.some((t) => tables.has(t));
  };
  void client.invalidateQueries({ predicate: (q) => reads(q) && !isDeepList(q) });
  // A long list read far down is left as it is: reloading every page on each new
  // record would redo thousands of rows per entry typed anywhere in the EOC, and move
  // the rows under the reader's eyes. It says it is behind and offers to catch up
  // (see useTimelinePages).
  for (const q of client.getQueryCache().findAll({ predicate: (q) => reads(q) && isDeepList(q) }))
    markBehind(q.queryHash);
}
