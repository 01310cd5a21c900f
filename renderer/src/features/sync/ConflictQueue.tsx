import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ConflictSide, SyncConflict } from '../../../../shared/contract';
import { formatDateTime } from '../../lib/format';
import { useMethod, useSingleCommand } from '../../lib/query';

const shown = (v: ConflictSide['value']) => (v === null || v === '' ? '(empty)' : String(v));

function Side({ side, timeZone }: { side: ConflictSide; timeZone: string }) {
  return (
    <Stack gap={2}>
      <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
        {shown(side.value)}
      </Text>
      <Text size="sm" c="dimmed">
        {side.operatorName ?? 'No operator'}
        {side.positionTitle ? `, ${side.positionTitle}` : ''} · on {side.workstationName ?? side.workstationId.slice(-6)} · {formatDateTime(side.recordedAt, timeZone)}
      </Text>
    </Stack>
  );
}

/**
 * Edits of one field made on two workstations that had not seen each other's: every
 * workstation already shows the newer one; the other is kept here until someone decides.
 * Either choice is written as a new change, so the decision reaches every workstation.
 */
export function ConflictQueue({ timeZone }: { timeZone: string }) {
  const list = useMethod('sync.conflicts', { limit: 100 });
  const resolve = useSingleCommand('sync.resolve');
  const conflicts = list.data?.conflicts ?? [];
  const pick = (c: SyncConflict, side: ConflictSide) => resolve.mutate({ table: c.table, rowId: c.rowId, column: c.column, keepChangeId: side.changeId });
  return (
    <Paper withBorder p="md" data-testid="conflict-queue" data-ready={list.data ? 'true' : 'false'}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>Conflicting edits to review</Title>
          <Text fw={700} data-testid="conflict-count">
            {list.data ? (list.data.total === 0 ? 'None' : `${list.data.total} to review`) : ''}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          Two workstations changed the same field without seeing each other’s change. Every workstation shows the newer
          value; the other is kept here. Keep the one shown, or use the other: your choice is sent to every workstation.
        </Text>
        {resolve.error && (
          <Alert color="red" role="alert">
            {resolve.error.message}
          </Alert>
        )}
        {conflicts.length > 0 && (
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Record and field</Table.Th>
                <Table.Th>Shown now (newer)</Table.Th>
                <Table.Th>Other value</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {conflicts.map((c) => (
                <Table.Tr key={`${c.table}:${c.rowId}:${c.column}:${c.other.changeId}`} data-testid="conflict-row">
                  <Table.Td>
                    <Text fw={600}>{c.record}</Text>
                    <Text size="sm">{c.field}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Side side={c.current} timeZone={timeZone} />
                  </Table.Td>
                  <Table.Td>
                    <Side side={c.other} timeZone={timeZone} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={6}>
                      <Button size="xs" variant="light" onClick={() => pick(c, c.current)} loading={resolve.isPending} aria-label={`Keep shown value of ${c.record}: ${c.field}`}>
                        Keep shown value
                      </Button>
                      <Button size="xs" variant="default" onClick={() => pick(c, c.other)} loading={resolve.isPending} aria-label={`Use other value of ${c.record}: ${c.field}`}>
                        Use other value
                      </Button>
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
