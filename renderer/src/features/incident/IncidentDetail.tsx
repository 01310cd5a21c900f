import { Alert, Loader, Paper, Stack, Tabs } from '@mantine/core';
import { useMethod } from '../../lib/query';
import { IncidentIntegrity } from '../integrity/IncidentIntegrity';
import { ChecklistsPanel } from './ChecklistsPanel';
import { IncidentHeader } from './IncidentHeader';
import { IncidentSettings } from './IncidentSettings';
import { PeriodsPanel } from './PeriodsPanel';

/** One incident: its header and level, its periods (ICS 202 and staffing), checklists, settings, integrity. */
export function IncidentDetail({ incidentId }: { incidentId: string }) {
  const q = useMethod('incident.get', { id: incidentId });
  if (q.error) return <Alert color="red">{q.error.message}</Alert>;
  if (!q.data) return <Loader />;
  const { incident, periods, currentPeriod } = q.data;
  return (
    <Stack gap="md" data-testid="incident-detail">
      <Paper withBorder p="md">
        <IncidentHeader incident={incident} currentPeriod={currentPeriod} />
      </Paper>
      <Tabs defaultValue="period" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="period">Operational periods (ICS 202)</Tabs.Tab>
          <Tabs.Tab value="checklists">Checklists</Tabs.Tab>
          <Tabs.Tab value="settings">Details and approvers</Tabs.Tab>
          <Tabs.Tab value="integrity">Integrity</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="period" pt="md">
          <PeriodsPanel incident={incident} periods={periods} currentPeriod={currentPeriod} />
        </Tabs.Panel>
        <Tabs.Panel value="checklists" pt="md">
          <ChecklistsPanel incidentId={incident.id} readOnly={incident.status === 'closed'} />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <IncidentSettings incident={incident} />
        </Tabs.Panel>
        <Tabs.Panel value="integrity" pt="md">
          <IncidentIntegrity incidentId={incident.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
