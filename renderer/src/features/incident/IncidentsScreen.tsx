import { Button, Grid, Group, Kbd, Paper, Title } from '@mantine/core';
import { IconAdjustments, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useScreenIntent } from '../../lib/screen-intent';
import { catalogueShortcut } from '../../lib/shortcut-catalogue';
import { formatKeys } from '../../lib/shortcuts';
import { CreateIncidentModal } from './CreateIncidentModal';
import { IncidentDetail } from './IncidentDetail';
import { IncidentList } from './IncidentList';
import { LevelsModal } from './LevelsModal';
import { useActiveIncident } from './use-active-incident';

const NEW_KEYS = formatKeys(catalogueShortcut('incident.new').keys);

/** Incidents and exercises: start one, run its periods and staffing, close it. */
export function IncidentsScreen() {
  const { incident: active } = useActiveIncident();
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [levels, setLevels] = useState(false);
  const current = selected ?? active?.id ?? null;
  useScreenIntent('new', () => setCreating(true));
  return (
    <Grid gap="md" data-testid="incidents-screen">
      <Grid.Col span={12}>
        <Group justify="space-between">
          <Title order={1}>Incidents</Title>
          <Group>
            <Button variant="default" leftSection={<IconAdjustments size={18} />} onClick={() => setLevels(true)} data-testid="edit-levels">
              Activation levels
            </Button>
            <Button leftSection={<IconPlus size={18} />} rightSection={<Kbd size="xs">{NEW_KEYS}</Kbd>} onClick={() => setCreating(true)} data-testid="new-incident">
              New incident
            </Button>
          </Group>
        </Group>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Paper withBorder p="sm">
          <IncidentList activeId={active?.id ?? null} selectedId={current} onSelect={setSelected} />
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 8 }}>{current && <IncidentDetail key={current} incidentId={current} />}</Grid.Col>
      <CreateIncidentModal opened={creating} onClose={() => setCreating(false)} onCreated={(id) => setSelected(id)} />
      <LevelsModal opened={levels} onClose={() => setLevels(false)} />
    </Grid>
  );
}
