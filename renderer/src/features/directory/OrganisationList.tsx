import { Button, Group, Paper, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { Select } from '../../components/Select';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { MEMBERSHIP_LABELS } from '../../../../shared/domain/disciplines';
import { ErrorPanel } from '../../components/ErrorPanel';
import { DemoTag } from '../demo/DemoTag';
import { disciplineOptions, membershipOptions } from './labels';
import { openOrganisationForm } from './OrganisationForm';
import { type OrganisationFilters, useOrganisations } from './use-organisations';

/** Members filtered by discipline, member type and town. */
export function OrganisationList({ onOpen }: { onOpen: (id: string) => void }) {
  const [f, setF] = useState<OrganisationFilters>({ search: '', discipline: null, membership: null, town: null });
  const { rows, towns, total, error, isLoading } = useOrganisations(f);
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Search"
          placeholder="Name, town or contact"
          leftSection={<IconSearch size={16} />}
          value={f.search}
          onChange={(e) => setF({ ...f, search: e.currentTarget.value })}
          w={260}
        />
        <Select
          label="Discipline"
          placeholder="All disciplines"
          data={disciplineOptions}
          searchable
          clearable
          value={f.discipline}
          onChange={(v) => setF({ ...f, discipline: v as OrganisationFilters['discipline'] })}
          w={230}
        />
        <Select
          label="Member type"
          placeholder="Core and supporting"
          data={membershipOptions}
          searchable
          clearable
          value={f.membership}
          onChange={(v) => setF({ ...f, membership: v as OrganisationFilters['membership'] })}
          w={200}
        />
        <Select
          label="Town"
          placeholder="All towns"
          data={towns}
          searchable
          clearable
          value={f.town}
          onChange={(v) => setF({ ...f, town: v })}
          w={200}
        />
        <Button ml="auto" leftSection={<IconPlus size={18} />} onClick={() => openOrganisationForm(null, onOpen)}>
          Add organisation
        </Button>
      </Group>
      {error && <ErrorPanel title="The directory could not be read" error={error} />}
      <Text size="sm" c="dimmed" data-testid="directory-count">
        {rows.length} shown of {total} organisations
      </Text>
      <Paper withBorder>
        <Table striped highlightOnHover stickyHeader data-testid="organisation-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Organisation</Table.Th>
              <Table.Th>Discipline</Table.Th>
              <Table.Th>Member type</Table.Th>
              <Table.Th>Town</Table.Th>
              <Table.Th ta="right">Contacts</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((o) => (
              <Table.Tr key={o.id} data-testid="organisation-row">
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <UnstyledButton onClick={() => onOpen(o.id)} fw={600} td="underline">
                      {o.name}
                    </UnstyledButton>
                    <DemoTag demo={o.demo} />
                  </Group>
                </Table.Td>
                <Table.Td>{o.disciplineLabel}</Table.Td>
                <Table.Td>{MEMBERSHIP_LABELS[o.membership]}</Table.Td>
                <Table.Td>{o.town}</Table.Td>
                <Table.Td ta="right">{o.contactCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {/* Not while the list loads or after a failed read: a full directory would say it is empty. */}
        {rows.length === 0 && !isLoading && !error && (
          <Text p="md" c="dimmed" data-testid="directory-empty">
            {f.search.trim() || f.discipline || f.membership || f.town
              ? 'No organisation matches these filters.'
              : 'No organisation in the directory yet: add one, or import a CSV of members under Import and export.'}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
