import { Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { Select } from '../../components/Select';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useDeferredValue, useState } from 'react';
import { SERVICE_TYPE_LABELS, SERVICE_TYPES, type ServiceType } from '../../../../shared/domain/service';
import { call } from '../../backend';
import { EditRemoveButtons } from '../../components/confirm-remove';
import { ErrorPanel } from '../../components/ErrorPanel';
import { RecordTable } from '../../components/RecordTable';
import { useMethod } from '../../lib/query';
import { DemoTag } from '../demo/DemoTag';
import { openServiceForm } from './ServiceForm';

const LOCATION_WORDS = { entered: 'typed in', zip: 'from ZIP', town: 'from town', none: 'not placed' } as const;

/** Shelters, warming and cooling centers, human services, pharmacies and transport beyond the members. */
export function ServicesPanel() {
  const [type, setType] = useState<ServiceType | null>(null);
  const [search, setSearch] = useState('');
  const q = useMethod('service.list', {
    type: type ?? undefined,
    search: useDeferredValue(search.trim()) || undefined,
  });
  const services = q.data?.services ?? [];
  return (
    <Stack gap="sm" data-testid="services-panel">
      <Group align="flex-end">
        <Select
          label="Type"
          placeholder="All services"
          searchable
          clearable
          w={240}
          data={SERVICE_TYPES.map((t) => ({ value: t, label: SERVICE_TYPE_LABELS[t] }))}
          value={type}
          onChange={(v) => setType(v as ServiceType | null)}
        />
        <TextInput
          label="Search"
          placeholder="Name, town, language…"
          leftSection={<IconSearch size={18} />}
          w={300}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <Button ml="auto" leftSection={<IconPlus size={18} />} onClick={() => openServiceForm(null)}>
          Add a service
        </Button>
      </Group>
      {q.error && <ErrorPanel title="The services could not be read" error={q.error} />}
      <Paper withBorder p="xs">
        <RecordTable
          rows={services}
          columns={['Service', 'Hours and capacity', 'Accessibility and languages', 'Where']}
          empty={`No services${type || search ? ' match' : ' yet'}.`}
          testId="services-table"
        >
          {(s) => (
            <Table.Tr key={s.id} data-testid="service-row">
              <Table.Td>
                <Text fw={700}>
                  {s.name} <DemoTag demo={s.demo} />
                </Text>
                <Text size="xs" c="dimmed">
                  {s.typeLabel}
                </Text>
                {s.phone && (
                  <Text ff="monospace" fw={700} style={{ whiteSpace: 'nowrap' }}>
                    {s.phone}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{s.hours ?? 'Hours not given'}</Text>
                <Text size="xs" c="dimmed">
                  {s.capacity !== null ? `Capacity ${s.capacity}` : 'No capacity figure'}
                </Text>
              </Table.Td>
              <Table.Td maw={320}>
                <Text size="sm">{s.accessibility ?? 'Accessibility not recorded'}</Text>
                <Text size="xs" c="dimmed">
                  {s.languages.join(', ') || 'Languages not recorded'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{[s.address, s.town, s.state].filter(Boolean).join(', ')}</Text>
                <Text size="xs" c="dimmed">
                  {s.latitude !== null
                    ? `${s.latitude.toFixed(3)}, ${s.longitude!.toFixed(3)} (${LOCATION_WORDS[s.locationSource]})`
                    : 'Not on the map: no ZIP or known town'}
                </Text>
              </Table.Td>
              <Table.Td>
                <EditRemoveButtons
                  name={s.name}
                  consequence="The service leaves the directory and the map."
                  onEdit={() => openServiceForm(s)}
                  remove={() => call('service.remove', { id: s.id })}
                />
              </Table.Td>
            </Table.Tr>
          )}
        </RecordTable>
      </Paper>
    </Stack>
  );
}
