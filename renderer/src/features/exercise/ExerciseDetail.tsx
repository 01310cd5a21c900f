import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Exercise } from '../../../../shared/contract';
import { EXERCISE_TYPE_LABELS } from '../../../../shared/domain/aar-outline';
import { StatusBadge } from '../../components/StatusBadge';
import { openExerciseForm } from './ExerciseForm';
import { dates, STATE_LABELS, STATE_TONES } from './labels';
import { ObjectivesPanel } from './ObjectivesPanel';
import { OpenExercise } from './OpenExercise';
import { RosterPanel } from './RosterPanel';

export function ExerciseDetail({ exercise: x }: { exercise: Exercise }) {
  return (
    <Paper withBorder p="md" data-testid="exercise-detail">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={2} data-testid="exercise-title">
              {x.title}
            </Title>
            <Group gap="xs">
              <StatusBadge tone={STATE_TONES[x.state]} testId="exercise-state">
                {STATE_LABELS[x.state]}
              </StatusBadge>
              {x.surgeExercise && <StatusBadge tone="info">MRSE (yearly surge exercise)</StatusBadge>}
              <Text size="sm" c="dimmed">
                {EXERCISE_TYPE_LABELS[x.type]} · {dates(x)}
                {x.location ? ` · ${x.location}` : ''}
              </Text>
            </Group>
          </Stack>
          <Button variant="default" onClick={() => openExerciseForm(x, () => undefined)}>
            Edit
          </Button>
        </Group>
        {x.description && <Text>{x.description}</Text>}
        {x.scenario && (
          <Text>
            <b>Scenario:</b> {x.scenario}
          </Text>
        )}
        <Text size="sm">
          <b>Capabilities:</b> {x.capabilityLabels.join('; ') || 'none chosen'} · <b>Sponsor:</b> {x.sponsor || 'not stated'} · <b>Point of contact:</b> {x.poc || 'not stated'}
        </Text>
        <OpenExercise exercise={x} />
        {x.type !== 'course' && <ObjectivesPanel key={x.id} exercise={x} />}
        <RosterPanel exercise={x} />
      </Stack>
    </Paper>
  );
}
