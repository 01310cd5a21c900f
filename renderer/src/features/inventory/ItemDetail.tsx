import { Group, Loader, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatDateTime } from '../../lib/format';
import { useMethod } from '../../lib/query';
import { closeModal, openModal } from '../../lib/open-modal';
import { ShowOnMapButton } from '../map/ShowOnMapButton';

const MOVEMENT_WORDS = { allocate: 'Allocated', return: 'Returned', consume: 'Used up' } as const;

/** A holding's stock and every movement to and from requests. */
function ItemDetail({ id, timeZone, close }: { id: string; timeZone: string; close: () => void }) {
  const q = useMethod('inventory.get', { id });
  if (q.error) return <ErrorPanel title="This holding could not be read" error={q.error} />;
  if (!q.data) return <Loader />;
  const { item, movements } = q.data;
  return (
    <Stack gap="md" data-testid="item-detail">
      <Group justify="flex-end">
        <ShowOnMapButton layer="caches" id={item.id} onGo={() => close()} />
      </Group>
      <SimpleGrid cols={3}>
        <Text>
          <b>{item.availableQuantity.toLocaleString('en-US')}</b> {item.unit} available
        </Text>
        <Text>
          <b>{item.allocatedQuantity.toLocaleString('en-US')}</b> allocated
        </Text>
        <Text>
          <b>{item.heldQuantity.toLocaleString('en-US')}</b> held
        </Text>
      </SimpleGrid>
      {movements.length === 0 ? (
        <Text c="dimmed">No movements yet.</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Movement</Table.Th>
              <Table.Th ta="right">Quantity</Table.Th>
              <Table.Th>Request</Table.Th>
              <Table.Th>By</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {movements.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{formatDateTime(m.occurredAt, timeZone)}</Table.Td>
                <Table.Td>{MOVEMENT_WORDS[m.movement]}</Table.Td>
                <Table.Td ta="right">{m.quantity.toLocaleString('en-US')}</Table.Td>
                <Table.Td>
                  {m.requestNumber} line {m.lineNo}
                </Table.Td>
                <Table.Td>{m.operatorName ? `${m.operatorName} · ${m.positionTitle ?? ''}` : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function openItemDetail(id: string, timeZone: string) {
  openModal({ title: 'Holding and movements', size: 'xl' }, (modalId) => <ItemDetail id={id} timeZone={timeZone} close={() => closeModal(modalId)} />);
}
