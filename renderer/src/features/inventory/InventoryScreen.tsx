import { Button, Group, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { Select } from '../../components/Select';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { InventoryStatus } from '../../../../shared/contract';
import type { ResourceCategory } from '../../../../shared/domain/nims';
import { useShell } from '../../lib/shell-context';
import { ErrorPanel } from '../../components/ErrorPanel';
import { openInventoryForm } from './InventoryForm';
import { InventoryTable } from './InventoryTable';
import { categoryOptions, statusOptions } from './labels';
import { type InventoryFilters, useInventory } from './use-inventory';

/** What the coalition and its members hold: available and allocated, where, whose, when counted. */
export function InventoryScreen() {
  const { coalition } = useShell();
  const [f, setF] = useState<InventoryFilters>({
    search: '',
    category: null,
    kind: null,
    type: null,
    status: null,
    availableOnly: false,
  });
  const { items, total, error, kindOptions, typeOptions } = useInventory(f);
  return (
    <Stack gap="md" data-testid="inventory-screen">
      <Group justify="space-between">
        <Title order={1}>Inventory</Title>
        <Button leftSection={<IconPlus size={18} />} onClick={() => openInventoryForm(null, coalition.timeZone)}>
          Add holding
        </Button>
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Search"
          placeholder="Name, place or owner"
          leftSection={<IconSearch size={16} />}
          value={f.search}
          onChange={(e) => setF({ ...f, search: e.currentTarget.value })}
          w={200}
        />
        <Select
          label="Category"
          placeholder="All categories"
          data={categoryOptions}
          clearable
          value={f.category}
          onChange={(v) => setF({ ...f, category: v as ResourceCategory | null })}
          w={220}
        />
        <Select
          label="Kind"
          placeholder="All kinds"
          data={kindOptions}
          searchable
          clearable
          value={f.kind}
          onChange={(v) => setF({ ...f, kind: v })}
          w={220}
        />
        <Select
          label="Type"
          placeholder="Any type"
          data={typeOptions}
          clearable
          value={f.type}
          onChange={(v) => setF({ ...f, type: v })}
          w={120}
        />
        <Select
          label="Status"
          placeholder="Any status"
          data={statusOptions}
          clearable
          value={f.status}
          onChange={(v) => setF({ ...f, status: v as InventoryStatus | null })}
          w={190}
        />
        <Switch
          label="Only with stock available"
          checked={f.availableOnly}
          onChange={(e) => setF({ ...f, availableOnly: e.currentTarget.checked })}
          pb={8}
        />
      </Group>
      {error && <ErrorPanel title="Inventory could not be read" error={error} />}
      <Text size="sm" c="dimmed">
        {items ? `${items.length} of ${total} holdings` : 'Loading…'}
      </Text>
      <Paper withBorder>
        <InventoryTable items={items ?? []} timeZone={coalition.timeZone} />
      </Paper>
    </Stack>
  );
}
