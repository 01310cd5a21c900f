import { Paper, Table, Text, Title } from '@mantine/core';
import type { MethodOutput } from '../../../../shared/contract';
import { sinceWhen } from '../../lib/format';
import { TrendChart } from '../status/BedTrendChart';

type Board = MethodOutput<'status.board'>;
type Series = MethodOutput<'status.trend'>['series'];

type Bed = Board['beds'][number];
/**
 * "+3 since 14:00": the change since 24 hours ago, or since every hospital now counted had
 * reported. When every row counts from the same moment, the heading says it once ("Change
 * since yesterday 09:15") and each row its number alone, short enough for the wall display.
 */
const change = (c: Bed['change'], timeZone: string, now: number, sinceInHeading: boolean) => {
  if (!c) return '—';
  const since = sinceInHeading ? '' : ` since ${sinceWhen(c.since, timeZone, now)}`;
  return c.delta === 0 ? `no change${since}` : `${c.delta > 0 ? '+' : '−'}${Math.abs(c.delta)}${since}`;
};

/** The moment every row's change counts from, when they share one. */
function commonSince(beds: readonly Bed[]): number | null {
  const since = new Set(beds.flatMap((b) => (b.change ? [b.change.since] : [])));
  return since.size === 1 ? [...since][0]! : null;
}

/** Region totals of available beds by HAvBED type, beside their baseline and their change, with the trend. `now`: the screen's clock, so "yesterday" becomes a date at midnight without a report. */
export function BedsPanel({ board, trend, timeZone, wall, now }: { board: Board; trend: Series | undefined; timeZone: string; wall: boolean; now: number }) {
  const size = wall ? 'xl' : 'md';
  const common = commonSince(board.beds);
  return (
    <Paper withBorder p="md" data-testid="sit-beds">
      <Title order={wall ? 2 : 3} mb="xs">
        Beds available (region)
      </Title>
      {board.beds.length === 0 ? (
        <Text c="dimmed">No hospital has reported beds yet.</Text>
      ) : (
        <Table fz={size} verticalSpacing={wall ? 'sm' : 4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Type</Table.Th>
              <Table.Th ta="right">Available</Table.Th>
              <Table.Th ta="right">Baseline</Table.Th>
              <Table.Th>
                Change
                {common !== null && (
                  <Text span display="block" fz="sm" fw={400} c="dimmed" style={wall ? { whiteSpace: 'nowrap' } : undefined} data-testid="bed-change-since">
                    {`since ${sinceWhen(common, timeZone, now)}`}
                  </Text>
                )}
              </Table.Th>
              {!wall && <Table.Th ta="right">Hospitals</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {board.beds.map((b) => (
              <Table.Tr key={b.typeId} data-testid="bed-row" data-type={b.label}>
                <Table.Td fw={600}>{b.label}</Table.Td>
                <Table.Td ta="right" fw={800} fz={wall ? 32 : 'lg'} data-testid="bed-available">
                  {b.available.toLocaleString('en-US')}
                </Table.Td>
                <Table.Td ta="right">{b.baseline === null ? '—' : `of ${b.baseline.toLocaleString('en-US')}`}</Table.Td>
                <Table.Td c={b.change && b.change.delta < 0 ? 'orange' : undefined} style={wall ? { whiteSpace: 'nowrap' } : undefined}>
                  {change(b.change, timeZone, now, common !== null)}
                </Table.Td>
                {!wall && <Table.Td ta="right">{b.reporting}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {trend && trend.some((s) => s.points.length > 1) && <TrendChart series={trend.filter((s) => s.points.some((p) => p.total > 0))} timeZone={timeZone} height={wall ? 210 : 200} big={wall} />}
    </Paper>
  );
}
