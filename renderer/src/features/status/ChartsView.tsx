import { Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useMethod } from '../../lib/query';
import { useShell } from '../../lib/shell-context';
import { useNow } from '../../lib/use-now';
import { TrendChart } from './BedTrendChart';
import { ConditionsChart } from './ConditionsChart';
import { useCatalogue } from './use-catalogue';

const RANGES = { '12': 12, '24': 24, '72': 72, '168': 168 } as const;

/** Beds available over time by type, and facilities closed, evacuating, on diversion or generator over time. */
export function ChartsView() {
  const { coalition } = useShell();
  const catalogue = useCatalogue();
  const now = useNow(60_000);
  const [hours, setHours] = useState<keyof typeof RANGES>('24');
  // Whole minutes, so the query key (and the chart) does not change on every render.
  const to = Math.floor(now / 60_000) * 60_000;
  const from = to - RANGES[hours] * 3_600_000;
  const bedTypes = useMemo(() => (catalogue.data?.types ?? []).filter((t) => t.aggregate === 'sum' && t.baselineTypeId).map((t) => t.id), [catalogue.data]);
  const beds = useMethod('status.trend', { typeIds: bedTypes, from, to }, { enabled: bedTypes.length > 0 });
  const conditions = useMethod('status.conditionsOverTime', { from, to });
  return (
    <Stack gap="md" data-testid="status-charts">
      <Group>
        <Text fw={600}>Last</Text>
        <SegmentedControl value={hours} onChange={(v) => setHours(v as keyof typeof RANGES)} data={[{ value: '12', label: '12 hours' }, { value: '24', label: '24 hours' }, { value: '72', label: '3 days' }, { value: '168', label: '7 days' }]} />
      </Group>
      <Paper withBorder p="md" data-testid="chart-beds">
        <Title order={3} mb="sm">
          Beds available over time, by type (region total)
        </Title>
        {beds.error && <ErrorPanel title="Not drawn" error={beds.error} />}
        {beds.data && <TrendChart series={beds.data.series.filter((s) => s.points.some((p) => p.total > 0))} timeZone={coalition.timeZone} />}
      </Paper>
      <Paper withBorder p="md" data-testid="chart-conditions">
        <Title order={3} mb="sm">
          Facility status over time
        </Title>
        {conditions.error && <ErrorPanel title="Not drawn" error={conditions.error} />}
        {conditions.data && <ConditionsChart data={conditions.data} timeZone={coalition.timeZone} />}
      </Paper>
    </Stack>
  );
}
