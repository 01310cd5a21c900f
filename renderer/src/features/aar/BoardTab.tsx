import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { StatusBadge } from '../../components/StatusBadge';
import { useMethod } from '../../lib/query';
import { ActionsTable } from './ActionsTable';

/** Every corrective action of every incident and exercise: what is open, what is overdue, what recurs. */
export function BoardTab() {
  const [show, setShow] = useState<'open' | 'overdue' | 'all'>('open');
  const q = useMethod('aar.actionBoard', { show });
  const c = q.data?.counts;
  return (
    <Stack gap="sm" data-testid="action-board" data-ready={q.data ? 'true' : 'false'}>
      <Group justify="space-between">
        <Group gap="xs">
          {c && (
            <>
              <StatusBadge tone="info">{`${c.open} open`}</StatusBadge>
              <StatusBadge tone={c.overdue ? 'bad' : 'good'}>{`${c.overdue} overdue`}</StatusBadge>
              <StatusBadge tone={c.recurring ? 'warn' : 'neutral'}>{`${c.recurring} recurring`}</StatusBadge>
              <StatusBadge tone="good">{`${c.completed} completed or verified`}</StatusBadge>
              <Text size="sm" c="dimmed">
                of {c.all}, as of {q.data?.today}
              </Text>
            </>
          )}
        </Group>
        <SegmentedControl
          value={show}
          onChange={(v) => setShow(v as typeof show)}
          data={[
            { value: 'open', label: 'Open' },
            { value: 'overdue', label: 'Overdue' },
            { value: 'all', label: 'All' },
          ]}
        />
      </Group>
      {q.error && <Text c="red">{q.error.message}</Text>}
      {q.data && <ActionsTable actions={q.data.actions} showEvent />}
    </Stack>
  );
}
