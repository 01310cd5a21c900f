import { Table, Text } from '@mantine/core';
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

/** Quantities per kind and unit, like with like: the only place units are added. */
export function ByKindTable({ data }: { data: Charts['byKind'] }) {
  if (!data.length) return <Text c="dimmed">No approved request yet.</Text>;
  return (
    <Table data-testid="by-kind-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Kind</Table.Th>
          <Table.Th ta="right">Requested</Table.Th>
          <Table.Th ta="right">Sourced</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.map((k) => (
          <Table.Tr key={`${k.kind}|${k.unit ?? ''}`}>
            <Table.Td fw={600}>{k.kind}</Table.Td>
            <Table.Td ta="right">{`${k.requested.toLocaleString('en-US')} ${k.unit ?? ''}`}</Table.Td>
            <Table.Td ta="right">{`${k.filled.toLocaleString('en-US')} ${k.unit ?? ''}`}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Lines' worth and share filled by each source, as the chart shows them. */
export function FillRateTable({ data }: { data: Charts['fillRateBySource'] }) {
  return (
    <Table mt="sm" data-testid="fill-rate-table">
      <Table.Tbody>
        {data.map((s) => (
          <Table.Tr key={s.source} data-source={s.source}>
            <Table.Td fw={600}>{s.label}</Table.Td>
            <Table.Td ta="right">{`${s.lines.toLocaleString('en-US', { maximumFractionDigits: 1 })} lines`}</Table.Td>
            <Table.Td ta="right">{`${Math.round(s.share * 100)}%`}</Table.Td>
            <Table.Td>{`${s.fills} fills`}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
