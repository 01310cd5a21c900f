import { ActionIcon, Button, Group, Menu, Stack, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import type { InventoryItem } from '../../../../shared/contract';
import { StatusBadge } from '../../components/StatusBadge';
import { distinctNames } from '../../lib/distinct-names';
import { formatAge, formatDateTime } from '../../lib/format';
import { call } from '../../backend';
import { DemoTag } from '../demo/DemoTag';
import { confirmRemove } from '../../components/confirm-remove';
import { openCountForm } from './CountForm';
import { openInventoryForm } from './InventoryForm';
import { openItemDetail } from './ItemDetail';
import { classLabel, STATUS_TONE } from './labels';

const n = (x: number) => x.toLocaleString('en-US');

export function InventoryTable({ items, timeZone }: { items: InventoryItem[]; timeZone: string }) {
  if (items.length === 0)
    return (
      <Text p="md" c="dimmed">
        No holding matches these filters.
      </Text>
    );
  // Two holdings of one name (N95 in two caches) are told apart by location, then owner.
  const said = distinctNames(items, (i) => i.name, [(i) => i.location, (i) => i.ownerName]);
  return (
    <Table striped highlightOnHover stickyHeader verticalSpacing="xs" data-testid="inventory-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Holding</Table.Th>
          <Table.Th>Kind and type</Table.Th>
          <Table.Th>Available</Table.Th>
          <Table.Th>Location and owner</Table.Th>
          <Table.Th>Status and last count</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((i) => {
          const name = said.get(i.id)!;
          return (
            <Table.Tr key={i.id} data-testid="inventory-row" data-kind={i.kind} data-name={i.name}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <UnstyledButton
                    fw={600}
                    td="underline"
                    onClick={() => openItemDetail(i.id, timeZone)}
                    aria-label={name === i.name ? undefined : name}
                  >
                    {i.name}
                  </UnstyledButton>
                  <DemoTag demo={i.demo} />
                </Group>
                <Text size="xs" c="dimmed">
                  {i.category} · {classLabel(i.resourceClass)}
                </Text>
              </Table.Td>
              <Table.Td>
                {i.kind}
                {i.type ? ` · Type ${i.type}` : ''}
              </Table.Td>
              {/* What can go out, large, with its unit; what is promised and what is on the shelf
                under it (four columns before: at 1280 the Count button ran out of the card). */}
              <Table.Td>
                <Text span fw={700} size="lg" data-testid="qty-available">
                  {n(i.availableQuantity)}
                </Text>{' '}
                <Text span size="sm">
                  {i.unit}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  <span data-testid="qty-allocated">{n(i.allocatedQuantity)}</span> allocated · {n(i.heldQuantity)} held
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{i.location}</Text>
                  <Text size="xs" c="dimmed">
                    {i.ownerName}
                  </Text>
                </Stack>
              </Table.Td>
              {/* One column for both: at 1280 a tenth column pushed the Count button out of the card. */}
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <StatusBadge tone={STATUS_TONE[i.status]}>{i.statusLabel}</StatusBadge>
                  {i.lastCountedAt === null ? (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      Never counted
                    </Text>
                  ) : (
                    <Tooltip label={formatDateTime(i.lastCountedAt, timeZone)}>
                      <Text size="xs" style={{ whiteSpace: 'nowrap' }} data-testid="last-counted">
                        Counted {formatAge(i.lastCountedAt)}
                      </Text>
                    </Tooltip>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => openCountForm(i, timeZone)}
                    aria-label={`Count ${name}`}
                  >
                    Count
                  </Button>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="subtle" aria-label={`More for ${name}`}>
                        <IconDots size={18} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => openInventoryForm(i, timeZone)}>Edit</Menu.Item>
                      <Menu.Item
                        color="red"
                        onClick={() =>
                          confirmRemove(
                            i.name,
                            'The holding leaves the inventory. Refused while any of it is allocated to a request.',
                            () => call('inventory.remove', { id: i.id }),
                          )
                        }
                      >
                        Remove
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
