import { Button, Grid, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { Select } from '../../components/Select';
import { IconPlus } from '@tabler/icons-react';
import { EXERCISE_TYPE_LABELS } from '../../../../shared/domain/aar-outline';
import { StatusBadge } from '../../components/StatusBadge';
import { useMethod } from '../../lib/query';
import { useSubview } from '../../lib/use-subview';
import { ExerciseDetail } from './ExerciseDetail';
import { openExerciseForm } from './ExerciseForm';
import { dates, STATE_LABELS, STATE_TONES } from './labels';

/** The training and exercise calendar (HSEEP integrated preparedness plan), by date. */
export function ExercisesScreen() {
  const { params, open } = useSubview();
  const yearParam = params.get('year');
  const year = yearParam === 'all' || !yearParam ? undefined : Number(yearParam);
  const list = useMethod('exercise.list', year ? { year } : {});
  const all = useMethod('exercise.list', {});
  const years = [...new Set((all.data?.exercises ?? []).map((x) => x.startsOn.slice(0, 4)))].sort();
  const selectedId = params.get('id');
  const exercises = list.data?.exercises ?? [];
  const selected = (all.data?.exercises ?? []).find((x) => x.id === selectedId) ?? null;
  const go = (next: Record<string, string>) => open({ ...(yearParam ? { year: yearParam } : {}), ...next });
  return (
    <Stack gap="md" data-testid="exercises-screen" data-ready={list.data ? 'true' : 'false'}>
      <Group justify="space-between">
        <Title order={1}>Training and exercises</Title>
        <Group>
          <Select
            aria-label="Year"
            data={[{ value: 'all', label: 'Every year' }, ...years.map((y) => ({ value: y, label: y }))]}
            value={yearParam ?? 'all'}
            onChange={(v) => open({ year: v ?? 'all', ...(selectedId ? { id: selectedId } : {}) })}
            allowDeselect={false}
            w={160}
          />
          <Button leftSection={<IconPlus size={18} />} onClick={() => openExerciseForm(null, (id) => go({ id }))} data-testid="new-exercise">
            Plan a course or exercise
          </Button>
        </Group>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, xl: selected ? 5 : 12 }}>
          <Paper withBorder>
            {exercises.length === 0 ? (
              <Text p="md" c="dimmed">
                Nothing planned yet. Plan the year’s courses and exercises here; the yearly medical response and surge exercise is planned here too.
              </Text>
            ) : (
              <ScrollArea.Autosize mah="calc(100dvh - 220px)">
                <Table highlightOnHover data-testid="exercise-list">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={150}>Date</Table.Th>
                      <Table.Th>Course or exercise</Table.Th>
                      <Table.Th w={170}>Status</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {exercises.map((x) => (
                      <Table.Tr
                        key={x.id}
                        tabIndex={0}
                        onClick={() => go({ id: x.id })}
                        onKeyDown={(e) => e.key === 'Enter' && go({ id: x.id })}
                        style={{ cursor: 'pointer' }}
                        bg={x.id === selectedId ? 'var(--mantine-color-default-hover)' : undefined}
                        aria-selected={x.id === selectedId}
                        data-testid="exercise-row"
                      >
                        <Table.Td ff="monospace">{dates(x)}</Table.Td>
                        <Table.Td>
                          <Text fw={600}>{x.title}</Text>
                          <Text size="sm" c="dimmed">
                            {EXERCISE_TYPE_LABELS[x.type]}
                            {x.surgeExercise ? ' · MRSE' : ''} · {x.objectives.length} objective{x.objectives.length === 1 ? '' : 's'} · {x.participants.length} participant
                            {x.participants.length === 1 ? '' : 's'}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <StatusBadge tone={STATE_TONES[x.state]}>{STATE_LABELS[x.state]}</StatusBadge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            )}
          </Paper>
        </Grid.Col>
        {selected && (
          <Grid.Col span={{ base: 12, xl: 7 }}>
            <ExerciseDetail key={selected.id} exercise={selected} />
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}
