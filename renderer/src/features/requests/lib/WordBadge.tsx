import { Badge, type MantineColor } from '@mantine/core';
import type { Tone } from '../../../components/StatusBadge';

const COLORS: Record<Tone, MantineColor> = { good: 'teal', warn: 'yellow', bad: 'red', neutral: 'gray', info: 'indigo' };

/**
 * A status in words that never truncates: in a narrow table cell the words wrap rather than
 * end in "…", because the words, not the colour, carry the status.
 */
export function WordBadge({ tone, children, testId, filled }: { tone: Tone; children: string; testId?: string; filled?: boolean }) {
  return (
    <Badge
      color={COLORS[tone]}
      variant={filled || tone === 'bad' ? 'filled' : 'light'}
      size="lg"
      radius="sm"
      data-testid={testId}
      styles={{
        root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: 'none', flexShrink: 0, paddingBlock: 2 },
        label: { overflow: 'visible', whiteSpace: 'normal', textOverflow: 'clip', lineHeight: 1.25 },
      }}
    >
      {children}
    </Badge>
  );
}
