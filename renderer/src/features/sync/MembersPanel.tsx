import { Alert, Button, Code, CopyButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { StatusBadge } from '../../components/StatusBadge';
import { useCommand, useMethod, useSingleCommand } from '../../lib/query';

/** The coalition's sync group (synced like any record), and join codes for new workstations. */
export function MembersPanel() {
  const status = useMethod('sync.status', {});
  const issue = useSingleCommand('sync.issueJoin');
  const remove = useCommand('sync.removeMember');
  const members = status.data?.members ?? [];
  return (
    <Paper withBorder p="md" data-testid="members-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>Workstations of this coalition</Title>
          <Button onClick={() => issue.mutate({})} loading={issue.isPending} data-testid="issue-join">
            New join code
          </Button>
        </Group>
        {issue.data && (
          <Alert color="indigo" title={`Join code for the next workstation (it will be ${issue.data.shortCode})`}>
            <Stack gap="xs">
              <Text size="sm">Type or paste it on the new workstation’s first screen, under “Join a coalition”. It works for 7 days, once.</Text>
              <Code block data-testid="join-code" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
                {issue.data.code}
              </Code>
              <Group>
                <CopyButton value={issue.data.code}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="white" onClick={copy}>
                      {copied ? 'Copied' : 'Copy the code'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Alert>
        )}
        {issue.error && <Alert color="red">{issue.error.message}</Alert>}
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Code</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Membership</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td fw={700}>{m.shortCode ?? '—'}</Table.Td>
                <Table.Td>
                  {m.name ?? m.id.slice(-6)}
                  {m.you ? ' (this workstation)' : ''}
                </Table.Td>
                <Table.Td>{m.removedAt ? <StatusBadge tone="bad">Removed</StatusBadge> : <StatusBadge tone="good">Enrolled</StatusBadge>}</Table.Td>
                <Table.Td>
                  {!m.you && !m.removedAt && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${m.name ?? m.id.slice(-6)}`}
                      onClick={() =>
                        modals.openConfirmModal({
                          title: `Remove ${m.name ?? 'this workstation'} from the coalition?`,
                          children: <Text>Its records so far stay valid everywhere. Anything it writes from now on will be refused by every workstation.</Text>,
                          labels: { confirm: 'Remove', cancel: 'Cancel' },
                          confirmProps: { color: 'red' },
                          onConfirm: () => remove.mutate({ id: m.id }),
                        })
                      }
                    >
                      Remove
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {remove.error && <Alert color="red">{remove.error.message}</Alert>}
      </Stack>
    </Paper>
  );
}
