import { Alert, Button, Group, Loader, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { Select } from '../../components/Select';
import { IconPhoneCall, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../backend';
import { useMethod } from '../../lib/query';
import { savePrint } from '../activation/print-sheet';
import { useActiveIncident } from '../incident/use-active-incident';
import { openStartCalldown } from './StartCalldownForm';
import { TargetsTable } from './TargetsTable';
import { runOrSay } from '../../lib/said-failure';

/** The call-downs of the working incident: who is still to reach first, one click per call. */
export function CalldownPanel() {
  const { incident, loading } = useActiveIncident();
  const list = useMethod('calldown.list', { incidentId: incident?.id ?? '' }, { enabled: !!incident });
  const [chosen, setChosen] = useState<string | null>(null);
  const id = chosen ?? list.data?.calldowns[0]?.id ?? null;
  const detail = useMethod('calldown.get', { id: id ?? '' }, { enabled: !!id });
  if (loading) return <Loader />;
  if (!incident) return <Alert color="yellow">Choose or open an incident first (Incidents, Alt+2): a call-down belongs to an activation.</Alert>;
  const d = detail.data;
  const open = incident.status === 'open';
  return (
    <Stack gap="sm" data-testid="calldown-panel">
      <Group justify="space-between" align="flex-end">
        <Select
          label={`Call-downs of ${incident.name}`}
          placeholder="None yet"
          // As wide as the row leaves: a call-down's title and its progress read whole.
          style={{ flex: 1, maxWidth: 720 }}
          data={(list.data?.calldowns ?? []).map((c) => ({ value: c.id, label: `${c.title} · ${c.progress}` }))}
          value={id}
          onChange={setChosen}
          allowDeselect={false}
        />
        <Group gap="xs">
          {d && (
            <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => void runOrSay('Call-down list not printed', async () => savePrint(await call('calldown.print', { id: d.calldown.id }), 'Call-down list'))}>
              Print the list
            </Button>
          )}
          {open && (
            <Button leftSection={<IconPhoneCall size={18} />} onClick={() => openStartCalldown(incident.id, setChosen)} data-testid="start-calldown">
              Start a call-down
            </Button>
          )}
        </Group>
      </Group>
      {detail.error && <Alert color="red">{detail.error.message}</Alert>}
      {d && (
        <>
          <Paper withBorder p="sm">
            <Group justify="space-between">
              <Stack gap={0}>
                <Title order={2} data-testid="calldown-progress">
                  {d.calldown.progress}
                </Title>
                <Text size="sm" c="dimmed">
                  {d.calldown.source}
                </Text>
              </Stack>
              <Text fw={700} c={d.calldown.total - d.calldown.reached ? 'orange' : 'teal'}>
                {d.calldown.total - d.calldown.reached ? `${d.calldown.total - d.calldown.reached} still to reach` : 'Everyone reached'}
              </Text>
            </Group>
            <Progress mt="xs" value={(100 * d.calldown.reached) / Math.max(1, d.calldown.total)} color="teal" aria-label={d.calldown.progress} />
          </Paper>
          <Title order={3}>Still to reach</Title>
          <TargetsTable calldownId={d.calldown.id} targets={d.targets.filter((t) => t.status !== 'reached')} open={open} testId="to-reach" />
          <Title order={3}>Reached</Title>
          <TargetsTable calldownId={d.calldown.id} targets={d.targets.filter((t) => t.status === 'reached')} open={false} testId="reached" />
        </>
      )}
    </Stack>
  );
}
