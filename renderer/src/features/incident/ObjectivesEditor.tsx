import { ActionIcon, Alert, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Period } from '../../../../shared/contract';
import { focusAdded } from '../../lib/focus-added';
import { useSingleCommand } from '../../lib/query';

/** ICS 202 block 3, in priority order; ids are kept so an objective's history follows it. */
export function ObjectivesEditor({ period }: { period: Period }) {
  const [editing, setEditing] = useState(false);
  const objectives = [...period.objectives].sort((a, b) => a.ordinal - b.ordinal);
  return (
    <Stack gap={6} data-testid="objectives">
      <Group justify="space-between">
        <Text fw={700}>3. Objectives</Text>
        {period.status === 'open' && !editing && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)} data-testid="edit-objectives">
            Edit objectives
          </Button>
        )}
      </Group>
      {editing ? (
        <ObjectivesForm period={period} initial={objectives.map((o) => ({ id: o.id as string | undefined, text: o.text }))} onDone={() => setEditing(false)} />
      ) : objectives.length ? (
        <List type="ordered" spacing={4}>
          {objectives.map((o) => (
            <List.Item key={o.id}>{o.text}</List.Item>
          ))}
        </List>
      ) : (
        <Text c="dimmed" size="sm">
          No objectives set for this period.
        </Text>
      )}
    </Stack>
  );
}

function ObjectivesForm({ period, initial, onDone }: { period: Period; initial: { id?: string; text: string }[]; onDone: () => void }) {
  const save = useSingleCommand('incident.setObjectives');
  const form = useForm({ initialValues: { objectives: initial.length ? initial : [{ text: '' }] } });
  const list = form.values.objectives;
  const submit = form.onSubmit((v) =>
    save.mutate(
      { periodId: period.id, objectives: v.objectives.filter((o) => o.text.trim()).map((o) => ({ id: o.id, text: o.text })) },
      { onSuccess: onDone },
    ),
  );
  return (
    <form onSubmit={submit} data-testid="objectives-form">
      <Stack gap={6}>
        {list.map((_, i) => (
          <Group key={i} gap={4} wrap="nowrap">
            <Text w={24} ta="right" fw={700}>
              {i + 1}.
            </Text>
            <TextInput flex={1} aria-label={`Objective ${i + 1}`} {...form.getInputProps(`objectives.${i}.text`)} />
            <ActionIcon variant="subtle" aria-label={`Move objective ${i + 1} up`} disabled={i === 0} onClick={() => form.reorderListItem('objectives', { from: i, to: i - 1 })}>
              <IconArrowUp size={18} />
            </ActionIcon>
            <ActionIcon variant="subtle" aria-label={`Move objective ${i + 1} down`} disabled={i === list.length - 1} onClick={() => form.reorderListItem('objectives', { from: i, to: i + 1 })}>
              <IconArrowDown size={18} />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={`Remove objective ${i + 1}`} onClick={() => form.removeListItem('objectives', i)}>
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        ))}
        {save.error && <Alert color="red">{save.error.message}</Alert>}
        <Group justify="space-between">
          <Button size="xs" variant="subtle" leftSection={<IconPlus size={16} />} onClick={(e) => {
              form.insertListItem('objectives', { text: '' });
              focusAdded(e.currentTarget, `Objective ${list.length + 1}`);
            }}>
            Add an objective
          </Button>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button size="xs" type="submit" loading={save.isPending}>
              Save objectives
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
