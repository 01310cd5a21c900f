import { Badge, type MantineColor } from '@mantine/core';

export type Tone = 'good' | 'warn' | 'bad' | 'neutral' | 'info';
const COLORS: Record<Tone, MantineColor> = {
  good: 'teal',
  warn: 'yellow',
  bad: 'red',
  neutral: 'gray',
  info: 'indigo',
};

/** A status shown in words, with colour only as a second cue. */
export function StatusBadge({ tone, children, testId }: { tone: Tone; children: string; testId?: string }) {
  return (
    <Badge
      color={COLORS[tone]}
      variant={tone === 'bad' ? 'filled' : 'light'}
      size="lg"
      radius="sm"
      data-testid={testId}
      // A status word is never cut: "AVAIL…" says nothing. Long words wrap instead.
      styles={{
        root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%' },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.2 },
      }}
    >
      {children}
    </Badge>
  );
}
