import { Button, Group, Paper, Text } from '@mantine/core';
import { IconArrowUp } from '@tabler/icons-react';

/** Shown over a long list read far down when records were added or changed meanwhile. */
export function BehindNotice({ behind, onCatchUp }: { behind: boolean; onCatchUp: () => void }) {
  if (!behind) return null;
  return (
    <Paper withBorder p="xs" role="status" aria-live="polite" data-testid="list-behind">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">Records were added or changed while you were reading further down. This list stays as it was until you reload it.</Text>
        <Button size="compact-md" leftSection={<IconArrowUp size={16} />} onClick={onCatchUp} data-testid="list-catch-up">
          Show the latest
        </Button>
      </Group>
    </Paper>
  );
}
