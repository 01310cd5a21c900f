import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { MethodOutput } from '../../../../shared/contract';
import { StatusBadge } from '../../components/StatusBadge';
import { SEVERITY_TONE } from '../status/labels';

type Board = MethodOutput<'status.board'>;
/** Large words on a wall display: the colour of their severity, readable on both themes. */
const TEXT_COLOR: Record<string, string> = { critical: 'red.6', warning: 'orange.6', advisory: 'indigo.5', normal: 'teal.6', unknown: 'dimmed' };

/** Facilities closed, evacuating, without power, on diversion, on generator: counted and named, in words. */
export function ConditionsPanel({ board, wall }: { board: Board; wall: boolean }) {
  return (
    <Paper withBorder p="md" data-testid="sit-conditions">
      <Title order={wall ? 2 : 3} mb="xs">
        Facilities
      </Title>
      <Stack gap={wall ? 'md' : 'xs'}>
        {board.conditions.map((c) => (
          <Stack key={c.words} gap={2} data-testid="condition" data-words={c.words} data-count={c.facilities.length}>
            {wall ? (
              <Text fz={32} fw={800} lh={1.1} c={c.facilities.length ? TEXT_COLOR[c.severity] : 'dimmed'}>
                {`${c.facilities.length} ${c.words.toUpperCase()}`}
              </Text>
            ) : (
              <Group gap="sm" wrap="nowrap">
                <StatusBadge tone={c.facilities.length ? SEVERITY_TONE[c.severity] : 'neutral'} filled={c.facilities.length > 0}>
                  {`${c.facilities.length} ${c.words.toUpperCase()}`}
                </StatusBadge>
              </Group>
            )}
            {c.facilities.length > 0 && (
              <Text fz={wall ? 'xl' : 'sm'} data-testid="condition-names">
                {c.facilities.map((f) => `${f.name}${f.staleness && f.staleness !== 'CURRENT' ? ` (${f.staleness})` : ''}`).join(', ')}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
