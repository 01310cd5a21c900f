import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { RequestDetail } from '../../../../../shared/contract';
import { formatDuration } from '../../../../../shared/domain/request-aging';
import { StatusBadge } from '../../../components/StatusBadge';
import { DemoTag } from '../../demo/DemoTag';
import { ShowOnMapButton } from '../../map/ShowOnMapButton';
import { Flags } from '../board/BoardCells';
import { PRIORITY_TONE, STATUS_TONE } from '../lib/labels';

/** Number, status, priority and flags in words; who acts next. */
export function RequestHeader({ r, now }: { r: RequestDetail; now: number }) {
  return (
    <Stack gap={6}>
      <Group gap="sm" align="center">
        <Title order={1} ff="monospace" data-testid="request-number">
          {r.number}
        </Title>
        <StatusBadge tone={STATUS_TONE[r.status]} testId="request-status">
          {r.statusLabel}
        </StatusBadge>
        <StatusBadge tone={PRIORITY_TONE[r.priority]} testId="request-priority">{`Priority: ${r.priorityLabel}`}</StatusBadge>
        <Flags row={{ ...r, flags: r.flags.filter((f) => f === 'OVERDUE') }} />
        {r.exercise && (
          <Badge color="grape" variant="filled" size="lg" radius="sm">
            EXERCISE
          </Badge>
        )}
        <DemoTag demo={r.demo} />
        {r.status !== 'closed' && r.status !== 'cancelled' && r.status !== 'denied' && <ShowOnMapButton layer="requests" id={r.id} />}
      </Group>
      <Text size="sm" c="dimmed">
        {`${r.incidentName ?? 'Incident'} · ${r.requestingOrganisation.name} · in "${r.statusLabel}" for ${formatDuration(now - r.statusSince)}`}
      </Text>
      {r.overdueReason && (
        <Text c="red" fw={700} data-testid="overdue-reason">
          OVERDUE: {r.overdueReason}
        </Text>
      )}
      <Text fw={600} data-testid="next-action">
        {r.nextAction ? `Next: ${r.nextAction.label} (${r.nextAction.roleLabel})` : 'Finished: no further step.'}
      </Text>
    </Stack>
  );
}
