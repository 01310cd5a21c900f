import { ActionIcon, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { MultiSelect } from '../../components/MultiSelect';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Exercise } from '../../../../shared/contract';
import { useSingleCommand } from '../../lib/query';
import { capabilityOptions, useFrameworks } from '../aar/use-aar';

type Row = { id?: string; text: string; capabilityIds: string[] };

/** The exercise's objectives with the capabilities each tests: its after-action report starts from these. */
export function ObjectivesPanel({ exercise: x }: { exercise: Exercise }) {
  const { frameworks } = useFrameworks();
  const save = useSingleCommand('exercise.setObjectives');
  const [rows, setRows] = useState<Row[] | null>(null);
  // An exercise planned without a framework rates against the current HPP capabilities, as its report will.
  const framework = frameworks.find((f) => f.id === x.frameworkId) ?? frameworks.find((f) => f.shortName === 'HPP 2023');
  const shown: Row[] = rows ?? x.objectives.map((o) => ({ id: o.id, text: o.text, capabilityIds: o.capabilityIds }));
  const edit = (i: number, r: Partial<Row>) => setRows(shown.map((o, j) => (j === i ? { ...o, ...r } : o)));
  const locked = !!x.incidentId;
  return (
    <Stack gap="xs" data-testid="exercise-objectives">
      <Title order={3}>Objectives</Title>
      {locked && <Text size="sm" c="dimmed">The exercise is running as an incident; its report carries these objectives.</Text>}
      {shown.length === 0 && <Text c="dimmed">No objectives yet.</Text>}
      {shown.map((o, i) => (
        <Group key={o.id ?? `new-${i}`} align="flex-start" wrap="nowrap">
          <Text fw={700} w={24} pt={6}>
            {i + 1}.
          </Text>
          <Textarea value={o.text} onChange={(e) => edit(i, { text: e.currentTarget.value })} autosize minRows={1} style={{ flex: 2 }} disabled={locked} aria-label={`Objective ${i + 1}`} />
          <MultiSelect
            data={capabilityOptions(framework)}
            value={o.capabilityIds}
            onChange={(v) => edit(i, { capabilityIds: v })}
            placeholder="Capabilities"
            searchable
            style={{ flex: 1.4 }}
            disabled={locked}
            aria-label={`Capabilities of objective ${i + 1}`}
          />
          {!locked && (
            <ActionIcon variant="subtle" color="red" aria-label={`Remove objective ${i + 1}`} onClick={() => setRows(shown.filter((_, j) => j !== i))} mt={4}>
              <IconTrash size={18} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {!locked && (
        <Group>
          <Button variant="default" size="xs" onClick={() => setRows([...shown, { text: '', capabilityIds: [] }])} data-testid="add-objective">
            Add objective
          </Button>
          {rows && (
            <Button
              size="xs"
              loading={save.isPending}
              onClick={() => save.mutate({ exerciseId: x.id, objectives: rows.filter((r) => r.text.trim()) }, { onSuccess: () => setRows(null) })}
              data-testid="save-objectives"
            >
              Save objectives
            </Button>
          )}
        </Group>
      )}
      {save.error && <Text c="red">{save.error.message}</Text>}
    </Stack>
  );
}
