import { Button, Group, Paper, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { InventoryStatus } from '../../../../shared/contract';
import type { ResourceCategory } from '../../../../shared/domain/nims';
import { useShell } from '../../app/shell-context';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useMethod } from '../../lib/query';
import { openInventoryForm } from './InventoryForm';
import { InventoryTable } from './InventoryTable';
import { categoryOptions, statusOptions } from './labels';

interface Filters {
  search: string;
  category: ResourceCategory | null;
  kind: string | null;
  status: InventoryStatus | null;
  availableOnly: boolean;
}

/** What the coalition and its members hold: available and allocated, where, whose, when counted. */
export function InventoryScreen() {
  const { coalition } = useShell();
  const [f, setF] = useState<Filters>({ search: '', category: null, kind: null, status: null, availableOnly: false });
  const kinds = useMethod('inventory.kinds', {});
  const list = useMethod('inventory.list', {
    search: f.search.trim() || null,
    category: f.category ?? undefined,
    kind: f.kind,
    status: f.status ?? undefined,
    availableOnly: f.availableOnly,
    limit: 1000,
  });
  const kindOptions = (kinds.data?.kinds ?? []).filter((k) => k.heldQuantity > 0 || k.inCatalog).map((k) => k.kind);
  return (
    <Stack gap="md" data-testid="inventory-screen">
      <Group justify="space-between">
        <Title order={1}>Inventory</Title>
        <Button leftSection={<IconPlus size={18} />} onClick={() => openInventoryForm(null, coalition.timeZone)}>
          Add holding
        </Button>
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput label="Search" placeholder="Name, location or owner" leftSection={<IconSearch size={16} />} value={f.search} onChange={(e) => setF({ ...f, search: e.currentTarget.value })} w={240} />
        <Select label="Category" placeholder="All categories" data={categoryOptions} clearable value={f.category} onChange={(v) => setF({ ...f, category: v as ResourceCategory | null })} w={250} />
        <Select label="Kind" placeholder="All kinds" data={[...new Set(kindOptions)]} searchable clearable value={f.kind} onChange={(v) => setF({ ...f, kind: v })} w={250} />
        <Select label="Status" placeholder="Any status" data={statusOptions} clearable value={f.status} onChange={(v) => setF({ ...f, status: v as InventoryStatus | null })} w={220} />
        <Switch label="Only with stock available" checked={f.availableOnly} onChange={(e) => setF({ ...f, availableOnly: e.currentTarget.checked })} pb={8} />
      </Group>
      {list.error && <ErrorPanel title="Inventory could not be read" error={list.error} />}
      <Text size="sm" c="dimmed">
        {list.data ? `${list.data.items.length} of ${list.data.total} holdings` : 'Loading…'}
      </Text>
      <Paper withBorder>
        <InventoryTable items={list.data?.items ?? []} timeZone={coalition.timeZone} />
      </Paper>
    </Stack>
  );
}
