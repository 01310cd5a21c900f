import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { CalldownTarget } from '../../../../shared/contract';
import { CALL_OUTCOME_LABELS, CALL_OUTCOMES, type CallOutcome } from '../../../../shared/domain/calldown';
import { useSingleCommand } from '../../lib/query';

/** One click records a call; "Reached" asks who acknowledged (Enter records it). */
export function AttemptButtons({ calldownId, target }: { calldownId: string; target: CalldownTarget }) {
  const attempt = useSingleCommand('calldown.attempt');
  const [asking, setAsking] = useState(false);
  const [ack, setAck] = useState('');
  // One call at a time (useSingleCommand): Enter pressed again while it travels records nothing more.
  const record = (outcome: CallOutcome, acknowledgedBy?: string) =>
    attempt.mutate({ calldownId, targetId: target.id, outcome, acknowledgedBy: acknowledgedBy?.trim() || null }, { onSuccess: () => [setAsking(false), setAck('')] });
  if (asking) {
    return (
      <Group gap={4} wrap="nowrap">
        <TextInput
          size="xs"
          placeholder="Acknowledged by (name)"
          aria-label={`Who acknowledged for ${target.contactName}`}
          value={ack}
          autoFocus
          onChange={(e) => setAck(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') record('reached', ack);
            if (e.key === 'Escape') setAsking(false);
          }}
        />
        <Button size="compact-sm" color="teal" loading={attempt.isPending} onClick={() => record('reached', ack)} aria-label={`Record reached for ${target.contactName}`}>
          Record reached
        </Button>
      </Group>
    );
  }
  return (
    // On two lines where the row is narrow (1280): the contact's name keeps its width.
    <Group gap={4}>
      {CALL_OUTCOMES.map((o) => (
        <Button
          key={o}
          size="compact-sm"
          variant={o === 'reached' ? 'light' : 'default'}
          color={o === 'reached' ? 'teal' : undefined}
          disabled={attempt.isPending}
          onClick={() => (o === 'reached' ? setAsking(true) : record(o))}
          aria-label={`${CALL_OUTCOME_LABELS[o]}: ${target.contactName}`}
        >
          {CALL_OUTCOME_LABELS[o]}
        </Button>
      ))}
    </Group>
  );
}
