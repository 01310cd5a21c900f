import { Alert, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { Decision } from '../../../../shared/contract';
import { useShell } from '../../lib/shell-context';
import { StatusBadge } from '../../components/StatusBadge';
import { useIntegrityMarks } from '../integrity/use-integrity-marks';
import { formatDateTime } from '../../lib/format';
import { recordedDiffers } from '../timeline/describe-item';
import { OptionsConsidered } from './OptionsConsidered';
import { SnapshotTable } from './SnapshotTable';
import { PlanCitationLink } from '../plan/PlanCitationLink';

function Block({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

const LINK_LABELS = { entry: 'Log entry', message: 'Message', request: 'Request', decision: 'Decision' } as const;

/** A decision as recorded: never edited; a superseded one says so in words. */
export function DecisionView({ decision: d }: { decision: Decision }) {
  const { coalition } = useShell();
  const tz = coalition.timeZone;
  const failed = useIntegrityMarks().get(d.id);
  return (
    <Stack gap="sm" data-testid="decision-view">
      {failed && (
        <Alert color="red" variant="filled" title="This decision failed the integrity check" data-testid="integrity-failed-alert">
          {failed}
        </Alert>
      )}
      <Group justify="space-between" wrap="nowrap">
        <Title order={3}>{d.title}</Title>
        <StatusBadge tone={d.supersededById ? 'warn' : 'good'}>{d.supersededById ? 'Superseded' : 'In force'}</StatusBadge>
      </Group>
      <Block label="Decision">
        <Text style={{ whiteSpace: 'pre-wrap' }} fw={600}>
          {d.decision}
        </Text>
      </Block>
      {d.options.length > 0 && (
        <Block label="Options considered">
          <OptionsConsidered options={d.options} />
        </Block>
      )}
      <Block label="Rationale">
        <Text style={{ whiteSpace: 'pre-wrap' }}>{d.rationale}</Text>
      </Block>
      <Block label="Authority">
        <Text>{d.authority}</Text>
        {d.citation && <PlanCitationLink citation={d.citation} />}
      </Block>
      <Block label="Made by">
        <Text>
          {d.madeByName} · {d.madeByPositionTitle}, {formatDateTime(d.decidedAt, tz)}
        </Text>
        <Text size="sm" c="dimmed">
          Recorded {recordedDiffers({ occurredAt: d.decidedAt, recordedAt: d.recordedAt }) ? formatDateTime(d.recordedAt, tz) : 'at the time'} by{' '}
          {d.operatorName ?? 'unknown'}
          {d.operatorPositionTitle ? ` (${d.operatorPositionTitle})` : ''}
        </Text>
      </Block>
      {d.links.length > 0 && (
        <Block label="Responds to">
          <List spacing={2}>
            {d.links.map((l) => (
              <List.Item key={`${l.type}:${l.id}`}>
                <b>{LINK_LABELS[l.type]}:</b> {l.label}
              </List.Item>
            ))}
          </List>
        </Block>
      )}
      <Paper withBorder p="xs">
        <Block label="Situation when decided (automatic)">
          <SnapshotTable snapshot={d.snapshot} />
        </Block>
      </Paper>
    </Stack>
  );
}
