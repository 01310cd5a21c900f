import { Badge, type MantineColor } from '@mantine/core';

export type Tone = 'good' | 'warn' | 'bad' | 'neutral' | 'info';
const COLORS: Record<Tone, MantineColor> = {
  good: 'teal',
  warn: 'yellow',
  bad: 'red',
  neutral: 'gray',
  info: 'indigo',
};

/**
 * A status shown in words, with colour only as a second cue. The words never truncate:
 * in a narrow table cell they wrap rather than end in "…" ("AVAIL…" says nothing). `big`
 * is for a wall display, read from across the room like the text around it (20 px, not 13).
 * `oneLine` keeps its words on one line where its column is made as wide as they are ("PAST"
 * over "DEADLINE" reads as two things).
 */
export function StatusBadge({ tone, children, testId, filled, big, oneLine }: { tone: Tone; children: string; testId?: string; filled?: boolean; big?: boolean; oneLine?: boolean }) {
  return (
    <Badge
      color={COLORS[tone]}
      variant={filled || tone === 'bad' ? 'filled' : 'light'}
      size={big ? 'xl' : 'lg'}
      radius="sm"
      data-testid={testId}
      styles={{
        root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', flexShrink: 0, paddingBlock: 2 },
        label: { whiteSpace: oneLine ? 'nowrap' : 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.25, ...(big ? { fontSize: 'var(--mantine-font-size-xl)' } : {}) },
      }}
    >
      {children}
    </Badge>
  );
}
