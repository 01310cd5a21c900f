import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useScreenIntent } from '../../../lib/screen-intent';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { useIncidents } from '../lib/use-incidents';
import { BoardFilters, ScopeControl } from './BoardFilters';
import { BoardTable } from './BoardTable';
import { type BoardFilters as Filters, DEFAULT_FILTERS, type BoardSort, useBoard } from './use-board';

/** Every open request: status, priority, age, time in status, who acts next. */
export function RequestBoard({ onOpen }: { onOpen: (id: string) => void }) {
  const [f, setF] = useState<Filters>(DEFAULT_FILTERS);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const incidents = useIncidents();
  const board = useBoard(f);
  const onSort = (s: BoardSort) => setF({ ...f, sort: s, direction: f.sort === s && f.direction === 'asc' ? 'desc' : 'asc' });
  const data = board.data;
  useScreenIntent('focus-board', () => document.querySelector<HTMLElement>('[data-testid="request-board"]')?.focus(), !!data);
  useScreenIntent('search-board', () => document.querySelector<HTMLElement>('[data-testid="board-search"]')?.focus());
  return (
    <Stack gap="sm">
      <BoardFilters f={f} onChange={setF} incidentOptions={incidents.options} />
      {board.error && <ErrorPanel title="The request board could not be read" error={board.error} />}
      {data && (
        <Group gap="sm" data-testid="board-counts">
          <ScopeControl f={f} onChange={setF} />
          <Text fw={700}>{`${data.total} ${f.scope === 'open' ? 'open' : f.scope === 'closed' ? 'finished' : ''} requests`.replace('  ', ' ')}</Text>
          <Badge color="orange" variant={data.counts.urgent ? 'filled' : 'outline'} size="lg" radius="sm" data-testid="count-urgent">
            {`${data.counts.urgent} URGENT`}
          </Badge>
          <Badge color="red" variant={data.counts.overdue ? 'filled' : 'outline'} size="lg" radius="sm" data-testid="count-overdue">
            {`${data.counts.overdue} OVERDUE`}
          </Badge>
          <Text size="sm" c="dimmed">
            Alt+Shift+B focuses the board; arrow keys move, Enter opens.
          </Text>
        </Group>
      )}
      <Paper withBorder>
        <BoardTable
          rows={data?.rows ?? []}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onOpen={onOpen}
          sort={f.sort}
          direction={f.direction}
          onSort={onSort}
        />
      </Paper>
    </Stack>
  );
}
