import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { AarReportView, Evidence } from '../../../../shared/contract';
import { useSingleCommand } from '../../lib/query';
import { isLocked } from './final-check';
import { ObjectiveCard } from './ObjectiveCard';
import { ObservationItem } from './ObservationItem';
import { openObservationForm } from './ObservationForm';

/** Analysis of capabilities: per objective its ratings and observations, then those not tied to one. */
export function AnalysisTab({ view, onOpen }: { view: AarReportView; onOpen: (e: Evidence) => void }) {
  const add = useSingleCommand('aar.saveObjective');
  const [text, setText] = useState('');
  const locked = isLocked(view);
  const loose = view.observations.filter((o) => o.status === 'accepted' && (!o.objectiveId || !view.objectives.some((x) => x.id === o.objectiveId)));
  return (
    <Stack gap="md" data-testid="aar-analysis">
      {view.objectives.length === 0 && <Text c="dimmed">No objectives yet: add the objectives this report evaluates.</Text>}
      {view.objectives.map((x) => (
        <ObjectiveCard key={x.id} objective={x} view={view} onOpen={onOpen} />
      ))}
      {!locked && (
        <Group align="flex-end">
          <TextInput label="Add an objective" value={text} onChange={(e) => setText(e.currentTarget.value)} w={560} />
          <Button variant="default" disabled={!text.trim()} loading={add.isPending} onClick={() => add.mutate({ reportId: view.report.id, text }, { onSuccess: () => setText('') })}>
            Add objective
          </Button>
        </Group>
      )}
      <Title order={3}>Observations not tied to one objective</Title>
      {loose.length === 0 && <Text c="dimmed">None.</Text>}
      {loose.map((o) => (
        <ObservationItem key={o.id} o={o} view={view} onOpen={onOpen} />
      ))}
      {!locked && (
        <Group gap="xs">
          <Button variant="default" onClick={() => openObservationForm({ view, kind: 'strength' })} data-testid="add-strength">
            Add strength
          </Button>
          <Button variant="default" onClick={() => openObservationForm({ view, kind: 'afi' })} data-testid="add-afi">
            Add area for improvement
          </Button>
        </Group>
      )}
      {add.error && <Text c="red">{add.error.message}</Text>}
    </Stack>
  );
}
