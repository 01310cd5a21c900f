import { Table, Text } from '@mantine/core';
import { useElementSize, useMergedRef } from '@mantine/hooks';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { BoardRow } from '../../../../../shared/contract';
import { DemoTag } from '../../demo/DemoTag';
import { DurationCell, NextCell, PriorityCell, StatusCell } from './BoardCells';
import { SortHeader } from './SortHeader';
import type { BoardSort } from './use-board';

interface Props {
  rows: BoardRow[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  sort: BoardSort;
  direction: 'asc' | 'desc';
  onSort: (s: BoardSort) => void;
}

/**
 * Below this width (a 1280-pixel screen beside the rail) the time in status moves under the
 * age, in words, and the other columns narrow: with all eight at full width the request
 * itself, the one thing every row is about, was squeezed to a few letters.
 */
const COMPACT_BELOW = 1200;

/**
 * The request board as one keyboard stop: arrows, Page Up/Down, Home and End move the
 * selection, Enter or a single click opens it. Urgent and overdue rows carry their flags in words.
 */
export function BoardTable({ rows, selectedId, onSelect, onOpen, sort, direction, onSort }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const { ref: measured, width } = useElementSize();
  const ref = useMergedRef(box, measured);
  const compact = width > 0 && width < COMPACT_BELOW;
  const index = Math.max(0, rows.findIndex((r) => r.id === selectedId));
  const current = rows[index];

  useEffect(() => {
    box.current?.querySelector(`[data-index="${index}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (rows.length === 0) return;
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10, Home: -rows.length, End: rows.length };
    if (e.key in step) {
      e.preventDefault();
      const next = Math.min(rows.length - 1, Math.max(0, index + step[e.key]!));
      onSelect(rows[next]!.id);
    } else if (e.key === 'Enter' && current) {
      e.preventDefault();
      onOpen(current.id);
    }
  };
  const sortProps = { current: sort, direction, onSort };
  return (
    <div ref={ref} data-compact={compact || undefined} style={{ maxHeight: 'calc(100vh - 390px)', overflow: 'auto' }}>
      {/* The table itself is the grid (its rows are its children, as ARIA requires) and the one keyboard stop. */}
      <Table
        highlightOnHover
        stickyHeader
        // Compact: the widths below hold and the request takes the rest (no sideways scroll).
        layout={compact ? 'fixed' : 'auto'}
        verticalSpacing="xs"
        tabIndex={0}
        role="grid"
        aria-label="Request board: arrow keys move, Enter opens"
        aria-activedescendant={current ? `board-row-${current.id}` : undefined}
        onKeyDown={onKeyDown}
        data-testid="request-board"
      >
        <Table.Thead>
          <Table.Tr>
            <SortHeader label="Number" sort="number" w={compact ? 128 : 130} {...sortProps} />
            <SortHeader label="Priority" sort="priority" w={114} {...sortProps} />
            <SortHeader label="Status" sort="status" w={compact ? 160 : 190} {...sortProps} />
            <Table.Th style={{ minWidth: 150 }}>Request</Table.Th>
            <SortHeader label="Requesting organisation" sort="organisation" w={compact ? 160 : 230} {...sortProps} />
            <SortHeader label="Age" sort="age" w={compact ? 120 : 105} {...sortProps} />
            {!compact && <SortHeader label="In status" sort="timeInStatus" w={115} {...sortProps} />}
            <Table.Th w={compact ? 170 : 250}>Next action</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => {
            const selected = i === index;
            return (
              <Table.Tr
                key={r.id}
                id={`board-row-${r.id}`}
                data-index={i}
                data-testid="board-row"
                data-number={r.number}
                data-status={r.status}
                aria-selected={selected}
                role="row"
                // One click opens, as a link would: a row is only ever selected to be opened.
                onClick={() => onOpen(r.id)}
                style={{
                  cursor: 'pointer',
                  // Selection must not drown the status colours: a neutral tint and a strong bar.
                  background: selected ? 'var(--mantine-color-default-hover)' : undefined,
                  boxShadow: selected ? 'inset 6px 0 0 var(--mantine-color-yellow-5)' : undefined,
                }}
              >
                <Table.Td>
                  <Text fw={700} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {r.number}
                  </Text>
                  <DemoTag demo={r.demo} />
                </Table.Td>
                <Table.Td>
                  <PriorityCell row={r} />
                </Table.Td>
                <Table.Td>
                  <StatusCell row={r} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600} lineClamp={2}>
                    {r.summary}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {`${r.quantityFilled.toLocaleString('en-US')} of ${r.quantityRequested.toLocaleString('en-US')} sourced`}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.requestingOrganisationName}</Text>
                  <Text size="xs" c="dimmed">
                    {r.requestedByName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DurationCell ms={r.ageMs} />
                  {compact && <DurationCell ms={r.timeInStatusMs} suffix=" in status" />}
                </Table.Td>
                {!compact && (
                  <Table.Td>
                    <DurationCell ms={r.timeInStatusMs} />
                  </Table.Td>
                )}
                <Table.Td>
                  <NextCell row={r} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && (
        <Text p="md" c="dimmed" data-testid="board-empty">
          No request matches these filters.
        </Text>
      )}
    </div>
  );
}
