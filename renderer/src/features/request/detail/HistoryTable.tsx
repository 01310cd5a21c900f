import { Paper, Table, Text, Title } from '@mantine/core';
import type { RequestEvent } from '../../../../../shared/contract';
import { formatDateTime } from '../../../lib/format';
import { useWorkstationLabel } from '../../../lib/workstations';

/**
 * The append-only record of the request: each step with who, position, workstation and
 * when; "recorded" shown too when the step was entered later than it happened.
 */
export function HistoryTable({ events, timeZone }: { events: RequestEvent[]; timeZone: string }) {
  const workstationLabel = useWorkstationLabel();
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm">
        History
      </Title>
      <Table striped verticalSpacing="xs" data-testid="history-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={210}>When</Table.Th>
            <Table.Th w={180}>Step</Table.Th>
            <Table.Th>What happened</Table.Th>
            <Table.Th w={240}>Who and position</Table.Th>
            <Table.Th w={150}>Workstation</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.id} data-testid="history-row" data-action={e.action}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(e.occurredAt, timeZone)}
                {Math.abs(e.recordedAt - e.occurredAt) > 60_000 && (
                  <Text size="xs" c="dimmed">
                    recorded {formatDateTime(e.recordedAt, timeZone)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td fw={600}>{e.actionLabel}</Table.Td>
              <Table.Td>
                {e.summary}
                {e.note && (
                  <Text size="sm" c="dimmed">
                    Note: {e.note}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {e.operatorName ?? '—'}
                <Text size="sm" c="dimmed">
                  {e.positionTitle ?? ''}
                </Text>
              </Table.Td>
              <Table.Td ff="monospace" fz="sm">
                {workstationLabel(e.workstationId)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
