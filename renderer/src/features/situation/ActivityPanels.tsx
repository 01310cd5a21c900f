import { List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { MethodOutput, Period } from '../../../../shared/contract';
import { unitFor } from '../../../../shared/domain/status-rules';
import { localParts } from '../../lib/format';

type Board = MethodOutput<'status.board'>;

/** Summed region figures other than beds, each in its own unit. */
export function TotalsPanel({ board, wall }: { board: Board; wall: boolean }) {
  return (
    <Paper withBorder p="md" data-testid="sit-totals">
      <Title order={wall ? 2 : 3} mb="xs">
        Region totals
      </Title>
      {board.totals.length === 0 ? (
        <Text c="dimmed">Nothing reported yet.</Text>
      ) : (
        <Table fz={wall ? 'xl' : 'sm'} verticalSpacing={2}>
          <Table.Tbody>
            {board.totals.map((t) => (
              <Table.Tr key={t.typeId}>
                <Table.Td>{t.label}</Table.Td>
                <Table.Td ta="right" fw={800}>{`${t.total.toLocaleString('en-US')}${t.unit ? ` ${unitFor(t.unit, t.total)}` : ''}`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

type Events = MethodOutput<'log.board'>['events'];

/** The latest significant events, newest first. */
export function EventsPanel({ events, timeZone, wall }: { events: Events; timeZone: string; wall: boolean }) {
  const latest = [...events].sort((a, b) => b.entry.occurredAt - a.entry.occurredAt).slice(0, wall ? 4 : 6);
  return (
    <Paper withBorder p="md" data-testid="sit-events">
      <Title order={wall ? 2 : 3} mb="xs">
        Latest significant events
      </Title>
      {latest.length === 0 && <Text c="dimmed">None on the board yet.</Text>}
      <Stack gap={wall ? 'sm' : 6}>
        {latest.map((p) => (
          <Text key={p.id} fz={wall ? 'xl' : 'sm'} lineClamp={wall ? 2 : 3}>
            <b>{localParts(p.entry.occurredAt, timeZone).hm}</b> {p.entry.text}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

/** The period's objectives (ICS 202 block 3). */
export function ObjectivesPanel({ period, wall }: { period: Period | null; wall: boolean }) {
  return (
    <Paper withBorder p="md" data-testid="sit-objectives">
      <Title order={wall ? 2 : 3} mb="xs">
        {period ? `Period ${period.number} objectives` : 'Objectives'}
      </Title>
      {!period?.objectives.length && <Text c="dimmed">No objectives set for the period.</Text>}
      <List type="ordered" spacing={4} fz={wall ? 'xl' : 'sm'}>
        {(period?.objectives ?? []).map((o) => (
          <List.Item key={o.id}>
            <Text fz="inherit" lineClamp={wall ? 2 : 3}>
              {o.text}
            </Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
