import { Alert, Button, Group, Text } from '@mantine/core';
import { Select } from '../../components/Select';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useLocation } from 'wouter';
import type { Exercise } from '../../../../shared/contract';
import { useCommand, useMethod, useSingleCommand } from '../../lib/query';

/** Runs the exercise as an exercise incident, made active here; then leads to it and to its report. */
export function OpenExercise({ exercise: x }: { exercise: Exercise }) {
  const [, navigate] = useLocation();
  const levels = useMethod('incident.levels', {});
  const open = useSingleCommand('exercise.open');
  const setActive = useCommand('incident.setActive');
  const [level, setLevel] = useState<string | null>(null);
  const chosen = level ?? levels.data?.levels[0]?.id ?? null;
  if (x.incidentId) {
    return (
      <Group gap="xs" data-testid="exercise-opened">
        <Text>{x.state === 'running' ? 'Running as an exercise incident.' : 'Conducted as an exercise incident.'}</Text>
        <Button variant="default" onClick={() => navigate('/incidents')}>
          Incidents
        </Button>
        <Button onClick={() => navigate(`/aar?incident=${x.incidentId}`)} data-testid="exercise-aar">
          After-action report
        </Button>
      </Group>
    );
  }
  if (x.type === 'course' || x.cancelled) return null;
  return (
    <Group align="flex-end" gap="xs">
      <Select
        label="Activation level"
        data={(levels.data?.levels ?? []).map((l) => ({ value: l.id, label: l.name }))}
        value={chosen}
        onChange={setLevel}
        allowDeselect={false}
        w={220}
      />
      <Button
        leftSection={<IconPlayerPlay size={18} />}
        loading={open.isPending || setActive.isPending}
        disabled={!chosen}
        onClick={() => open.mutate({ id: x.id, activationLevelId: chosen! }, { onSuccess: (r) => setActive.mutate({ incidentId: r.incidentId }) })}
        data-testid="exercise-open"
      >
        Open as exercise incident
      </Button>
      {open.error && <Alert color="red">{open.error.message}</Alert>}
    </Group>
  );
}
