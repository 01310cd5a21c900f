import { Button, Group, Menu, Paper, Stack, Table, Text } from '@mantine/core';
import { IconBroadcast, IconChevronDown } from '@tabler/icons-react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { RecordTable, RowActions } from '../../components/RecordTable';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../lib/format';
import { useMethod } from '../../lib/query';
import { useShell } from '../../lib/shell-context';
import { DemoTag } from '../demo/DemoTag';
import { openAlertForm } from './AlertForm';
import { printAlert, saveAlertXml } from './save-alert';

/** Every CAP alert issued, newest first: a record of fact, exported byte for byte as issued. */
export function AlertsPanel() {
  const { coalition } = useShell();
  const q = useMethod('alert.list', {});
  const alerts = q.data?.alerts ?? [];
  return (
    <Stack gap="sm" data-testid="alerts-panel">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Alerts are CAP 1.2 (OASIS) files for the warning systems that take them; every one issued stays on this
          record.
        </Text>
        <Button
          leftSection={<IconBroadcast size={18} />}
          onClick={() => openAlertForm(null)}
          data-testid="author-alert"
        >
          Author an alert
        </Button>
      </Group>
      {q.error && <ErrorPanel title="The alerts could not be read" error={q.error} />}
      <Paper withBorder p="xs">
        <RecordTable
          rows={alerts}
          columns={['Issued', 'Alert', 'Area', 'Status']}
          empty="No alert issued yet."
          testId="alerts-table"
        >
          {(a) => (
            <Table.Tr key={a.id} data-testid="alert-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatDateTime(a.issuedAt, coalition.timeZone)}</Text>
                <Text size="xs" c="dimmed">
                  {a.operatorName ?? 'unknown'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text fw={700}>
                  {a.headline} <DemoTag demo={a.demo} />
                </Text>
                <Text size="xs" c="dimmed">
                  {a.msgType} · {a.event}
                  {a.expiresAt ? ` · expires ${formatDateTime(a.expiresAt, coalition.timeZone)}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>{a.areaDesc}</Table.Td>
              <Table.Td>
                <StatusBadge tone={a.status === 'Actual' ? 'bad' : a.status === 'Exercise' ? 'warn' : 'neutral'}>
                  {a.status.toUpperCase()}
                </StatusBadge>
              </Table.Td>
              <RowActions>
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => void saveAlertXml(a.id)}
                  data-testid="alert-xml"
                  aria-label={`XML file of ${a.headline}`}
                >
                  XML file
                </Button>
                <Button size="compact-sm" variant="default" onClick={() => void printAlert(a.id)} aria-label={`Print ${a.headline}`}>
                  Print
                </Button>
                {a.msgType !== 'Cancel' && (
                  <Menu>
                    <Menu.Target>
                      <Button size="compact-sm" variant="default" rightSection={<IconChevronDown size={14} />} aria-label={`Follow up ${a.headline}`}>
                        Follow up
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => openAlertForm({ alert: a, msgType: 'Update' })}>
                        Update this alert
                      </Menu.Item>
                      <Menu.Item color="red" onClick={() => openAlertForm({ alert: a, msgType: 'Cancel' })}>
                        Cancel this alert
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                )}
              </RowActions>
            </Table.Tr>
          )}
        </RecordTable>
      </Paper>
    </Stack>
  );
}
