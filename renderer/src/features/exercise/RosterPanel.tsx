import { ActionIcon, Button, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Select } from '../../components/Select';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Exercise } from '../../../../shared/contract';
import { useCommand, useMethod, useSingleCommand } from '../../lib/query';

/** Who takes part, from the directory or by name, and who attended. */
export function RosterPanel({ exercise: x }: { exercise: Exercise }) {
  const orgs = useMethod('directory.list', { search: '', limit: 1000, offset: 0 });
  const add = useSingleCommand('exercise.saveParticipant');
  const remove = useCommand('exercise.removeParticipant');
  const attend = useCommand('exercise.setAttendance');
  const [orgId, setOrgId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const attended = x.participants.filter((p) => p.attended).length;
  const org = orgs.data?.organisations.find((o) => o.id === orgId);
  return (
    <Stack gap="xs" data-testid="exercise-roster">
      <Title order={3}>
        Participants ({x.participants.length}; attended {attended} of {x.participants.length})
      </Title>
      {x.participants.length > 0 && (
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Participant</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th w={300}>Attendance</Table.Th>
              <Table.Th w={50} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {x.participants.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{p.role}</Table.Td>
                <Table.Td>
                  <SegmentedControl
                    size="xs"
                    value={p.attended === null ? 'unknown' : p.attended ? 'yes' : 'no'}
                    onChange={(v) => attend.mutate({ id: p.id, attended: v === 'unknown' ? null : v === 'yes' })}
                    data={[
                      { value: 'unknown', label: 'Not taken' },
                      { value: 'yes', label: 'Attended' },
                      { value: 'no', label: 'Absent' },
                    ]}
                    aria-label={`Attendance of ${p.name}`}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove ${p.name}`} onClick={() => remove.mutate({ id: p.id })}>
                    <IconTrash size={18} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group align="flex-end">
        <Select
          label="Member organisation"
          placeholder="From the directory"
          searchable
          clearable
          w={320}
          data={(orgs.data?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }))}
          value={orgId}
          onChange={setOrgId}
        />
        <TextInput label="or a name" value={name} onChange={(e) => setName(e.currentTarget.value)} w={220} />
        <TextInput label="Role" value={role} onChange={(e) => setRole(e.currentTarget.value)} w={200} />
        <Button
          variant="default"
          disabled={!org && !name.trim()}
          loading={add.isPending}
          onClick={() =>
            add.mutate({ exerciseId: x.id, organisationId: org?.id ?? null, name: org?.name ?? name, role }, { onSuccess: () => (setOrgId(null), setName(''), setRole('')) })
          }
        >
          Add participant
        </Button>
      </Group>
      {(add.error ?? remove.error ?? attend.error) && <Text c="red">{(add.error ?? remove.error ?? attend.error)!.message}</Text>}
    </Stack>
  );
}
