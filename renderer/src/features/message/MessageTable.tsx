import { Badge, Table, Text } from '@mantine/core';
import type { Message } from '../../../../shared/contract';
import { useShell } from '../../lib/shell-context';
import { TIME_COLUMN_WIDTH, TimeCell } from '../../components/TimeCell';
import { PRIORITY_LABELS, VIA_LABELS } from './labels';

interface Props {
  messages: readonly Message[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** Messages in and out: time said, direction and medium in words, subject, who to whom, reply. */
export function MessageTable({ messages, selectedId, onSelect }: Props) {
  const { coalition } = useShell();
  return (
    <Table highlightOnHover layout="fixed" data-testid="message-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={TIME_COLUMN_WIDTH}>Time</Table.Th>
          <Table.Th w={118}>Way</Table.Th>
          <Table.Th>Subject · From → To</Table.Th>
          <Table.Th w={92}>Reply</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {messages.map((m) => (
          <Table.Tr
            key={m.id}
            tabIndex={0}
            onClick={() => onSelect(m.id)}
            onKeyDown={(e) => e.key === 'Enter' && onSelect(m.id)}
            bg={m.id === selectedId ? 'var(--mantine-color-default-hover)' : undefined}
            style={{ cursor: 'pointer' }}
            aria-selected={m.id === selectedId}
          >
            <TimeCell ms={m.messageAt} timeZone={coalition.timeZone} />
            <Table.Td>
              {/* The way may take two lines ("OUT · In person"): never over the subject beside it. */}
              <Text fw={700} size="sm">
                {m.direction === 'in' ? 'IN' : 'OUT'} · {VIA_LABELS[m.via]}
              </Text>
              {m.priority !== 'routine' && (
                <Badge color="red" size="sm" radius="sm">
                  {PRIORITY_LABELS[m.priority]}
                </Badge>
              )}
              {m.transcribed && (
                <Text size="xs" c="orange">
                  typed in
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {/* The subject is what an operator scans for: first, and on two lines before any cut. */}
              <Text fw={600} lh={1.25} lineClamp={2} title={m.subject} data-testid="message-subject">
                {m.subject}
              </Text>
              {/* Who to whom by name, on two lines if need be: with their positions on one line it was cut before the addressee. The positions are in its title and the form beside. */}
              <Text
                size="sm"
                c="dimmed"
                lineClamp={2}
                title={`${m.fromName} (${m.fromPosition}) → ${m.toName} (${m.toPosition})`}
                data-testid="message-parties"
              >
                {m.fromName} → {m.toName}
              </Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {m.reply ? (
                <Text size="sm">Replied</Text>
              ) : (
                <Text size="sm" c="dimmed">
                  None yet
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
