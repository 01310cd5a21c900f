import { NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { Select } from '../../components/Select';
import { useForm } from '@mantine/form';
import type { Organisation } from '../../../../shared/contract';
import { DEFAULT_MEMBERSHIP, type Discipline, type Membership } from '../../../../shared/domain/disciplines';
import { fieldErrors } from '../../lib/form-errors';
import { useSingleCommand } from '../../lib/query';
import { disciplineOptions, membershipOptions } from './labels';
import { ModalFormFooter } from '../../components/ModalFormFooter';
import { closeModal, openModal } from '../../lib/open-modal';
import { call } from '../../backend';

const blank = (s: string) => (s.trim() ? s.trim() : null);

/** Add or edit a member organisation; the location is found offline from the ZIP or town when left empty. */
function OrganisationForm({ org, onSaved }: { org: Organisation | null; onSaved: (id: string) => void }) {
  const save = useSingleCommand('directory.saveOrganisation');
  const form = useForm({
    initialValues: {
      name: org?.name ?? '',
      shortName: org?.shortName ?? '',
      discipline: (org?.discipline ?? '') as Discipline | '',
      membership: (org?.membership ?? '') as Membership | '',
      region: org?.region ?? '',
      address: org?.address ?? '',
      town: org?.town ?? '',
      state: org?.state ?? 'MA',
      zip: org?.zip ?? '',
      latitude: org?.locationSource === 'entered' ? (org.latitude ?? '') : ('' as number | string),
      longitude: org?.locationSource === 'entered' ? (org.longitude ?? '') : ('' as number | string),
      notes: org?.notes ?? '',
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Organisation name is required'),
      discipline: (v) => (v ? null : 'Choose a discipline'),
      membership: (v) => (v ? null : 'Choose core member or supporting partner'),
      town: (v) => (v.trim() ? null : 'Town is required'),
    },
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        ...(org ? { id: org.id } : {}),
        name: v.name,
        shortName: blank(v.shortName),
        discipline: v.discipline as Discipline,
        membership: v.membership as Membership,
        region: blank(v.region),
        address: blank(v.address),
        town: v.town,
        state: blank(v.state),
        zip: blank(v.zip),
        latitude: typeof v.latitude === 'number' ? v.latitude : null,
        longitude: typeof v.longitude === 'number' ? v.longitude : null,
        notes: blank(v.notes),
      },
      { onSuccess: (r) => onSaved(r.organisation.id), onError: (e) => form.setErrors(fieldErrors(e)) },
    ),
  );
  const general = save.error && !Object.keys(fieldErrors(save.error)).length ? save.error : null;
  return (
    <form onSubmit={submit} noValidate data-testid="organisation-form">
      <Stack gap="sm">
        <TextInput label="Organisation name" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={2}>
          <Select
            label="Discipline"
            data={disciplineOptions}
            withAsterisk
            searchable
            {...form.getInputProps('discipline')}
            onChange={(d) => {
              form.setFieldValue('discipline', (d ?? '') as Discipline | '');
              if (d && !form.values.membership) form.setFieldValue('membership', DEFAULT_MEMBERSHIP[d as Discipline]);
            }}
          />
          <Select label="Member type" data={membershipOptions} withAsterisk searchable {...form.getInputProps('membership')} />
          <TextInput label="Short name" {...form.getInputProps('shortName')} />
          <TextInput label="Region" {...form.getInputProps('region')} />
        </SimpleGrid>
        <TextInput label="Street address" {...form.getInputProps('address')} />
        <SimpleGrid cols={3}>
          <TextInput label="Town" withAsterisk {...form.getInputProps('town')} />
          <TextInput label="State" maxLength={2} {...form.getInputProps('state')} />
          <TextInput
            label="ZIP code"
            {...form.getInputProps('zip')}
            onChange={(e) => {
              const zip = e.currentTarget.value;
              form.setFieldValue('zip', zip);
              // A full ZIP code fills the town and state when they are still empty.
              if (/^\d{5}$/.test(zip.trim()) && !form.getValues().town.trim()) {
                void call('directory.geocode', { zip: zip.trim() }).then(({ zipPlace }) => {
                  if (zipPlace && !form.getValues().town.trim()) form.setValues({ town: zipPlace.town, state: zipPlace.state });
                });
              }
            }}
          />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <NumberInput
            label="Latitude"
            description="Leave empty: found from the ZIP or town"
            decimalScale={6}
            {...form.getInputProps('latitude')}
          />
          <NumberInput
            label="Longitude"
            description="Leave empty: found from the ZIP or town"
            decimalScale={6}
            {...form.getInputProps('longitude')}
          />
        </SimpleGrid>
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
        <ModalFormFooter
          error={general}
          submitLabel={org ? 'Save changes' : 'Add organisation'}
          pending={save.isPending}
        />
      </Stack>
    </form>
  );
}

export function openOrganisationForm(org: Organisation | null, onSaved?: (id: string) => void) {
  openModal(
    {
      title: org ? `Edit ${org.name}` : 'Add an organisation',
      size: 'xl',
    },
    (id) => (
      <OrganisationForm
        org={org}
        onSaved={(savedId) => {
          closeModal(id);
          onSaved?.(savedId);
        }}
      />
    ),
  );
}
