import { Stack, Table, Text } from '@mantine/core';
import type { Agreement } from '../../../../shared/contract';
import { StatusBadge } from '../../components/StatusBadge';
import { call } from '../../backend';
import { DemoTag } from '../demo/DemoTag';
import { EditRemoveButtons } from '../../components/confirm-remove';
import { STANDING_TONE } from './labels';

/** MOUs and mutual-aid agreements, each with its standing in words ("EXPIRES in 12 days"). */
export function AgreementsTable({ agreements, onEdit }: { agreements: Agreement[]; onEdit?: (a: Agreement) => void }) {
  if (agreements.length === 0) return <Text c="dimmed">No agreements recorded.</Text>;
  return (
    <Table striped data-testid="agreements-table" verticalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Agreement</Table.Th>
          <Table.Th w={190}>Standing</Table.Th>
          <Table.Th>Parties</Table.Th>
          <Table.Th>Resources covered</Table.Th>
          <Table.Th>In effect</Table.Th>
          <Table.Th>Document</Table.Th>
          {onEdit && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {agreements.map((a) => (
          <Table.Tr key={a.id} data-testid="agreement-row" data-standing={a.standing}>
            <Table.Td>
              <Stack gap={2}>
                <Text fw={600}>
                  {a.title} <DemoTag demo={a.demo} />
                </Text>
                <Text size="xs" c="dimmed">
                  {a.kindLabel} · {a.scope}
                </Text>
              </Stack>
            </Table.Td>
            <Table.Td>
              <StatusBadge tone={STANDING_TONE[a.standing]}>{a.standingLabel}</StatusBadge>
            </Table.Td>
            <Table.Td>{a.parties.map((p) => p.name).join(', ')}</Table.Td>
            <Table.Td>{a.resourcesCovered.join(', ') || '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {a.effectiveOn} to {a.expiresOn ?? 'no expiry'}
            </Table.Td>
            <Table.Td>{a.documentRef ?? '—'}</Table.Td>
            {onEdit && (
              <Table.Td>
                <EditRemoveButtons name={a.title} consequence='The agreement leaves the registry; fills already sourced under it keep its name.' onEdit={() => onEdit(a)} remove={() => call('directory.removeAgreement', { id: a.id })} />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
