import { Badge, Box, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Message } from '../../../../shared/contract';
import { useShell } from '../../lib/shell-context';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime, localParts } from '../../lib/format';
import { recordedDiffers } from '../timeline/describe-item';
import { PRIORITY_LABELS, VIA_LABELS } from './labels';

/** One ICS 213 block: its official number and name, then what was written. */
function FormBlock({ n, name, children, testId }: { n: number; name: string; children: React.ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="xs" radius={0} data-testid={testId}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {n}. {name}
      </Text>
      <div>{children}</div>
    </Paper>
  );
}

/** The message laid out like the ICS 213 General Message, blocks 1-10. */
export function MessageView({ message: m, incidentName }: { message: Message; incidentName: string }) {
  const { coalition } = useShell();
  const tz = coalition.timeZone;
  const at = localParts(m.messageAt, tz);
  return (
    <Stack gap={0} data-testid="message-view">
      <Group justify="space-between" mb="xs">
        <Text fw={800} size="lg">
          ICS 213 · General Message
        </Text>
        <Group gap="xs">
          <StatusBadge tone="info">{m.direction === 'in' ? 'Incoming' : 'Outgoing'}</StatusBadge>
          <Badge variant="outline" radius="sm" size="lg">
            {VIA_LABELS[m.via]}
          </Badge>
          {m.priority !== 'routine' && <StatusBadge tone="bad">{PRIORITY_LABELS[m.priority]}</StatusBadge>}
          {m.transcribed && <StatusBadge tone="warn">{`Typed in from ${VIA_LABELS[m.via].toLowerCase()}`}</StatusBadge>}
        </Group>
      </Group>
      <FormBlock n={1} name="Incident name">
        {incidentName}
      </FormBlock>
      <SimpleGrid cols={2} spacing={0}>
        <FormBlock n={2} name="To (name and position)">
          {m.toName} · {m.toPosition}
        </FormBlock>
        <FormBlock n={3} name="From (name and position)">
          {m.fromName} · {m.fromPosition}
        </FormBlock>
      </SimpleGrid>
      {/* The date and time take what they need; the subject the rest, so it is not cut into short lines. */}
      <Box style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto auto' }}>
        <FormBlock n={4} name="Subject">
          <Text fw={700}>{m.subject}</Text>
        </FormBlock>
        <FormBlock n={5} name="Date">
          {at.date}
        </FormBlock>
        <FormBlock n={6} name="Time" testId="message-time">
          {at.hm} {at.zone}
        </FormBlock>
      </Box>
      <FormBlock n={7} name="Message">
        <Text style={{ whiteSpace: 'pre-wrap' }}>{m.body}</Text>
      </FormBlock>
      <FormBlock n={8} name="Approved by (name, position/title)">
        {m.approvedByName ? `${m.approvedByName} · ${m.approvedByPosition ?? ''}` : '—'}
      </FormBlock>
      <FormBlock n={9} name="Reply">
        <Text style={{ whiteSpace: 'pre-wrap' }}>{m.reply?.text ?? '—'}</Text>
      </FormBlock>
      <FormBlock n={10} name="Replied by (name, position/title, date/time)">
        {m.reply ? `${m.reply.repliedByName} · ${m.reply.repliedByPosition} · ${formatDateTime(m.reply.repliedAt, tz)}` : '—'}
      </FormBlock>
      <Text size="sm" c="dimmed" mt="xs">
        Linked into the {m.positionTitle} log. Recorded {recordedDiffers({ occurredAt: m.messageAt, recordedAt: m.recordedAt }) ? formatDateTime(m.recordedAt, tz) : 'at the time'} by{' '}
        {m.operatorName ?? 'unknown'}
        {m.operatorPositionTitle ? ` (${m.operatorPositionTitle})` : ''}.
      </Text>
    </Stack>
  );
}
