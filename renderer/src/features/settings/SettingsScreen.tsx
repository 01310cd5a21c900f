import { Kbd, Paper, SegmentedControl, SimpleGrid, Stack, Table, Tabs, Text, Title, useMantineColorScheme } from '@mantine/core';
import { useSubview } from '../../lib/use-subview';
import { OverviewScreen } from '../overview/OverviewScreen';
import { useShell } from '../../lib/shell-context';
import { formatKeys, useShortcutList } from '../../lib/shortcuts';
import { useMethod } from '../../lib/query';
import { BackupsPanel } from './BackupsPanel';
import { CategoriesPanel } from './CategoriesPanel';
import { IntegrityPanel } from './IntegrityPanel';
import { LockPanel } from './LockPanel';

function ShortcutsPanel() {
  const list = [...useShortcutList()].sort((a, b) => a.group.localeCompare(b.group) || a.label.localeCompare(b.label));
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm">
        Keyboard shortcuts
      </Title>
      <Table>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td><Kbd>Ctrl+K</Kbd></Table.Td>
            <Table.Td>Command palette: every action, searchable</Table.Td>
          </Table.Tr>
          {list.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td><Kbd>{formatKeys(s.keys)}</Kbd></Table.Td>
              <Table.Td>{s.label}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/**
 * Settings, and this workstation's own activity (who signed in here, backups, exports):
 * the overview that was the landing screen before the situation board took its place.
 */
export function SettingsScreen() {
  const { params, open } = useSubview();
  const tab = params.get('tab') ?? 'settings';
  return (
    <Tabs value={tab} onChange={(v) => open(v && v !== 'settings' ? { tab: v } : null)} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="settings" fz="md" fw={600}>
          Settings
        </Tabs.Tab>
        <Tabs.Tab value="workstation" fz="md" fw={600} data-testid="workstation-tab">
          This workstation
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="settings">
        <SettingsPanels />
      </Tabs.Panel>
      <Tabs.Panel value="workstation">
        <OverviewScreen />
      </Tabs.Panel>
    </Tabs>
  );
}

function SettingsPanels() {
  const { coalition } = useShell();
  const info = useMethod('system.info', {});
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Stack gap="md" data-testid="settings-screen">
      <Title order={1}>Settings</Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md">
          <Title order={3} mb="sm">
            Display
          </Title>
          <SegmentedControl
            aria-label="Theme"
            value={colorScheme === 'auto' ? 'dark' : colorScheme}
            onChange={(v) => setColorScheme(v as 'light' | 'dark')}
            data={[
              { value: 'dark', label: 'Dark' },
              { value: 'light', label: 'Light' },
            ]}
          />
          {info.data && (
            <Stack gap={2} mt="md">
              <Text size="sm">Version {info.data.appVersion} · schema {info.data.schemaVersion}</Text>
              <Text size="sm">Data file: <Text span ff="monospace">{info.data.databaseFile}</Text></Text>
              <Text size="sm">Workstation id: <Text span ff="monospace">{info.data.workstationId}</Text></Text>
              <Text size="sm">
                Signing key fingerprint:{' '}
                <Text span ff="monospace" fw={700} data-testid="key-fingerprint">
                  {info.data.identity.fingerprint}
                </Text>
              </Text>
              <Text size="xs" c="dimmed" data-testid="key-protection">
                Private key kept in {info.data.identity.protection}.
              </Text>
            </Stack>
          )}
        </Paper>
        <ShortcutsPanel />
      </SimpleGrid>
      <LockPanel />
      <CategoriesPanel readOnly={false} />
      <BackupsPanel timeZone={coalition.timeZone} />
      <IntegrityPanel timeZone={coalition.timeZone} />
    </Stack>
  );
}
