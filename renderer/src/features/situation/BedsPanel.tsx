import { Paper, Table, Text, Title } from '@mantine/core';
import type { MethodOutput } from '../../../../shared/contract';
import { keepHyphens, sinceWhen } from '../../lib/format';
import { TrendChart } from '../status/BedTrendChart';

type Board = MethodOutput<'status.board'>;
type Series = MethodOutput<'status.trend'>['series'];

type Bed = Board['beds'][number];

/**
 * "since yesterday 09:15" under the number it qualifies, in small type: a line may break
 * between the day and the time, never inside either ("since 02 / Dec 2026"), and the
 * column is as narrow as "since 02 Dec 2026". The wall display, whose panel has the room,
 * keeps it on one line. Beside the number in large type, nowrap on the wall display, a row's
 * own since ran out of the panel under the one beside it.
 */
function Since({ at, timeZone, now, testId, wall }: { at: number; timeZone: string; now: number; testId: string; wall: boolean }) {
  const when = sinceWhen(at, timeZone, now);
  const cut = when.lastIndexOf(' ');
  return (
    <Text span display="block" fz="sm" fw={400} c="dimmed" lh={1.3} style={wall ? { whiteSpace: 'nowrap' } : undefined} data-testid={testId}>
      <span style={{ whiteSpace: 'nowrap' }}>since {cut < 0 ? when : when.slice(0, cut)}</span>
      {cut >= 0 && (
        <>
          {' '}
          <span style={{ whiteSpace: 'nowrap' }}>{when.slice(cut + 1)}</span>
        </>
      )}
    </Text>
  );
}

/**
 * "+3", and under it "since 14:00": the change since 24 hours ago, or since every hospital
 * now counted had reported. When every row counts from the same moment, the heading says it
 * once ("Change since yesterday 09:15") and each row its number alone.
 */
function Change({ change: c, timeZone, now, sinceInHeading, wall }: { change: Bed['change']; timeZone: string; now: number; sinceInHeading: boolean; wall: boolean }) {
  if (!c) return <>—</>;
  return (
    <>
      <span style={{ whiteSpace: 'nowrap' }}>{c.delta === 0 ? 'no change' : `${c.delta > 0 ? '+' : '−'}${Math.abs(c.delta)}`}</span>
      {!sinceInHeading && <Since at={c.since} timeZone={timeZone} now={now} testId="bed-row-since" wall={wall} />}
    </>
  );
}

/** The moment every row's change counts from, when they share one. */
function commonSince(beds: readonly Bed[]): number | null {
  const since = new Set(beds.flatMap((b) => (b.change ? [b.change.since] : [])));
  return since.size === 1 ? [...since][0]! : null;
}

/** Region totals of available beds by HAvBED type, beside their baseline and their change, with the trend. `now`: the screen's clock, so "yesterday" becomes a date at midnight without a report. */
export function BedsPanel({ board, trend, timeZone, wall, now }: { board: Board; trend: Series | undefined; timeZone: string; wall: boolean; now: number }) {
  const size = wall ? 'xl' : 'md';
  const common = commonSince(board.beds);
  // The types some hospital has reported, 0 available included (no ICU bed left is news).
  const charted = (trend ?? []).filter((s) => s.points.some((p) => p.reporting > 0));
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
                {common !== null && <Since at={common} timeZone={timeZone} now={now} testId="bed-change-since" wall={wall} />}
              </Table.Th>
              {!wall && <Table.Th ta="right">Hospitals</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {board.beds.map((b) => (
              <Table.Tr key={b.typeId} data-testid="bed-row" data-type={b.label}>
                {/* "Negative-pressure" is one word: it may move to the next line whole, never split at its hyphen. */}
                <Table.Td fw={600}>{keepHyphens(b.label)}</Table.Td>
                <Table.Td ta="right" fw={800} fz={wall ? 32 : 'lg'} data-testid="bed-available">
                  {b.available.toLocaleString('en-US')}
                </Table.Td>
                <Table.Td ta="right">{b.baseline === null ? '—' : `of ${b.baseline.toLocaleString('en-US')}`}</Table.Td>
                <Table.Td c={b.change && b.change.delta < 0 ? 'orange' : undefined} data-testid="bed-change">
                  <Change change={b.change} timeZone={timeZone} now={now} sinceInHeading={common !== null} wall={wall} />
                </Table.Td>
                {!wall && <Table.Td ta="right">{b.reporting}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {/* With no type reported, no empty frame of a chart. */}
      {charted.some((s) => s.points.length > 1) && <TrendChart series={charted} timeZone={timeZone} height={wall ? 210 : 200} big={wall} />}
    </Paper>
  );
}
