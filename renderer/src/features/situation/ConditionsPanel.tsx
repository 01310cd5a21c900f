import { Group, Paper, Stack, Text, Title, useComputedColorScheme } from '@mantine/core';
import type { MethodOutput } from '../../../../shared/contract';
import { StatusBadge } from '../../components/StatusBadge';
import { SEVERITY_TONE } from '../status/labels';
import { wallNameLines } from './wall-lines';

type Board = MethodOutput<'status.board'>;
/**
 * Large words on a wall display: the colour of their severity, light enough on a dark page
 * and dark enough on a light one (orange.6 on white is 2.6:1, under even large text's 3:1).
 */
const TEXT_COLOR: Record<'dark' | 'light', Record<string, string>> = {
  dark: { critical: 'red.6', warning: 'orange.6', advisory: 'indigo.5', normal: 'teal.6', unknown: 'dimmed' },
  light: { critical: 'red.9', warning: 'orange.9', advisory: 'indigo.9', normal: 'teal.9', unknown: 'dimmed' },
};

/** Facilities closed, evacuating, without power, on diversion, on generator: counted and named, in words. */
export function ConditionsPanel({ board, wall }: { board: Board; wall: boolean }) {
  const colors = TEXT_COLOR[useComputedColorScheme('dark')];
  const names = board.conditions.map((c) => c.facilities.map((f) => `${f.name}${f.staleness && f.staleness !== 'CURRENT' ? ` (${f.staleness})` : ''}`).join(', '));
  const lines = wallNameLines(names);
  return (
    <Paper withBorder p="md" data-testid="sit-conditions">
      <Title order={wall ? 2 : 3} mb="xs">
        Facilities
      </Title>
      <Stack gap={wall ? 'sm' : 'xs'}>
        {board.conditions.map((c, i) => (
          <Stack key={c.words} gap={2} data-testid="condition" data-words={c.words} data-count={c.facilities.length}>
            {wall ? (
              <Text fz={30} fw={800} lh={1.1} c={c.facilities.length ? colors[c.severity] : 'dimmed'}>
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
              // On a wall, a few lines of names at most: the count above says how many in words.
              <Text fz={wall ? 'xl' : 'sm'} lh={wall ? 1.4 : undefined} lineClamp={wall ? lines[i] : undefined} data-testid="condition-names">
                {names[i]}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
