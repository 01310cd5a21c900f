import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import { StatusBadge } from '../../components/StatusBadge';
import { useMethod } from '../../lib/query';
import { useShell } from '../../lib/shell-context';
import { useNow } from '../../lib/use-now';
import { requestProgress } from '../status/labels';

/** Status requests of the incident: how many answered, and the share on time once the deadline has passed. */
export function StatusRequestsPanel({ incidentId, wall }: { incidentId: string | undefined; wall: boolean }) {
  const { coalition } = useShell();
  const now = useNow(wall ? 10_000 : 30_000);
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
            <Text fz={wall ? 'xl' : 'sm'} data-testid="status-request-progress">
              {`${requestProgress(r, now, coalition.timeZone)} `}
              {r.figures.outstanding > 0 && (
                <StatusBadge tone={r.late ? 'bad' : 'warn'} big={wall}>
                  {r.late ? `${r.figures.outstanding} LATE` : `${r.figures.outstanding} WAITING`}
                </StatusBadge>
              )}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
