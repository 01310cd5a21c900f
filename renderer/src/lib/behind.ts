import { useSyncExternalStore } from 'react';

/**
 * Paged lists read far down whose data changed since (see useLiveInvalidation): they are
 * left as they are, under the reader's eyes, and offer to catch up. Kept apart from the
 * query's own staleness, which the next page loaded would clear.
 */
const behind = new Set<string>();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export function markBehind(queryHash: string): void {
  if (behind.has(queryHash)) return;
  behind.add(queryHash);
  notify();
}

export function clearBehind(queryHash: string): void {
  if (behind.delete(queryHash)) notify();
}

export function useBehind(queryHash: string): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => behind.has(queryHash),
  );
}
