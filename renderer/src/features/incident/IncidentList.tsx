import { Badge, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useShell } from '../../lib/shell-context';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../lib/format';
import { useMethod } from '../../lib/query';

interface Props {
  activeId: string | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** Open incidents by default; several can be open at once, one is this workstation's. */
export function IncidentList({ activeId, selectedId, onSelect }: Props) {
  const { coalition } = useShell();
  const [status, setStatus] = useState<'open' | 'closed' | 'all'>('open');
  const list = useMethod('incident.list', { status });
  const incidents = list.data?.incidents ?? [];
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label="Which incidents"
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        data={[
          { value: 'open', label: 'Open' },
          { value: 'closed', label: 'Closed' },
          { value: 'all', label: 'All' },
        ]}
      />
      {incidents.length === 0 && (
        <Text c="dimmed" p="sm">
          {status === 'open' ? 'No open incident. Start one with “New incident”.' : 'None.'}
        </Text>
      )}
      {/* Fixed layout: the table is the card's width, never its longest name's. */}
      <Table highlightOnHover layout="fixed" data-testid="incident-list">
        <Table.Tbody>
          {incidents.map((i) => (
            <Table.Tr
              key={i.id}
              tabIndex={0}
              onClick={() => onSelect(i.id)}
              onKeyDown={(e) => e.key === 'Enter' && onSelect(i.id)}
              bg={i.id === selectedId ? 'var(--mantine-color-default-hover)' : undefined}
              style={{ cursor: 'pointer' }}
              aria-selected={i.id === selectedId}
              data-testid="incident-row"
            >
              <Table.Td>
                {/* The whole name, wrapped between words: names are long and alike ("… ice storm and
                    power outage"), and the end is often what tells two apart. */}
                <Text fw={700} lh={1.3} style={{ overflowWrap: 'anywhere' }} data-testid="incident-row-name">
                  {i.name}
                </Text>
                <Group gap={6} mt={4}>
                  <StatusBadge tone={i.status === 'open' ? 'good' : 'neutral'}>{i.status === 'open' ? 'Open' : 'Closed'}</StatusBadge>
                  {i.id === activeId && (
                    <Badge radius="sm" color="indigo">
                      Active here
                    </Badge>
                  )}
                  {i.exercise && (
                    <Badge radius="sm" color="orange">
                      Exercise
                    </Badge>
                  )}
                  <Text size="sm" fw={600}>
                    {i.activationLevelName}
                  </Text>
                </Group>
                <Text size="sm" c="dimmed" mt={2}>
                  {/* The date and its zone stay together ("09:59 / EST" read as two things). */}
                  {i.hazardType || 'No hazard type'}&nbsp;· <span style={{ whiteSpace: 'nowrap' }}>since {formatDateTime(i.startedAt, coalition.timeZone)}</span>
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
