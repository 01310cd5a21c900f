import { Table } from '@mantine/core';
import type { MethodOutput } from '../../../../../shared/contract';
import { formatDuration } from '../../../../../shared/domain/request-aging';

type Charts = MethodOutput<'request.charts'>;
const dur = (ms: number | null) => (ms === null ? '—' : formatDuration(ms));

/** The time-to-fill chart's numbers in words, for reading at a distance and for screen readers. */
export function TimeToFillTable({ data }: { data: Charts['timeToFill'] }) {
  return (
    <Table mt="sm" data-testid="time-to-fill-table">
      <Table.Tbody>
        {data.map((t) => (
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
  );
}

/** Units and share filled by each source, as the chart shows them. */
export function FillRateTable({ data }: { data: Charts['fillRateBySource'] }) {
  return (
    <Table mt="sm" data-testid="fill-rate-table">
      <Table.Tbody>
        {data.map((s) => (
          <Table.Tr key={s.source} data-source={s.source}>
            <Table.Td fw={600}>{s.label}</Table.Td>
            <Table.Td ta="right">{`${s.quantity.toLocaleString('en-US')} units`}</Table.Td>
            <Table.Td ta="right">{`${Math.round(s.share * 100)}%`}</Table.Td>
            <Table.Td>{`${s.fills} fills`}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
