import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useShell } from '../../lib/shell-context';
import { StatusBadge } from '../../components/StatusBadge';
import { formatAge, formatDateTime } from '../../lib/format';
import { useMethod } from '../../lib/query';
import { describeAudit } from './describe-audit';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" tt="uppercase" fw={600} c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** This workstation at a glance: who is on duty, the store's health, and what happened here (Settings, This workstation). */
export function OverviewScreen() {
  const { coalition, workstation, session } = useShell();
  const backups = useMethod('backup.list', {});
  const audit = useMethod('audit.recent', { limit: 25 });
  const last = backups.data?.backups[0];
  return (
    <Stack gap="md" data-testid="overview-screen">
      <Title order={1}>This workstation</Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Fact label="Coalition">
              <Text fw={700}>{coalition.name}</Text>
              <Text size="sm">{coalition.region}</Text>
            </Fact>
            <Fact label="Time zone">{coalition.timeZone}</Fact>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Fact label="On duty at this workstation">
              <Text fw={700}>{session.operatorName}</Text>
              <Text size="sm">
                {session.position.title} since {formatDateTime(session.signedInAt, coalition.timeZone)}
              </Text>
            </Fact>
            <Fact label="Workstation">{workstation.name}</Fact>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Fact label="Last backup">
            {last ? (
              <Stack gap={4}>
                <StatusBadge tone={last.verified ? 'good' : 'bad'}>{last.verified ? 'Verified' : 'Failed check'}</StatusBadge>
                <Text size="sm">
                  {formatAge(last.createdAt)} ({last.reason})
                </Text>
              </Stack>
            ) : (
              <Stack gap={4}>
                <StatusBadge tone="warn">No backup yet</StatusBadge>
                <Text size="sm">The first is taken within 10 minutes of the first change, or now from Settings.</Text>
              </Stack>
            )}
          </Fact>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          Workstation activity
        </Title>
        <Table striped data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={220}>Recorded</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th w={260}>By</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(audit.data?.entries ?? []).map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatDateTime(e.recordedAt, coalition.timeZone)}</Table.Td>
                <Table.Td>{describeAudit(e.action, e.detail)}</Table.Td>
                <Table.Td>{e.operatorName ? `${e.operatorName} · ${e.positionTitle}` : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
