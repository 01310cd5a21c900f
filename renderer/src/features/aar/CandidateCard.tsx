import { Button, Group, Paper, Spoiler, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { AarReportView, Evidence, Observation } from '../../../../shared/contract';
import { OBSERVATION_KIND_LABELS } from '../../../../shared/domain/aar-outline';
import { StatusBadge } from '../../components/StatusBadge';
import { useSingleCommand } from '../../lib/query';
import { EvidenceLinks } from './EvidenceLinks';
import { isLocked } from './final-check';
import { openObservationForm } from './ObservationForm';

/**
 * One observation the record suggests: what it says, the records behind it, and the planner's
 * call. Its buttons are named by its title ("Accept Radio check-ins"): many cards show at once.
 */
export function CandidateCard({ o, view, onOpen, onDecided }: { o: Observation; view: AarReportView; onOpen: (e: Evidence) => void; onDecided?: () => void }) {
  const review = useSingleCommand('aar.reviewCandidate');
  const decide = (decision: 'accept' | 'dismiss' | 'restore') => {
    // Told before it is sent: the card may be gone (unmounted) by the time the answer comes.
    // The list takes the focus on to the next card once this one has left it (RecordTab).
    if (decision !== 'restore') onDecided?.();
    review.mutate({ id: o.id, decision });
  };
  return (
    <Paper withBorder p="sm" data-testid="candidate" data-status={o.status}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <StatusBadge tone={o.kind === 'strength' ? 'good' : 'warn'}>{OBSERVATION_KIND_LABELS[o.kind]}</StatusBadge>
              {o.status !== 'candidate' && <StatusBadge tone={o.status === 'accepted' ? 'info' : 'neutral'}>{o.status === 'accepted' ? 'Accepted' : 'Dismissed'}</StatusBadge>}
              <Text fw={700} data-testid="candidate-title">
                {o.title}
              </Text>
            </Group>
            {o.capabilityLabel && (
              <Text size="sm" c="dimmed">
                Capability: {o.capabilityLabel}
              </Text>
            )}
          </Stack>
          <Group gap="xs" wrap="nowrap">
            {o.status === 'candidate' && !isLocked(view) && (
              <>
                <Button size="xs" onClick={() => decide('accept')} loading={review.isPending} data-testid="candidate-accept" aria-label={`Accept ${o.title}`}>
                  Accept
                </Button>
                <Button size="xs" variant="default" onClick={() => openObservationForm({ view, observation: o })} aria-label={`Edit ${o.title}`}>
                  Edit
                </Button>
                <Button size="xs" variant="subtle" color="gray" onClick={() => decide('dismiss')} data-testid="candidate-dismiss" aria-label={`Dismiss ${o.title}`}>
                  Dismiss
                </Button>
              </>
            )}
            {o.status === 'dismissed' && !isLocked(view) && (
              <Button size="xs" variant="default" onClick={() => decide('restore')} aria-label={`Restore ${o.title}`}>
                Restore
              </Button>
            )}
          </Group>
        </Group>
        <Spoiler
          maxHeight={44}
          showLabel={
            <>
              Show all<VisuallyHidden> of {o.title}</VisuallyHidden>
            </>
          }
          hideLabel={
            <>
              Show less<VisuallyHidden> of {o.title}</VisuallyHidden>
            </>
          }
        >
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {o.analysis}
          </Text>
        </Spoiler>
        <EvidenceLinks evidence={o.evidence} onOpen={onOpen} />
        {review.error && <Text c="red">{review.error.message}</Text>}
      </Stack>
    </Paper>
  );
}
