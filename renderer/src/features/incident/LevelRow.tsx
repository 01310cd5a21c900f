import { ActionIcon, Button, Group, NumberInput, Table, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconTrash } from '@tabler/icons-react';
import type { ActivationLevel } from '../../../../shared/contract';
import { fieldErrors } from '../../lib/form-errors';
import { useCommand, useSingleCommand } from '../../lib/query';

/** One editable level; a new one (no `level`) clears itself after saving. */
export function LevelRow({ level }: { level?: ActivationLevel }) {
  const save = useSingleCommand('incident.saveLevel');
  const remove = useCommand('incident.removeLevel');
  const form = useForm({
    initialValues: { name: level?.name ?? '', rank: (level?.rank ?? 0) as number | string, description: level?.description ?? '' },
    validate: { name: (v) => (v.trim() ? null : 'Name the level') },
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      { id: level?.id, name: v.name, rank: Number(v.rank), description: v.description },
      { onSuccess: () => (level ? form.resetDirty() : form.reset()), onError: (e) => form.setErrors(fieldErrors(e)) },
    ),
  );
  const confirmRemove = () =>
    modals.openConfirmModal({
      title: `Remove the level “${level!.name}”?`,
      children: 'Incidents closed at this level keep its name on their record. An open incident at this level prevents removal.',
      labels: { confirm: 'Remove level', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate({ id: level!.id }),
    });
  return (
    <Table.Tr>
      <Table.Td w={220}>
        <TextInput aria-label="Level name" placeholder={level ? undefined : 'New level name'} {...form.getInputProps('name')} />
      </Table.Td>
      <Table.Td w={110}>
        <NumberInput aria-label="Rank" min={0} max={100} {...form.getInputProps('rank')} />
      </Table.Td>
      <Table.Td>
        <TextInput aria-label="Description" {...form.getInputProps('description')} />
      </Table.Td>
      <Table.Td w={170}>
        <Group gap={6} wrap="nowrap">
          <Button size="xs" onClick={() => submit()} loading={save.isPending} disabled={level ? !form.isDirty() : false} aria-label={level ? `Save ${level.name}` : undefined}>
            {level ? 'Save' : 'Add level'}
          </Button>
          {level && (
            <Tooltip label={remove.error?.message ?? 'Remove this level'} opened={remove.error ? true : undefined} color={remove.error ? 'red' : undefined}>
              <ActionIcon variant="subtle" color="red" aria-label={`Remove ${level.name}`} onClick={confirmRemove}>
                <IconTrash size={18} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
