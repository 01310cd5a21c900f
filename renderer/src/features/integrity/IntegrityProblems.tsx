import { Table } from '@mantine/core';
import type { MethodOutput } from '../../../../shared/contract';
import { describeTable } from './describe-table';

type Problem = MethodOutput<'integrity.verify'>['problems'][number];

/** The records whose chain link fails, each named so it can be found and explained. */
export function IntegrityProblems({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <Table striped data-testid="integrity-problems">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Kind of record</Table.Th>
          <Table.Th>Record id</Table.Th>
          <Table.Th>Workstation · link</Table.Th>
          <Table.Th>Problem</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {problems.map((p, i) => (
          <Table.Tr key={i}>
            <Table.Td>{describeTable(p.table)}</Table.Td>
            <Table.Td ff="monospace">{p.rowId ?? '—'}</Table.Td>
            <Table.Td ff="monospace">
              {p.workstationId?.slice(0, 8) ?? '—'} · {p.range ? `${p.range.from}–${p.range.to}` : (p.seq ?? '—')}
            </Table.Td>
            <Table.Td>{p.problem}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
