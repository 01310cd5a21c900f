import { Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconEdit, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { call } from '../../backend';
import { confirmRemove } from '../../components/confirm-remove';
import type { Organisation } from '../../../../shared/contract';
import { MEMBERSHIP_LABELS } from '../../../../shared/domain/disciplines';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useMethod } from '../../lib/query';
import { DemoTag } from '../demo/DemoTag';
import { AgreementsTable } from './AgreementsTable';
import { openContactForm } from './ContactForm';
import { ContactsTable } from './ContactsTable';
import { openOrganisationForm } from './OrganisationForm';
import { ShowOnMapButton } from '../map/ShowOnMapButton';

const LOCATION_WORDS: Record<Organisation['locationSource'], string> = {
  entered: 'as entered',
  zip: 'from the ZIP code (approximate)',
  town: 'from the town centre (approximate)',
  none: 'not found',
};

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" tt="uppercase" fw={600} c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </Stack>
  );
}

export function OrganisationDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const q = useMethod('directory.get', { id });
  if (q.error) return <ErrorPanel title="This organisation could not be read" error={q.error} />;
  if (!q.data) return <Loader />;
  const { organisation: o, contacts, agreements } = q.data;
  const where = [o.address, o.town, [o.state, o.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <Stack gap="md" data-testid="organisation-detail">
      <Group justify="space-between">
        <Group gap="sm">
          <Button variant="subtle" leftSection={<IconArrowLeft size={18} />} onClick={onBack}>
            Directory
          </Button>
          <Title order={1}>{o.name}</Title>
          <DemoTag demo={o.demo} />
        </Group>
        <Group gap="sm">
          {o.latitude !== null && <ShowOnMapButton layer="organisations" id={o.id} />}
          <Button variant="light" leftSection={<IconEdit size={18} />} onClick={() => openOrganisationForm(o)}>
            Edit
          </Button>
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={18} />}
            onClick={() =>
              confirmRemove(
                o.name,
                'It leaves the directory; records that name it keep it. Refused while it has open requests or holds stock allocated to one.',
                () => call('directory.removeOrganisation', { id: o.id }),
                onBack,
              )
            }
          >
            Remove
          </Button>
          <Button leftSection={<IconUserPlus size={18} />} onClick={() => openContactForm(o.id, null)}>
            Add contact
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={4}>
          <Fact label="Discipline">{o.disciplineLabel}</Fact>
          <Fact label="Member type">{MEMBERSHIP_LABELS[o.membership]}</Fact>
          <Fact label="Region">{o.region ?? '—'}</Fact>
          <Fact label="Address">{where}</Fact>
          <Fact label="Location">
            {o.latitude !== null && o.longitude !== null ? `${o.latitude.toFixed(4)}, ${o.longitude.toFixed(4)} ` : ''}(
            {LOCATION_WORDS[o.locationSource]})
          </Fact>
          {o.notes && <Fact label="Notes">{o.notes}</Fact>}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          Contacts
        </Title>
        <ContactsTable contacts={contacts} organisationId={o.id} />
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          Agreements
        </Title>
        <AgreementsTable agreements={agreements} />
      </Paper>
    </Stack>
  );
}
