import { Alert, Button, Grid, Group, Kbd, Paper, ScrollArea, Switch, Table, Text, Title } from '@mantine/core';
import { IconGavel } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../backend';
import { useShell } from '../../lib/shell-context';
import { useScreenIntent } from '../../lib/screen-intent';
import { StatusBadge } from '../../components/StatusBadge';
import { TIME_COLUMN_WIDTH, TimeCell } from '../../components/TimeCell';
import { useMethod } from '../../lib/query';
import { ChooseActiveIncident } from '../incident/ChooseActiveIncident';
import { useActiveIncident } from '../incident/use-active-incident';
import { ExportButton } from '../integrity/ExportButton';
import { FailedMark } from '../integrity/FailedMark';
import { useIntegrityMarks } from '../integrity/use-integrity-marks';
import { DecisionDetail } from './DecisionDetail';
import { DecisionFormModal } from './DecisionFormModal';

/** The decision log: every decision of the incident, newest first, and the one opened in full. */
export function DecisionsScreen() {
  const { coalition } = useShell();
  const { incident } = useActiveIncident();
  const [showSuperseded, setShowSuperseded] = useState(true);
  const [selected, setSelected] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  const list = useMethod(
    'decision.list',
    { incidentId: incident?.id ?? '', includeSuperseded: showSuperseded },
    { enabled: !!incident },
  );
  useScreenIntent('record', () => setRecording(true), !!incident);
  const marks = useIntegrityMarks();
  if (!incident) {
    return (
      <>
        <Title order={1}>Decisions</Title>
        <ChooseActiveIncident purpose="Decisions are recorded in the active incident." />
      </>
    );
  }
  const decisions = [...(list.data?.decisions ?? [])].sort((a, b) => b.decidedAt - a.decidedAt);
  const current = selected ?? decisions[0]?.id ?? null;
  return (
    <Grid gap="md" data-testid="decisions-screen">
      <Grid.Col span={12}>
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={1}>Decision log</Title>
            {incident.exercise && <StatusBadge tone="warn">Exercise</StatusBadge>}
          </Group>
          <Group>
            <Switch
              label="Show superseded"
              checked={showSuperseded}
              onChange={(e) => setShowSuperseded(e.currentTarget.checked)}
            />
            <ExportButton
              label="Print decision log"
              testId="export-decision-log"
              run={() => call('export.decisionLog', { incidentId: incident.id })}
            />
            <Button
              leftSection={<IconGavel size={18} />}
              rightSection={<Kbd size="xs">Ctrl+Shift+D</Kbd>}
              onClick={() => setRecording(true)}
              data-testid="record-decision"
            >
              Record decision
            </Button>
          </Group>
        </Group>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Paper withBorder>
          {list.error && <Alert color="red">{list.error.message}</Alert>}
          {decisions.length === 0 ? (
            <Text c="dimmed" p="md">
              No decision recorded yet.
            </Text>
          ) : (
            <ScrollArea.Autosize mah="calc(100dvh - 220px)">
              <Table highlightOnHover layout="fixed" data-testid="decision-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={TIME_COLUMN_WIDTH}>Time</Table.Th>
                    <Table.Th>Decision and status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {decisions.map((d) => (
                    <Table.Tr
                      key={d.id}
                      onClick={() => setSelected(d.id)}
                      onKeyDown={(e) => e.key === 'Enter' && setSelected(d.id)}
                      tabIndex={0}
                      bg={d.id === current ? 'var(--mantine-color-default-hover)' : undefined}
                      style={{ cursor: 'pointer' }}
                      aria-selected={d.id === current}
                    >
                      <TimeCell ms={d.decidedAt} timeZone={coalition.timeZone} />
                      <Table.Td>
                        {/* The status above the title, not in a column of its own: at 1280 that column left the title a word a line. */}
                        <Group gap={6} mb={2}>
                          {marks.get(d.id) && <FailedMark problem={marks.get(d.id)!} />}
                          <StatusBadge tone={d.supersededById ? 'warn' : 'good'}>{d.supersededById ? 'Superseded' : 'In force'}</StatusBadge>
                        </Group>
                        <Text fw={600} td={d.supersededById ? 'line-through' : undefined}>
                          {d.title}
                        </Text>
                        <Text size="sm" c="dimmed">
                          {d.madeByName} · {d.madeByPositionTitle}
                          {/* Whether alternatives were weighed, as the after-action review asks of each decision. */}
                          {d.options.length > 0 && ` · ${d.options.length} option${d.options.length === 1 ? '' : 's'} considered`}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          )}
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        {current && (
          <Paper withBorder p="md">
            <DecisionDetail key={current} decisionId={current} incidentId={incident.id} />
          </Paper>
        )}
      </Grid.Col>
      <DecisionFormModal opened={recording} onClose={() => setRecording(false)} incidentId={incident.id} />
    </Grid>
  );
}
