import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SignificantProposal } from '../../../../shared/contract';
import { useShell } from '../../lib/shell-context';
import { localParts } from '../../lib/format';
import { useSingleCommand } from '../../lib/query';

/** A proposed entry with approve and decline for the designated position. */
export function ProposalCard({ proposal: p, canReview }: { proposal: SignificantProposal; canReview: boolean }) {
  const { coalition, session } = useShell();
  // The backend refuses it too; saying so here saves a click that can only fail.
  const mine = !!p.proposedBy && p.proposedBy.trim().toLowerCase() === session.operatorName.trim().toLowerCase();
  const review = useSingleCommand('log.reviewSignificant');
  const [note, setNote] = useState('');
  const t = localParts(p.entry.occurredAt, coalition.timeZone);
  const decide = (approve: boolean) => review.mutate({ proposalId: p.id, approve, note: note.trim() || undefined });
  return (
    <Paper withBorder p="sm" data-testid="proposal">
      <Stack gap={6}>
        <Text size="sm" fw={700}>
          {t.hm} {t.zone} · {p.entry.category}
        </Text>
        <Text>{p.entry.text}</Text>
        <Text size="xs" c="dimmed">
          Proposed by {p.proposedBy ?? 'unknown'}
          {p.proposedByPosition ? ` (${p.proposedByPosition})` : ''}
          {p.note ? ` — “${p.note}”` : ''}
        </Text>
        {canReview && mine && (
          <Text size="sm" c="dimmed">
            You proposed this event: another person approves or declines it.
          </Text>
        )}
        {canReview && !mine && (
          <>
            <TextInput size="xs" placeholder="Note (optional)" aria-label="Review note" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <Group gap="xs">
              <Button size="xs" color="teal" onClick={() => decide(true)} loading={review.isPending} data-testid="approve-proposal">
                Approve onto the board
              </Button>
              <Button size="xs" variant="default" onClick={() => decide(false)} disabled={review.isPending}>
                Decline
              </Button>
            </Group>
          </>
        )}
        {review.error && <Alert color="red">{review.error.message}</Alert>}
      </Stack>
    </Paper>
  );
}
