import { Center, Loader, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface Props<T> {
  items: readonly T[];
  rowHeight: number;
  getKey: (item: T) => string;
  renderRow: (item: T, index: number) => ReactNode;
  /** Activates a row (Enter or click): open its detail. */
  onOpen?: (item: T) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  emptyText: string;
  testId?: string;
  label: string;
}

/** Rows loaded ahead of the viewport's end before the next keyset page is asked for. */
const PREFETCH_ROWS = 30;

/**
 * Only the rows in view (plus a few) are in the DOM, whatever the length: the timeline
 * stays smooth at 100,000 records. Up/Down move between rows, Enter opens one.
 */
export function VirtualList<T>({ items, rowHeight, getKey, renderRow, onOpen, hasMore, loadingMore, onLoadMore, emptyText, testId, label }: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders through its own state.
  const virtualizer = useVirtualizer({
    count: items.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.length ? virtualRows[virtualRows.length - 1]!.index : -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, items.length, onLoadMore]);

  const focusRow = (index: number) => {
    const i = Math.max(0, Math.min(items.length - 1, index));
    virtualizer.scrollToIndex(i, { align: 'auto' });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${i}"]`)?.focus());
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, index: number, item: T) => {
    if (e.key === 'ArrowDown') focusRow(index + 1);
    else if (e.key === 'ArrowUp') focusRow(index - 1);
    else if (e.key === 'PageDown') focusRow(index + 10);
    else if (e.key === 'PageUp') focusRow(index - 10);
    else if (e.key === 'Home') focusRow(0);
    else if (e.key === 'End') focusRow(items.length - 1);
    else if (e.key === 'Enter' && onOpen) onOpen(item);
    else return;
    e.preventDefault();
  };

  if (!items.length && !hasMore) {
    return (
      <Center h={160} data-testid={testId ? `${testId}-empty` : undefined}>
        <Text c="dimmed">{emptyText}</Text>
      </Center>
    );
  }
  return (
    <div ref={scrollRef} role="list" aria-label={label} data-testid={testId} style={{ flex: 1, minHeight: 0, overflowY: 'auto', contain: 'strict' }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {/* One moved block holding the rows in normal flow (every row is rowHeight tall),
            rather than a transform per row: one transform node changes as the list scrolls,
            not one per row, so each frame has fewer paint chunks to layerize and commit. */}
        <div style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${virtualRows[0]?.start ?? 0}px)` }}>
          {virtualRows.map((v) => {
            const item = items[v.index];
            return (
              <div
                key={item ? getKey(item) : 'loading'}
                data-index={v.index}
                role="listitem"
                tabIndex={item ? 0 : -1}
                onKeyDown={item ? (e) => onKeyDown(e, v.index, item) : undefined}
                onClick={item && onOpen ? () => onOpen(item) : undefined}
                style={{ height: v.size, contain: 'strict', cursor: onOpen ? 'pointer' : undefined }}
              >
                {item ? (
                  renderRow(item, v.index)
                ) : (
                  <Center h="100%">
                    <Loader size="sm" />
                    <Text size="sm" ml="sm">
                      Loading more…
                    </Text>
                  </Center>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
