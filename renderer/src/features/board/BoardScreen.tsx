import { Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useShell } from '../../lib/shell-context';
import { StatusBadge } from '../../components/StatusBadge';
import { useMethod } from '../../lib/query';
import { ChooseActiveIncident } from '../incident/ChooseActiveIncident';
import { useActiveIncident } from '../incident/use-active-incident';
import { BoardEvent } from './BoardEvent';
import { ProposalCard } from './ProposalCard';

/** The significant events board everyone sees, and the proposals the designated position reviews. */
export function BoardScreen() {
  const { session } = useShell();
  const { incident } = useActiveIncident();
  const id = incident?.id ?? '';
  const board = useMethod('log.board', { incidentId: id }, { enabled: !!incident });
  const proposals = useMethod('log.proposals', { incidentId: id, status: 'pending' }, { enabled: !!incident });
  const positions = useMethod('position.list', {});
  if (!incident) {
    return (
      <>
        <Title order={1}>Significant events</Title>
        <ChooseActiveIncident purpose="The board shows the significant events of the active incident." />
      </>
    );
  }
  const approverIds = incident.boardApproverPositionIds;
  const approvers = (positions.data?.positions ?? []).filter((p) => approverIds.includes(p.id)).map((p) => p.title);
  const canReview = approverIds.includes(session.position.id);
  const events = [...(board.data?.events ?? [])].reverse();
  const pending = proposals.data?.proposals ?? [];
  return (
    <Grid gap="md" data-testid="board-screen">
      <Grid.Col span={12}>
        <Group gap="sm">
          <Title order={1}>Significant events</Title>
          {incident.exercise && <StatusBadge tone="warn">Exercise</StatusBadge>}
          <Text c="dimmed">Approved by {approvers.length ? approvers.join(', ') : 'the designated position'}</Text>
        </Group>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="xs" data-testid="board-events">
          {events.length === 0 && (
            <Paper withBorder p="md">
              <Text c="dimmed">Nothing on the board yet. Any entry can be proposed from the log or the timeline.</Text>
            </Paper>
          )}
          {events.map((p) => (
            <BoardEvent key={p.id} proposal={p} />
          ))}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Paper withBorder p="md">
          <Stack gap="sm" data-testid="board-proposals">
            <Group justify="space-between">
              <Title order={3}>Waiting for approval</Title>
              <StatusBadge tone={pending.length ? 'warn' : 'neutral'}>{`${pending.length} waiting`}</StatusBadge>
            </Group>
            {!canReview && (
              <Text size="sm" c="dimmed">
                Only {approvers.length ? approvers.join(' or ') : 'the designated position'} can approve. You are signed in as{' '}
                {session.position.title}.
              </Text>
            )}
            {pending.map((p) => (
              <ProposalCard key={p.id} proposal={p} canReview={canReview} />
            ))}
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
