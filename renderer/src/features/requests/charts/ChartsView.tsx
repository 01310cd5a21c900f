import { Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDuration } from '../../../../../shared/domain/request-aging';
import { useShell } from '../../../app/shell-context';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { useMethod } from '../../../lib/query';
import { useIncidents } from '../lib/use-incidents';
import { FillRateChart } from './FillRateChart';
import { StatusOverTimeChart } from './StatusOverTimeChart';
import { TimeToFillChart } from './TimeToFillChart';

const dur = (ms: number | null) => (ms === null ? '—' : formatDuration(ms));

/** For one incident: open requests by status over time, time to fill by priority, fill rate by source. */
export function ChartsView() {
  const { coalition } = useShell();
  const incidents = useIncidents();
  const [picked, setPicked] = useState<string | null>(null);
  const incidentId = picked ?? incidents.defaultId;
  const q = useMethod('request.charts', { incidentId: incidentId ?? '' }, { enabled: !!incidentId });
  const d = q.data;
  const openNow = d?.statusOverTime.at(-1)?.open ?? 0;
  return (
    <Stack gap="md" data-testid="request-charts" data-ready={d ? 'true' : 'false'}>
      <Group align="flex-end">
        <Select label="Incident" data={incidents.options} value={incidentId} onChange={setPicked} allowDeselect={false} w={320} />
        {d && (
          <Text fw={600} data-testid="charts-summary">
            {`${openNow} open now · ${d.quantityRequested.toLocaleString('en-US')} units requested (approved requests)`}
          </Text>
        )}
      </Group>
      {!incidentId && !incidents.isLoading && <Text c="dimmed">No open incident: charts are drawn for an incident.</Text>}
      {q.error && <ErrorPanel title="Charts could not be drawn" error={q.error} />}
      {incidentId && !d && !q.error && <Loader />}
      {d && (
        <>
          <Paper withBorder p="md" data-testid="chart-status-over-time">
            <Title order={3} mb="sm">
              Open requests by status over time
            </Title>
            <StatusOverTimeChart data={d.statusOverTime} timeZone={coalition.timeZone} />
          </Paper>
          <SimpleGrid cols={2}>
            <Paper withBorder p="md" data-testid="chart-time-to-fill">
              <Title order={3} mb="sm">
                Time to fill by priority
              </Title>
              <TimeToFillChart data={d.timeToFill} />
              <Table mt="sm" data-testid="time-to-fill-table">
                <Table.Tbody>
                  {d.timeToFill.map((t) => (
                    <Table.Tr key={t.priority}>
                      <Table.Td fw={600}>{t.priorityLabel}</Table.Td>
                      <Table.Td>{`${t.filled} received`}</Table.Td>
                      <Table.Td>{`median ${dur(t.medianMs)}`}</Table.Td>
                      <Table.Td>{`90% within ${dur(t.p90Ms)}`}</Table.Td>
                      <Table.Td>{`${t.stillOpen} still open`}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <Paper withBorder p="md" data-testid="chart-fill-rate">
              <Title order={3} mb="sm">
                Fill rate by source
              </Title>
              <FillRateChart data={d.fillRateBySource} />
              <Table mt="sm" data-testid="fill-rate-table">
                <Table.Tbody>
                  {d.fillRateBySource.map((s) => (
                    <Table.Tr key={s.source} data-source={s.source}>
                      <Table.Td fw={600}>{s.label}</Table.Td>
                      <Table.Td ta="right">{`${s.quantity.toLocaleString('en-US')} units`}</Table.Td>
                      <Table.Td ta="right">{`${Math.round(s.share * 100)}%`}</Table.Td>
                      <Table.Td>{`${s.fills} fills`}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
