import { Group, Paper, Text } from '@mantine/core';
import type { SignificantProposal } from '../../../../shared/contract';
import { useShell } from '../../lib/shell-context';
import { localParts } from '../../lib/format';

/** One approved event, large enough to read from across the room. */
export function BoardEvent({ proposal: p }: { proposal: SignificantProposal }) {
  const { coalition } = useShell();
  const t = localParts(p.entry.occurredAt, coalition.timeZone);
  return (
    <Paper withBorder p="sm" data-testid="board-event" style={{ borderLeft: '6px solid var(--mantine-color-teal-6)' }}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Text ff="monospace" fw={800} size="xl" miw={96}>
          {t.hm}
          <Text size="xs" c="dimmed" ff="body">
            {t.zone} · {t.date.slice(0, 6)}
          </Text>
        </Text>
        <div style={{ minWidth: 0 }}>
          <Text size="lg" fw={600} style={{ whiteSpace: 'pre-wrap' }}>
            {p.entry.text}
          </Text>
          <Text size="sm" c="dimmed">
            {p.entry.category} · {p.entry.positionTitle} log · approved by {p.reviewedBy ?? 'unknown'}
            {p.reviewedByPosition ? ` (${p.reviewedByPosition})` : ''}
            {p.entry.correctedById ? ' · this entry was later corrected' : ''}
          </Text>
        </div>
      </Group>
    </Paper>
  );
}
