import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { StatusBadge } from '../../components/StatusBadge';
import { useMethod } from '../../lib/query';
import { IntegrityProblems } from './IntegrityProblems';

/** Recomputes the hash chains and names every record of this incident that fails. */
export function IncidentIntegrity({ incidentId }: { incidentId: string }) {
  const verify = useMethod('incident.verify', { incidentId }, { enabled: false });
  const r = verify.data;
  return (
    <Paper withBorder p="md" data-testid="incident-integrity">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>Integrity of this incident&apos;s record</Title>
          <Button onClick={() => void verify.refetch()} loading={verify.isFetching} data-testid="verify-incident">
            Verify the record
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          Every log entry, decision, message and tick is chained by SHA-256 to the record before it. A row changed or
          removed outside the console breaks its link; the table below names it.
        </Text>
        {verify.error && <Alert color="red">{verify.error.message}</Alert>}
        {r && (
          <Group>
            <StatusBadge tone={r.ok ? 'good' : 'bad'} testId="incident-integrity-result">
              {r.ok ? 'Record intact' : `${r.problems.length} record${r.problems.length === 1 ? '' : 's'} failed`}
            </StatusBadge>
            <Text size="sm">
              {r.incidentRecords.toLocaleString('en-US')} records of this incident among {r.checkedLinks.toLocaleString('en-US')} chain links checked.
            </Text>
          </Group>
        )}
        {r && <IntegrityProblems problems={r.problems} />}
      </Stack>
    </Paper>
  );
}
