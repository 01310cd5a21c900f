import { NumberInput, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { Select } from '../../components/Select';
import { useForm } from '@mantine/form';
import type { Service } from '../../../../shared/contract';
import { phoneProblem } from '../../../../shared/domain/phone';
import { SERVICE_TYPE_LABELS, SERVICE_TYPES, type ServiceType } from '../../../../shared/domain/service';
import { ModalFormFooter } from '../../components/ModalFormFooter';
import { fieldErrors } from '../../lib/form-errors';
import { closeModal, openModal } from '../../lib/open-modal';
import { useSingleCommand } from '../../lib/query';

const blank = (s: string) => (s.trim() ? s.trim() : null);

function ServiceForm({ service, onSaved }: { service: Service | null; onSaved: () => void }) {
  const save = useSingleCommand('service.save');
  const form = useForm({
    initialValues: {
      name: service?.name ?? '',
      type: (service?.type ?? 'shelter') as ServiceType,
      hours: service?.hours ?? '',
      capacity: (service?.capacity ?? '') as number | string,
      accessibility: service?.accessibility ?? '',
      languages: service?.languages ?? ['English'],
      phone: service?.phone ?? '',
      address: service?.address ?? '',
      town: service?.town ?? '',
      zip: service?.zip ?? '',
      notes: service?.notes ?? '',
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Name is required'),
      town: (v) => (v.trim() ? null : 'Town is required'),
      phone: (v) => phoneProblem('Phone', v),
    },
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        ...(service ? { id: service.id } : {}),
        name: v.name,
        type: v.type,
        hours: blank(v.hours),
        capacity: v.capacity === '' ? null : Number(v.capacity),
        accessibility: blank(v.accessibility),
        languages: v.languages,
        phone: blank(v.phone),
        address: blank(v.address),
        town: v.town,
        zip: blank(v.zip),
        notes: blank(v.notes),
      },
      { onSuccess: onSaved, onError: (e) => form.setErrors(fieldErrors(e)) },
    ),
  );
  const general = save.error && !Object.keys(fieldErrors(save.error)).length ? save.error : null;
  return (
    <form onSubmit={submit} noValidate data-testid="service-form">
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
          <Select label="Type" searchable data={SERVICE_TYPES.map((t) => ({ value: t, label: SERVICE_TYPE_LABELS[t] }))} allowDeselect={false} {...form.getInputProps('type')} />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <TextInput label="Hours" placeholder="e.g. 24/7, or Mon-Fri 08:00-17:00" {...form.getInputProps('hours')} />
          <NumberInput label="Capacity" description="People; empty if it does not apply" min={0} allowDecimal={false} {...form.getInputProps('capacity')} />
          <TextInput label="Phone" {...form.getInputProps('phone')} />
        </SimpleGrid>
        <TextInput label="Accessibility" placeholder="e.g. step-free entrance, accessible showers, outlets on generator" {...form.getInputProps('accessibility')} />
        <TagsInput label="Languages" description="Enter after each" {...form.getInputProps('languages')} />
        <SimpleGrid cols={3}>
          <TextInput label="Street address" {...form.getInputProps('address')} />
          <TextInput label="Town" withAsterisk {...form.getInputProps('town')} />
          <TextInput label="ZIP code" description="Places it on the map, offline" {...form.getInputProps('zip')} />
        </SimpleGrid>
        <Textarea label="Notes" autosize minRows={1} {...form.getInputProps('notes')} />
        <ModalFormFooter error={general} submitLabel={service ? 'Save service' : 'Add service'} pending={save.isPending} />
      </Stack>
    </form>
  );
}

export function openServiceForm(service: Service | null) {
  openModal({ title: service ? `Edit ${service.name}` : 'Add a service', size: 'xl' }, (id) => <ServiceForm service={service} onSaved={() => closeModal(id)} />);
}
