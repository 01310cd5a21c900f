import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { Fragment } from 'react';
import type { BoardRow } from '../../../../../shared/contract';
import { formatDuration } from '../../../../../shared/domain/request-aging';
import { StatusBadge } from '../../../components/StatusBadge';
import { PRIORITY_TONE, STATUS_TONE } from '../lib/labels';

/** URGENT and OVERDUE, in words, filled red: they must be seen from across the room. */
export function Flags({ row }: { row: Pick<BoardRow, 'flags' | 'overdueReason'> }) {
  return (
    <Group gap={4} wrap="nowrap">
      {row.flags.map((flag) => (
        <Tooltip key={flag} label={flag === 'OVERDUE' ? (row.overdueReason ?? 'Overdue') : 'Urgent priority'} multiline w={300}>
          <Badge color={flag === 'OVERDUE' ? 'red' : 'orange'} variant="filled" radius="sm" size="lg" data-testid={`flag-${flag.toLowerCase()}`}>
            {flag}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}

/** The status in words, and OVERDUE beneath it when it is. */
export function StatusCell({ row }: { row: BoardRow }) {
  return (
    <Stack gap={4} align="flex-start">
      <StatusBadge tone={STATUS_TONE[row.status]} testId="row-status">
        {row.statusLabel}
      </StatusBadge>
      <Flags row={{ ...row, flags: row.flags.filter((f) => f === 'OVERDUE') }} />
    </Stack>
  );
}

/** Urgent is the one priority that must be seen from across the room: filled, in capitals. */
export function PriorityCell({ row }: { row: BoardRow }) {
  if (row.priority === 'urgent') {
    return (
      <StatusBadge tone="bad" filled testId="flag-urgent">
        URGENT
      </StatusBadge>
    );
  }
  return <StatusBadge tone={PRIORITY_TONE[row.priority]}>{row.priorityLabel}</StatusBadge>;
}

/** A duration in words; with a suffix ("in status") it is a second, dimmed line under another. */
export function DurationCell({ ms, suffix }: { ms: number; suffix?: string }) {
  return suffix ? (
    <Text size="xs" c="dimmed">
      {formatDuration(ms)}
      {suffix}
    </Text>
  ) : (
    <Text ff="monospace" style={{ whiteSpace: 'nowrap' }}>
      {formatDuration(ms)}
    </Text>
  );
}

/**
 * "Finance/Administration" is one word to the browser: wider than the board's column at 1280,
 * it was cut. It may break after its slash (the words read the same to a screen reader).
 */
function BreakAfterSlash({ text }: { text: string }) {
  const parts = text.split('/');
  return parts.map((p, i) => (
    <Fragment key={i}>
      {p}
      {i < parts.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </Fragment>
  ));
}

export function NextCell({ row }: { row: BoardRow }) {
  if (!row.nextAction) return <Text c="dimmed">None: finished</Text>;
  return (
    <Stack gap={0}>
      <Text fw={600} size="sm">
        <BreakAfterSlash text={row.nextAction.roleLabel} />
      </Text>
      <Text size="xs" c="dimmed">
        {row.nextAction.label}
      </Text>
    </Stack>
  );
}
