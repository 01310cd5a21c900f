import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { StatusBadge } from '../../components/StatusBadge';
import { useMethod } from '../../lib/query';
import { IntegrityProblems } from '../integrity/IntegrityProblems';

/** Recomputes every workstation's hash chain and names any record that does not match. */
export function IntegrityPanel() {
  const verify = useMethod('integrity.verify', {}, { enabled: false });
  const r = verify.data;
  return (
    <Paper withBorder p="md" data-testid="integrity-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>Record integrity</Title>
          <Button onClick={() => void verify.refetch()} loading={verify.isFetching}>
            Verify now
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          Every record of fact is chained by SHA-256 to the one before it on the same workstation. A record changed or
          removed outside the console breaks the chain at that record.
        </Text>
        {verify.error && <Alert color="red">{verify.error.message}</Alert>}
        {r && (
          <Group>
            <StatusBadge tone={r.ok ? 'good' : 'bad'} testId="integrity-result">
              {r.ok ? 'Chains intact' : `${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} found`}
            </StatusBadge>
            <Text size="sm">
              {r.checkedLinks} records checked across {r.workstations} workstation{r.workstations === 1 ? '' : 's'}.
            </Text>
          </Group>
        )}
        {r && <IntegrityProblems problems={r.problems} />}
      </Stack>
    </Paper>
  );
}
