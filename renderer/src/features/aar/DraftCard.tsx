import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Select } from '../../components/Select';
import { IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import type { Incident } from '../../../../shared/contract';
import { useSingleCommand } from '../../lib/query';
import { useFrameworks } from './use-aar';

/** No report yet: the planner picks a framework and drafts it from the record. */
export function DraftCard({ incident }: { incident: Incident }) {
  const { frameworks } = useFrameworks();
  const draft = useSingleCommand('aar.draft');
  const [frameworkId, setFrameworkId] = useState<string | null>(null);
  const chosen = frameworkId ?? frameworks.find((f) => f.shortName === 'HPP 2023')?.id ?? frameworks[0]?.id ?? null;
  return (
    <Paper withBorder p="lg" maw={760} data-testid="aar-draft-card">
      <Stack gap="md">
        <Title order={2}>No after-action report yet for {incident.name}</Title>
        <Text>
          Drafting reads the record of this {incident.exercise ? 'exercise' : 'incident'}: its significant events, decisions with their rationale, the objectives of
          each operational period, staffing and resource request figures. It writes a first text for each section and proposes observations you accept, edit or
          dismiss. Nothing is written over later: drafting again only refreshes the proposals you have not yet decided on.
        </Text>
        <Select
          label="Capabilities the report rates against"
          data={frameworks.map((f) => ({ value: f.id, label: f.name }))}
          value={chosen}
          onChange={setFrameworkId}
          allowDeselect={false}
          maw={520}
        />
        {draft.error && <Alert color="red">{draft.error.message}</Alert>}
        <Group>
          <Button
            leftSection={<IconFileText size={18} />}
            loading={draft.isPending}
            onClick={() => draft.mutate({ incidentId: incident.id, ...(chosen ? { frameworkId: chosen } : {}) })}
            data-testid="aar-draft"
          >
            Draft from the record
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
