import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../lib/format';
import { useMethod } from '../../lib/query';
import { useShell } from '../../lib/shell-context';
import { useNow } from '../../lib/use-now';
import { GridView } from './GridView';
import { dueWords, onTimeShareWords } from './labels';
import { PrintMarks } from './PrintMarks';
import { ResponseCurve } from './ResponseCurve';
import './print.css';

/**
 * A status request: who answered (when, on time or late), who is outstanding with their
 * 24/7 numbers (the call-down list, printable), HPP J.1, PM17/PM19 and the response curve.
 */
export function RequestDetail({ id, onBack }: { id: string; onBack(): void }) {
  const { coalition } = useShell();
  const tz = coalition.timeZone;
  const q = useMethod('status.request', { id }, { refetchInterval: 60_000 });
  const [quick, setQuick] = useState(false);
  const now = useNow(15_000);
  if (q.error) return <ErrorPanel title="This status request could not be read" error={q.error} />;
  if (!q.data) return null;
  const r = q.data.request;
  const f = r.figures;
  const outstanding = r.facilities.filter((x) => x.answeredAt === null);
  const answered = r.facilities.filter((x) => x.answeredAt !== null);
  const share = onTimeShareWords(r, now);
  return (
    <Stack gap="md" data-testid="status-request-detail">
      <Group justify="space-between" className="no-print">
        <Button variant="subtle" onClick={onBack}>
          ← All status requests
        </Button>
        <Group>
          <Button variant={quick ? 'filled' : 'default'} onClick={() => setQuick((x) => !x)} data-testid="request-quick-entry">
            {quick ? 'Close quick entry' : 'Quick entry of answers'}
          </Button>
          <Button variant="default" onClick={() => window.print()}>
            Print the call-down list
          </Button>
        </Group>
      </Group>
      <PrintMarks incidentId={r.incidentId} />
      <Stack gap={2}>
        <Title order={2}>{r.title}</Title>
        <Text>
          {r.selection}. Asked {formatDateTime(r.requestedAt, tz)}
          {r.operatorName ? ` by ${r.operatorName}` : ''}; due {formatDateTime(r.deadline, tz)}.
        </Text>
        <Text size="sm" c="dimmed">
          Fields: {r.typeLabels.join(', ')}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Paper withBorder p="sm">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            On time (HPP J.1)
          </Text>
          <Text fz={32} fw={800} data-testid="request-on-time">
            {share ?? `due ${dueWords(r.deadline, now, tz)}`}
          </Text>
          <Text size="sm" data-testid="request-on-time-words">
            {share === null ? `${f.answered} of ${f.asked} answered so far; the share on time is known at the deadline` : `${f.onTime} of ${f.asked} answered by the deadline`}
          </Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            Answered
          </Text>
          <Text fz={32} fw={800} data-testid="request-answered">{`${f.answered} of ${f.asked}`}</Text>
          <Text size="sm">{`${f.outstanding} outstanding`}</Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            Last to report (PM17/PM19)
          </Text>
          <Text fz={32} fw={800}>
            {f.minutesToLast === null ? '—' : `${f.minutesToLast} min`}
          </Text>
          <Text size="sm">{f.minutesToLast === null ? 'Not all have reported yet' : 'from the request to the last report'}</Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            Now
          </Text>
          <StatusBadge tone={r.late ? 'bad' : f.outstanding ? 'warn' : 'good'} testId="request-state">
            {r.late ? 'PAST DEADLINE, OUTSTANDING' : f.outstanding ? 'WAITING FOR ANSWERS' : 'ALL ANSWERED'}
          </StatusBadge>
        </Paper>
      </SimpleGrid>
      {quick && (
        <Paper withBorder p="md" className="no-print">
          <GridView request={{ id: r.id, title: r.title, organisationIds: outstanding.map((x) => x.organisationId), typeIds: r.typeIds }} />
        </Paper>
      )}
      <Paper withBorder p="md" data-testid="call-down">
        <Title order={3} mb="xs">{`Call-down: ${outstanding.length} outstanding`}</Title>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Facility</Table.Th>
              <Table.Th>Call</Table.Th>
              <Table.Th w={140}>Answered</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {outstanding.map((x) => (
              <Table.Tr key={x.organisationId} data-testid="outstanding-row">
                <Table.Td>
                  <Text fw={600}>{x.name}</Text>
                  <Text size="sm" c="dimmed">
                    {x.disciplineLabel} · {x.town}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {x.contacts.length === 0 && <Text c="dimmed">No contact in the directory</Text>}
                  {x.contacts.map((c) => (
                    <Text key={c.name}>
                      {c.name}
                      {c.role ? ` (${c.role})` : ''}: <b>{c.phone24x7 ? `24/7 ${c.phone24x7}` : 'no 24/7 number'}</b>
                      {c.radio ? ` · ${c.radio}` : ''}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  <StatusBadge tone={r.late ? 'bad' : 'warn'}>{r.late ? 'LATE' : 'NOT YET'}</StatusBadge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} mb="xs">{`Answered: ${answered.length}`}</Title>
        <Table striped>
          <Table.Tbody>
            {answered.map((x) => (
              <Table.Tr key={x.organisationId} data-testid="answered-row">
                <Table.Td fw={600}>{x.name}</Table.Td>
                <Table.Td>{formatDateTime(x.answeredAt!, tz)}</Table.Td>
                <Table.Td>{`${x.responseMinutes} min after the request`}</Table.Td>
                <Table.Td>
                  <StatusBadge tone={x.onTime ? 'good' : 'warn'}>{x.onTime ? 'ON TIME' : 'LATE'}</StatusBadge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="md" className="no-print">
        <Title order={3} mb="xs">
          Response curve
        </Title>
        <ResponseCurve curve={r.curve} deadline={r.deadline} now={q.data.now} timeZone={tz} waiting={f.outstanding > 0} />
      </Paper>
    </Stack>
  );
}
