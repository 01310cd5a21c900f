import { Autocomplete, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { Select } from '../../components/Select';
import { useForm } from '@mantine/form';
import type { InventoryItem, InventoryStatus } from '../../../../shared/contract';
import { closeModal, openModal } from '../../lib/open-modal';
import {
  catalogKind,
  RESOURCE_CATALOG,
  type ResourceCategory,
  type ResourceClass,
  typeProblem,
} from '../../../../shared/domain/nims';
import { fieldErrors } from '../../lib/form-errors';
import { useSingleCommand } from '../../lib/query';
import { useOrganisationOptions } from '../directory/use-organisations';
import { TimeField } from '../../components/TimeField';
import { toWallText, wallTimeMs } from '../../../../shared/domain/wall-time';
import { categoryOptions, classOptions, statusOptions } from './labels';
import { ModalFormFooter } from '../../components/ModalFormFooter';

const blank = (s: string) => (s.trim() ? s.trim() : null);
const catalogKinds = RESOURCE_CATALOG.map((c) => c.kind);

function InventoryForm({
  item,
  timeZone,
  openedAt,
  onSaved,
}: {
  item: InventoryItem | null;
  timeZone: string;
  openedAt: number;
  onSaved: () => void;
}) {
  const save = useSingleCommand('inventory.save');
  const owners = useOrganisationOptions();
  const form = useForm({
    initialValues: {
      name: item?.name ?? '',
      kind: item?.kind ?? '',
      category: (item?.category ?? '') as ResourceCategory | '',
      resourceClass: (item?.resourceClass ?? '') as ResourceClass | '',
      type: item?.type ?? '',
      unit: item?.unit ?? '',
      location: item?.location ?? '',
      ownerOrganisationId: item?.ownerOrganisationId ?? '',
      status: (item?.status ?? 'available') as InventoryStatus,
      heldQuantity: item?.heldQuantity ?? (0 as number | string),
      lastCounted: toWallText(item?.lastCountedAt ?? openedAt, timeZone),
      notes: item?.notes ?? '',
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Name is required'),
      kind: (v) => (v.trim() ? null : 'Kind is required'),
      category: (v) => (v ? null : 'Choose a category'),
      resourceClass: (v) => (v ? null : 'Choose a class'),
      unit: (v) => (v.trim() ? null : 'Unit is required'),
      location: (v) => (v.trim() ? null : 'Location is required'),
      ownerOrganisationId: (v) => (v ? null : 'Choose the owner'),
      type: (v, all) => typeProblem(all.kind, v.trim() || null),
      lastCounted: (v) =>
        v.trim() && wallTimeMs(v, timeZone) === null
          ? 'Write the time as YYYY-MM-DD HH:MM (24-hour), or HH:MM for today'
          : null,
    },
  });
  // A catalog kind fills in its category, class and unit; the operator can still change them.
  const pickKind = (kind: string) => {
    form.setFieldValue('kind', kind);
    const c = catalogKind(kind);
    if (!c) return;
    form.setFieldValue('category', c.category);
    form.setFieldValue('resourceClass', c.resourceClass);
    if (!form.values.unit) form.setFieldValue('unit', c.unit);
  };
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        ...(item ? { id: item.id } : {}),
        name: v.name,
        kind: v.kind,
        category: v.category as ResourceCategory,
        resourceClass: v.resourceClass as ResourceClass,
        type: blank(v.type),
        unit: v.unit,
        location: v.location,
        ownerOrganisationId: v.ownerOrganisationId,
        status: v.status,
        heldQuantity: typeof v.heldQuantity === 'number' ? v.heldQuantity : -1,
        lastCountedAt: wallTimeMs(v.lastCounted, timeZone),
        notes: blank(v.notes),
      },
      { onSuccess: onSaved, onError: (e) => form.setErrors(fieldErrors(e)) },
    ),
  );
  const general = save.error && !Object.keys(fieldErrors(save.error)).length ? save.error : null;
  return (
    <form onSubmit={submit} noValidate data-testid="inventory-form">
      <Stack gap="sm">
        <TextInput
          label="Name"
          placeholder="e.g. Coalition cache N95 (3M 8210)"
          withAsterisk
          data-autofocus
          {...form.getInputProps('name')}
        />
        <SimpleGrid cols={2}>
          <Autocomplete
            label="Kind"
            data={catalogKinds}
            withAsterisk
            {...form.getInputProps('kind')}
            onChange={pickKind}
          />
          <TextInput label="Type" description="NIMS type 1-4, or a local designation" {...form.getInputProps('type')} />
          <Select label="Category" data={categoryOptions} withAsterisk {...form.getInputProps('category')} />
          <Select label="Class" data={classOptions} withAsterisk {...form.getInputProps('resourceClass')} />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <NumberInput
            label="Quantity held"
            min={0}
            allowDecimal={false}
            withAsterisk
            {...form.getInputProps('heldQuantity')}
          />
          <TextInput label="Unit" placeholder="each, box, case" withAsterisk {...form.getInputProps('unit')} />
          <Select label="Status" data={statusOptions} allowDeselect={false} {...form.getInputProps('status')} />
        </SimpleGrid>
        <Select label="Owner" data={owners} searchable withAsterisk {...form.getInputProps('ownerOrganisationId')} />
        <TextInput
          label="Location"
          placeholder="Warehouse, room, trailer bay"
          withAsterisk
          {...form.getInputProps('location')}
        />
        <TimeField label="Last counted" timeZone={timeZone} {...form.getInputProps('lastCounted')} />
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
        <ModalFormFooter error={general} submitLabel={item ? 'Save holding' : 'Add holding'} pending={save.isPending} />
      </Stack>
    </form>
  );
}

export function openInventoryForm(item: InventoryItem | null, timeZone: string) {
  openModal(
    {
      title: item ? `Edit ${item.name}` : 'Add a holding',
      size: 'xl',
    },
    (id) => <InventoryForm item={item} timeZone={timeZone} openedAt={Date.now()} onSaved={() => closeModal(id)} />,
  );
}
