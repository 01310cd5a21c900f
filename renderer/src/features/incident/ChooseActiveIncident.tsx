import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Select } from '../../components/Select';
import { useState } from 'react';
import { Link } from 'wouter';
import { useMethod } from '../../lib/query';
import { useSetActiveIncident } from './use-active-incident';

/** Shown where a screen needs the workstation's active incident and there is none. */
export function ChooseActiveIncident({ purpose }: { purpose: string }) {
  const open = useMethod('incident.list', { status: 'open' });
  const setActive = useSetActiveIncident();
  const [choice, setChoice] = useState<string | null>(null);
  const incidents = open.data?.incidents ?? [];
  return (
    <Alert color="yellow" variant="light" title="No active incident on this workstation" data-testid="choose-active-incident">
      <Stack gap="sm">
        <Text size="sm">{purpose}</Text>
        {incidents.length > 0 ? (
          <Group align="flex-end">
            <Select
              label="Make this incident active"
              data={incidents.map((i) => ({ value: i.id, label: i.exercise ? `${i.name} (EXERCISE)` : i.name }))}
              value={choice}
              onChange={setChoice}
              searchable
              w={360}
              data-autofocus
            />
            <Button disabled={!choice} loading={setActive.isPending} onClick={() => choice && setActive.mutate({ incidentId: choice })}>
              Make active
            </Button>
          </Group>
        ) : (
          <Text size="sm">
            No incident is open. <Anchor component={Link} href="/incidents" fw={700} c="inherit" underline="always">
              Open one on the Incidents screen (Alt+2).
            </Anchor>
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
