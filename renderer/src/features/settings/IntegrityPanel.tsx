import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { StatusBadge } from '../../components/StatusBadge';
import { useMethod } from '../../lib/query';

/** Recomputes every workstation's hash chain and names any record that does not match. */
export function IntegrityPanel() {
  const verify = useMethod('integrity.verify', {}, { enabled: false });
  const r = verify.data;
  return (
    <Paper withBorder p="md" data-testid="integrity-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>Record integrity</Title>
          <Button onClick={() => void verify.refetch()} loading={verify.isFetching}>
            Verify now
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          Every record of fact is chained by SHA-256 to the one before it on the same workstation. A record changed or
          removed outside the console breaks the chain at that record.
        </Text>
        {verify.error && <Alert color="red">{verify.error.message}</Alert>}
        {r && (
          <Group>
            <StatusBadge tone={r.ok ? 'good' : 'bad'} testId="integrity-result">
              {r.ok ? 'Chains intact' : `${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} found`}
            </StatusBadge>
            <Text size="sm">
              {r.checkedLinks} records checked across {r.workstations} workstation{r.workstations === 1 ? '' : 's'}.
            </Text>
          </Group>
        )}
        {r && r.problems.length > 0 && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Table</Table.Th>
                <Table.Th>Record</Table.Th>
                <Table.Th>Link</Table.Th>
                <Table.Th>Problem</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.problems.map((p, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{p.table}</Table.Td>
                  <Table.Td ff="monospace">{p.rowId ?? '—'}</Table.Td>
                  <Table.Td>{p.seq ?? '—'}</Table.Td>
                  <Table.Td>{p.problem}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
