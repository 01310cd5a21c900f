import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { LogEntry } from '../../../../shared/contract';
import { useShell } from '../../lib/shell-context';
import { formatDateTime } from '../../lib/format';
import { recordedDiffers } from '../timeline/describe-item';
import { FailedMark } from '../integrity/FailedMark';
import { useIntegrityMarks } from '../integrity/use-integrity-marks';
import { transcriptionMark } from './sources';
import { useWorkstationLabel } from '../../lib/workstations';

const SIGNIFICANCE: Record<LogEntry['significance'], string | null> = {
  none: null,
  proposed: 'Proposed as significant',
  approved: 'On the significant events board',
  declined: 'Not approved for the board',
};

/** One entry in full, as the record holds it; a corrected original says so and stays readable. */
export function EntryCard({ entry, highlight }: { entry: LogEntry; highlight?: boolean }) {
  const { coalition } = useShell();
  const workstationLabel = useWorkstationLabel();
  const tz = coalition.timeZone;
  const mark = transcriptionMark(entry.source, entry.transcribed);
  const corrected = !!entry.correctedById;
  const failed = useIntegrityMarks().get(entry.id);
  return (
    <Paper withBorder p="sm" data-testid="entry-card" data-corrected={corrected} style={highlight ? { borderColor: 'var(--mantine-color-indigo-5)', borderWidth: 2 } : undefined}>
      <Stack gap={6}>
        <Group gap="xs">
          {failed && <FailedMark problem={failed} />}
          {corrected && (
            <Badge color="orange" variant="filled" radius="sm">
              Corrected — see the correction
            </Badge>
          )}
          {entry.correctsId && (
            <Badge color="indigo" radius="sm">
              Correction
            </Badge>
          )}
          {mark && (
            <Badge color="orange" variant="light" radius="sm">
              {mark}
            </Badge>
          )}
          {SIGNIFICANCE[entry.significance] && (
            <Badge color={entry.significance === 'approved' ? 'teal' : 'gray'} variant="light" radius="sm">
              {SIGNIFICANCE[entry.significance]}
            </Badge>
          )}
        </Group>
        <Text fw={700}>{entry.category}</Text>
        {entry.heardFrom && (
          <Text fw={700} data-testid="entry-heard-from">
            From {entry.heardFrom}
          </Text>
        )}
        <Text style={{ whiteSpace: 'pre-wrap', textDecoration: corrected ? 'line-through' : undefined }}>{entry.text}</Text>
        <Text size="sm" c="dimmed">
          Happened {formatDateTime(entry.occurredAt, tz)}
          {recordedDiffers(entry) ? ` · recorded ${formatDateTime(entry.recordedAt, tz)}` : ''}
        </Text>
        <Text size="sm" c="dimmed">
          {entry.positionTitle} log · by {entry.operatorName ?? 'unknown'}
          {entry.operatorPositionTitle ? ` (${entry.operatorPositionTitle})` : ''} · {workstationLabel(entry.workstationId)}
        </Text>
      </Stack>
    </Paper>
  );
}
