import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { Period } from '../../../../shared/contract';
import { useShell } from '../../lib/shell-context';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../lib/format';
import { useSingleCommand } from '../../lib/query';
import { periodTimeLeft } from './durations';
import { useNow } from '../../lib/use-now';

/** ICS 202 block 2: the period's span, its state in words, and closing it. */
export function PeriodHeader({ period: p, incidentName }: { period: Period; incidentName: string }) {
  const { coalition } = useShell();
  const closePeriod = useSingleCommand('incident.closePeriod');
  const now = useNow(15_000);
  const tz = coalition.timeZone;
  const open = p.status === 'open';
  const left = periodTimeLeft(p.endsAt, now);
  const confirmClose = () =>
    modals.openConfirmModal({
      title: `Close operational period ${p.number}?`,
      children: `It ends now. Then open period ${p.number + 1}: its objectives and staffing start as a copy of this one.`,
      labels: { confirm: `Close period ${p.number}`, cancel: 'Keep it open' },
      confirmProps: { 'data-testid': 'confirm-close-period' } as Record<string, string>,
      onConfirm: () => closePeriod.mutate({ periodId: p.id }),
    });
  return (
    <Group justify="space-between" align="flex-start">
      <Stack gap={2}>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
          ICS 202 · {incidentName}
        </Text>
        <Title order={3} data-testid="period-title">
          Operational period {p.number}
        </Title>
        <Text size="sm">
          2. From {formatDateTime(p.startsAt, tz)} to {formatDateTime(p.endsAt, tz)}
          {open ? ' (planned)' : ''}
        </Text>
      </Stack>
      <Group gap="xs">
        <StatusBadge tone={open ? (left.overdue ? 'warn' : 'good') : 'neutral'} testId="period-status">
          {open ? (left.overdue ? `Open · ${left.text}` : `Open · ${left.text}`) : 'Closed'}
        </StatusBadge>
        {open && (
          <Button variant="light" color="orange" onClick={confirmClose} loading={closePeriod.isPending} data-testid="close-period">
            Close period {p.number}
          </Button>
        )}
      </Group>
      {closePeriod.error && <Text c="red">{closePeriod.error.message}</Text>}
    </Group>
  );
}
