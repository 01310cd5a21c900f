import { Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Select } from '../../../components/Select';
import { useState } from 'react';
import { useShell } from '../../../lib/shell-context';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { useMethod } from '../../../lib/query';
import { useIncidents } from '../lib/use-incidents';
import { ByKindTable, FillRateTable, TimeToFillTable } from './ChartTables';
import { FillRateChart } from './FillRateChart';
import { StatusOverTimeChart } from './StatusOverTimeChart';
import { TimeToFillChart } from './TimeToFillChart';

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
            {`${openNow} open now · ${d.linesRequested} request lines approved`}
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
              <TimeToFillTable data={d.timeToFill} />
            </Paper>
            <Paper withBorder p="md" data-testid="chart-fill-rate">
              <Title order={3} mb="sm">
                Fill rate by source (each line counts once)
              </Title>
              <FillRateChart data={d.fillRateBySource} />
              <FillRateTable data={d.fillRateBySource} />
            </Paper>
          </SimpleGrid>
          <Paper withBorder p="md" data-testid="chart-by-kind">
            <Title order={3} mb="sm">
              Requested and sourced, by kind
            </Title>
            <ByKindTable data={d.byKind} />
          </Paper>
        </>
      )}
    </Stack>
  );
}
