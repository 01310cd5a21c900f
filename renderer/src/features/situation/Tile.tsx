import { Paper, Text, useComputedColorScheme } from '@mantine/core';
import type { ReactNode } from 'react';

/** A figure read from across the room: the number large, what it counts in words beneath. */
export function Tile({ label, value, detail, tone, wall, testId }: { label: string; value: string; detail?: ReactNode; tone?: 'bad' | 'warn' | undefined; wall: boolean; testId?: string }) {
  const color = tone === 'bad' ? 'red' : tone === 'warn' ? 'yellow' : undefined;
  // The figure in its tone, dark enough on a light page and light enough on a dark one (WCAG AA).
  const shade = useComputedColorScheme('dark') === 'light' ? 9 : 4;
  return (
    <Paper withBorder p={wall ? 'md' : 'sm'} data-testid={testId} data-value={value} style={color ? { borderColor: `var(--mantine-color-${color}-6)`, borderWidth: 2 } : undefined}>
      <Text size={wall ? 'lg' : 'xs'} tt="uppercase" fw={700} c="dimmed">
        {label}
      </Text>
      {/* On a wall, as large as the tile's width allows: "42 of 42" on one line at 1280 px too. */}
      <Text fz={wall ? 'clamp(36px, 2.9vw, 56px)' : 32} fw={800} lh={1.1} c={color ? `${color}.${shade}` : undefined}>
        {value}
      </Text>
      {detail && <Text fz={wall ? 'lg' : 'sm'}>{detail}</Text>}
    </Paper>
  );
}
