import { Badge, type MantineColor } from '@mantine/core';

export type Tone = 'good' | 'warn' | 'bad' | 'neutral' | 'info';
const COLORS: Record<Tone, MantineColor> = { good: 'teal', warn: 'yellow', bad: 'red', neutral: 'gray', info: 'indigo' };

/** A status shown in words, with colour only as a second cue. */
export function StatusBadge({ tone, children, testId }: { tone: Tone; children: string; testId?: string }) {
  return (
    <Badge color={COLORS[tone]} variant={tone === 'bad' ? 'filled' : 'light'} size="lg" radius="sm" data-testid={testId}>
      {children}
    </Badge>
  );
}
