import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import { StatusBadge } from '../../components/StatusBadge';
import { useMethod } from '../../lib/query';

/** Status requests of the incident still waiting for answers, with the share on time. */
export function StatusRequestsPanel({ incidentId, wall }: { incidentId: string | undefined; wall: boolean }) {
  const q = useMethod('status.requests', incidentId ? { incidentId } : {}, { refetchInterval: 60_000 });
  const list = (q.data?.requests ?? []).slice(0, wall ? 3 : 4);
  return (
    <Paper withBorder p="md" data-testid="sit-status-requests">
      <Title order={wall ? 2 : 3} mb="xs">
        Status requests
      </Title>
      {list.length === 0 && <Text c="dimmed">None sent.</Text>}
      <Stack gap="xs">
        {list.map((r) => (
          <Stack key={r.id} gap={2}>
            {wall ? (
              <Text fw={600} fz="xl">
                {r.title}
              </Text>
            ) : (
              <Anchor component={Link} href={`/status?view=requests&id=${r.id}`} fw={600}>
                {r.title}
              </Anchor>
            )}
            <Text fz={wall ? 'lg' : 'sm'}>
              {`${r.figures.answered} of ${r.figures.asked} answered · ${r.figures.onTimeShare === null ? '—' : `${Math.round(r.figures.onTimeShare * 100)}%`} on time `}
              {r.figures.outstanding > 0 && <StatusBadge tone={r.late ? 'bad' : 'warn'}>{r.late ? `${r.figures.outstanding} LATE` : `${r.figures.outstanding} WAITING`}</StatusBadge>}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
