import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useLocation } from 'wouter';
import type { AarReportView, Evidence, Observation } from '../../../../shared/contract';
import { OBSERVATION_KIND_LABELS } from '../../../../shared/domain/aar-outline';
import { StatusBadge } from '../../components/StatusBadge';
import { useCommand } from '../../lib/query';
import { EvidenceLinks } from './EvidenceLinks';
import { openActionForm } from './ActionForm';
import { openObservationForm } from './ObservationForm';
import { isLocked } from './final-check';

/**
 * An accepted strength or area for improvement, with its recurrences and its actions' count.
 * Its buttons are named by its title ("Edit Radio check-ins"): the list shows many at once.
 */
export function ObservationItem({ o, view, onOpen }: { o: Observation; view: AarReportView; onOpen: (e: Evidence) => void }) {
  const [, navigate] = useLocation();
  const remove = useCommand('aar.removeObservation');
  const locked = isLocked(view);
  const actions = view.actions.filter((a) => a.observationId === o.id).length;
  return (
    <Paper withBorder p="sm" data-testid="observation" data-kind={o.kind}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs">
            <StatusBadge tone={o.kind === 'strength' ? 'good' : 'warn'}>{OBSERVATION_KIND_LABELS[o.kind]}</StatusBadge>
            {o.recurrences.length > 0 && (
              <StatusBadge tone="bad" testId="recurring-badge">
                Recurring
              </StatusBadge>
            )}
            <Text fw={700} data-testid="observation-title">
              {o.title}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {o.kind === 'afi' && (
              <Button size="xs" variant="default" onClick={() => openActionForm({ view, observationId: o.id })} aria-label={`Add corrective action for ${o.title}`}>
                Add corrective action
              </Button>
            )}
            {!locked && (
              <Button size="xs" variant="default" onClick={() => openObservationForm({ view, observation: o })} aria-label={`Edit ${o.title}`}>
                Edit
              </Button>
            )}
            {!locked && !o.ruleKey && actions === 0 && (
              <Button size="xs" variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate({ id: o.id })} aria-label={`Remove ${o.title}`}>
                Remove
              </Button>
            )}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {o.capabilityLabel ? `Capability: ${o.capabilityLabel}` : 'No capability chosen'}
          {o.reference ? ` · Reference: ${o.reference}` : ''}
          {o.kind === 'afi' ? ` · ${actions} corrective action${actions === 1 ? '' : 's'}` : ''}
        </Text>
        {o.analysis && (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }} lineClamp={4}>
            {o.analysis}
          </Text>
        )}
        {o.kind === 'afi' && (
          <Text size="sm">
            <b>Root cause:</b> {o.rootCause || 'not yet stated'}
          </Text>
        )}
        {o.recurrences.map((r) => (
          <Text size="sm" key={r.observationId}>
            Also found at{' '}
            <Anchor component="button" type="button" onClick={() => navigate(`/aar?incident=${r.incidentId}&tab=analysis`)}>
              {r.incidentName}
            </Anchor>{' '}
            ({new Date(r.startedAt).toISOString().slice(0, 10)}{r.exercise ? ', exercise' : ''}): “{r.title}”
          </Text>
        ))}
        <EvidenceLinks evidence={o.evidence} onOpen={onOpen} />
        {remove.error && <Text c="red">{remove.error.message}</Text>}
      </Stack>
    </Paper>
  );
}
