import { Code, Paper, Stack, Table, Title } from '@mantine/core';
import type { MethodOutput } from '../../../../shared/contract';

/** Where the data lives, in full, so an operator or IT can find the files. */
export function DataFolderPanel({ status }: { status: MethodOutput<'store.status'> }) {
  const rows: [string, string][] = [
    ['Data folder', status.dataDir],
    ['Data file', status.databaseFile],
    ['Backups', status.backupDir],
    ['Files kept aside', status.asideDir],
  ];
  return (
    <Paper withBorder p="md" data-testid="data-folder-panel">
      <Stack gap="xs">
        <Title order={3}>Where the data is</Title>
        <Table>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={160}>{label}</Table.Th>
                <Table.Td>
                  <Code style={{ userSelect: 'all', wordBreak: 'break-all' }}>{value}</Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
