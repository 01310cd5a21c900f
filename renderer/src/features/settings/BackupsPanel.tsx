import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { StatusBadge } from '../../components/StatusBadge';
import { formatBytes, formatDateTime } from '../../lib/format';
import { useMethod, useSingleCommand } from '../../lib/query';

/** The store's backups: take one now, see which are verified, restore one. */
export function BackupsPanel({
  timeZone,
  allowRestore = true,
  allowCreate = true,
}: {
  timeZone: string;
  allowRestore?: boolean;
  /** Off in restore mode: a file that cannot be opened cannot be backed up. */
  allowCreate?: boolean;
}) {
  const list = useMethod('backup.list', {});
  const create = useSingleCommand('backup.create');
  const restore = useSingleCommand('backup.restore');
  const backups = list.data?.backups ?? [];
  // Each Restore is named by its backup's time, and by its file when two were taken in the
  // same minute (Back up now pressed twice): a screen reader must tell them apart.
  const taken = (b: (typeof backups)[number]) => formatDateTime(b.createdAt, timeZone);
  const restoreName = (b: (typeof backups)[number]) =>
    backups.filter((o) => taken(o) === taken(b)).length > 1 ? `Restore the backup of ${taken(b)} (${b.file})` : `Restore the backup of ${taken(b)}`;
  return (
    <Paper withBorder p="md" data-testid="backups-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>Backups</Title>
          {allowCreate && (
            <Button onClick={() => create.mutate({}, { onSuccess: () => void list.refetch() })} loading={create.isPending}>
              Back up now
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          Taken automatically every 10 minutes while data changes and before every upgrade, with SQLite's online
          backup, and each one checked. Restoring keeps the current file aside; nothing is erased.
        </Text>
        {create.error && <Alert color="red" role="alert">{create.error.message}</Alert>}
        {restore.error && <Alert color="red" role="alert">{restore.error.message}</Alert>}
        {restore.data && (
          <Alert color="teal" role="status">
            Restored {restore.data.restoredFrom}.
            {restore.data.keptAside ? ` The previous file was kept as ${restore.data.keptAside}.` : ''}
          </Alert>
        )}
        {backups.length === 0 ? (
          <Text>No backup yet.</Text>
        ) : (
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Taken</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th>Size</Table.Th>
                <Table.Th>Check</Table.Th>
                {allowRestore && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {backups.map((b) => (
                <Table.Tr key={b.file}>
                  <Table.Td>{formatDateTime(b.createdAt, timeZone)}</Table.Td>
                  <Table.Td>{b.reason}</Table.Td>
                  <Table.Td>{formatBytes(b.bytes)}</Table.Td>
                  <Table.Td>
                    <StatusBadge tone={b.verified ? 'good' : 'bad'}>{b.verified ? 'Verified' : 'Failed check'}</StatusBadge>
                  </Table.Td>
                  {allowRestore && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        disabled={!b.verified}
                        aria-label={restoreName(b)}
                        onClick={() =>
                          modals.openConfirmModal({
                            title: 'Restore this backup?',
                            children: (
                              <Text>
                                The console will return to the backup taken {formatDateTime(b.createdAt, timeZone)}. The
                                current data file is kept aside, not erased.
                              </Text>
                            ),
                            labels: { confirm: 'Restore', cancel: 'Cancel' },
                            confirmProps: { color: 'red' },
                            onConfirm: () => restore.mutate({ file: b.file }),
                          })
                        }
                      >
                        Restore
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
