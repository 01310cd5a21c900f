import { Anchor, Button, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../lib/format';
import { useMethod } from '../../lib/query';
import { useShell } from '../../lib/shell-context';
import { useNow } from '../../lib/use-now';
import { useSubview } from '../../lib/use-subview';
import { RequestDetail } from './RequestDetail';
import { onTimeShareWords } from './labels';
import { RequestForm } from './RequestForm';
import classes from './requests.module.css';

/** Status requests: the list with who has answered, a new one, and one in detail. */
export function RequestsView() {
  const { coalition } = useShell();
  const { params, open } = useSubview();
  const id = params.get('id');
  const [creating, setCreating] = useState(false);
  const q = useMethod('status.requests', {});
  const now = useNow(30_000);
  if (id) return <RequestDetail id={id} onBack={() => open({ view: 'requests' })} />;
  return (
    <Stack gap="md">
      {creating ? (
        <RequestForm
          onCreated={(rid) => {
            setCreating(false);
            open({ view: 'requests', id: rid });
          }}
          onCancel={() => setCreating(false)}
        />
      ) : (
        <Group>
          <Button onClick={() => setCreating(true)} data-testid="new-status-request">
            New status request
          </Button>
        </Group>
      )}
      {q.error && <ErrorPanel title="Status requests could not be read" error={q.error} />}
      <Paper withBorder>
        <Table striped highlightOnHover data-testid="status-requests" className={classes.requests}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Request</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Answered</Table.Th>
              <Table.Th>On time</Table.Th>
              <Table.Th>
                <VisuallyHidden>Where it stands</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(q.data?.requests ?? []).length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text c="dimmed">No status request yet.</Text>
                </Table.Td>
              </Table.Tr>
            )}
            {(q.data?.requests ?? []).map((r) => (
              <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => open({ view: 'requests', id: r.id })}>
                <Table.Td>
                  {/* A link's words wrap: a long title takes two lines, not the width the other columns need. */}
                  <Anchor component="button" type="button" fw={700} ta="left" onClick={() => open({ view: 'requests', id: r.id })}>
                    {r.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {r.selection}
                  </Text>
                </Table.Td>
                <Table.Td className={classes.oneLine}>{formatDateTime(r.deadline, coalition.timeZone)}</Table.Td>
                <Table.Td>{`${r.figures.answered} of ${r.figures.asked}`}</Table.Td>
                <Table.Td>{onTimeShareWords(r, now) ?? 'known at the deadline'}</Table.Td>
                <Table.Td>
                  <StatusBadge oneLine tone={r.late ? 'bad' : r.figures.outstanding ? 'warn' : 'good'}>
                    {r.late ? 'PAST DEADLINE' : r.figures.outstanding ? `${r.figures.outstanding} OUTSTANDING` : 'ALL ANSWERED'}
                  </StatusBadge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
