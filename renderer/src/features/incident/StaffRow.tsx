import { ActionIcon, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Staffing } from '../../../../shared/contract';
import { fieldErrors } from '../../lib/form-errors';
import { useCommand, useSingleCommand } from '../../lib/query';

/** A position this period and who holds it; "To be filled" until someone does. */
export function StaffRow({ staffing: s, editable }: { staffing: Staffing; editable: boolean }) {
  const [editing, setEditing] = useState(false);
  const staff = useSingleCommand('incident.staff');
  const unstaff = useCommand('incident.unstaff');
  const form = useForm({ initialValues: { holderName: s.holderName ?? '', homeAgency: s.homeAgency ?? '', contact: s.contact ?? '' } });
  const submit = form.onSubmit((v) =>
    staff.mutate(
      { periodId: s.periodId, positionId: s.positionId, holderName: v.holderName.trim() || null, homeAgency: v.homeAgency, contact: v.contact },
      { onSuccess: () => setEditing(false), onError: (e) => form.setErrors(fieldErrors(e)) },
    ),
  );
  if (editing) {
    return (
      <Table.Tr data-testid="staff-row">
        <Table.Td>
          <Text fw={600}>{s.positionTitle}</Text>
          <Text size="xs" c="dimmed">
            {s.section}
          </Text>
        </Table.Td>
        <Table.Td colSpan={4}>
          <form onSubmit={submit}>
            {/* The fields give way, never the buttons: at 1600 px they were cut to "Sav" and "Canc". */}
            <Group gap="xs" wrap="nowrap">
              <TextInput flex={1} miw={0} aria-label={`Holder of ${s.positionTitle}`} placeholder="Name" autoFocus {...form.getInputProps('holderName')} />
              <TextInput flex={1} miw={0} aria-label="Home agency" placeholder="Home agency (and unit)" {...form.getInputProps('homeAgency')} />
              <TextInput flex={1} miw={0} aria-label="Contact" placeholder="Phone or radio" {...form.getInputProps('contact')} />
              <Button size="xs" type="submit" loading={staff.isPending} style={{ flexShrink: 0 }} aria-label={`Save ${s.positionTitle}`}>
                Save
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(false)} style={{ flexShrink: 0 }} aria-label={`Cancel ${s.positionTitle}`}>
                Cancel
              </Button>
            </Group>
          </form>
        </Table.Td>
      </Table.Tr>
    );
  }
  return (
    <Table.Tr data-testid="staff-row">
      <Table.Td>
        <Text fw={600}>{s.positionTitle}</Text>
        <Text size="xs" c="dimmed">
          {s.section}
        </Text>
      </Table.Td>
      <Table.Td>{s.holderName ? <Text fw={600}>{s.holderName}</Text> : <Text c="orange" fw={600}>To be filled</Text>}</Table.Td>
      <Table.Td>{s.homeAgency ?? ''}</Table.Td>
      <Table.Td>{s.contact ?? ''}</Table.Td>
      <Table.Td w={150}>
        {editable && (
          <Group gap={4} wrap="nowrap">
            <Button size="xs" variant="default" onClick={() => setEditing(true)} aria-label={`${s.holderName ? 'Change' : 'Assign'} ${s.positionTitle}`}>
              {s.holderName ? 'Change' : 'Assign'}
            </Button>
            <ActionIcon variant="subtle" color="red" aria-label={`Remove ${s.positionTitle} from this period`} onClick={() => unstaff.mutate({ staffingId: s.id })}>
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
