import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ChecklistItem } from '../../../../shared/contract';
import { useMethod, useSingleCommand } from '../../lib/query';
import { ChecklistRow } from './ChecklistRow';

/** Adds an item to one position's checklist; named by the position, as every checklist has one. */
function AddItem({ incidentId, positionId, title }: { incidentId: string; positionId: string; title: string }) {
  const add = useSingleCommand('incident.addChecklistItem');
  const [text, setText] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) add.mutate({ incidentId, positionId, text }, { onSuccess: () => setText('') });
      }}
    >
      <Group gap="xs" wrap="nowrap">
        <TextInput size="xs" flex={1} placeholder="Add an item" aria-label={`New checklist item for ${title}`} value={text} onChange={(e) => setText(e.currentTarget.value)} error={add.error?.message} />
        <Button size="xs" variant="default" type="submit" loading={add.isPending} aria-label={`Add to ${title}`}>
          Add
        </Button>
      </Group>
    </form>
  );
}

/** Checklists per position, from the template or added here; every tick says who and when. */
export function ChecklistsPanel({ incidentId, readOnly }: { incidentId: string; readOnly: boolean }) {
  const q = useMethod('incident.checklists', { incidentId });
  const groups = new Map<string, { title: string; items: ChecklistItem[] }>();
  for (const item of q.data?.items ?? []) {
    const g = groups.get(item.positionId) ?? { title: item.positionTitle, items: [] };
    g.items.push(item);
    groups.set(item.positionId, g);
  }
  if (q.data && groups.size === 0) return <Text c="dimmed">No checklist for this incident. Templates bring checklists per position.</Text>;
  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }} data-testid="checklists">
      {[...groups.entries()].map(([positionId, g]) => {
        const done = g.items.filter((i) => i.done).length;
        return (
          <Paper withBorder p="sm" key={positionId} data-testid="checklist">
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={4}>{g.title}</Title>
                <Text size="sm" c={done === g.items.length ? 'teal' : 'dimmed'} fw={600}>
                  {done} of {g.items.length} done
                </Text>
              </Group>
              {[...g.items].sort((a, b) => a.ordinal - b.ordinal).map((item) => (
                <ChecklistRow key={item.id} item={item} readOnly={readOnly} />
              ))}
              {!readOnly && <AddItem incidentId={incidentId} positionId={positionId} title={g.title} />}
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
