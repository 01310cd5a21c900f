import { ActionIcon, Box, Button, Divider, Group, Menu, Stack, Text, Tooltip, useMantineColorScheme } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconChevronDown, IconCommand, IconMoon, IconSun } from '@tabler/icons-react';
import { TopBarIncident } from '../features/incident/TopBarIncident';
import { useSingleCommand } from '../lib/query';
import { Clock } from './Clock';
import { DemoMarker } from '../features/demo/DemoMarker';
import { SyncState } from '../features/sync/SyncState';
import { setLocked } from './lock/lock-state';
import { useShell } from '../lib/shell-context';
import { useShortcuts } from '../lib/shortcuts';
import { keepHyphens } from '../lib/format';
import classes from './topbar.module.css';
import identity from './identity.module.css';

/**
 * A caption over its value. Where the bar shows the identity, `wideLabel` replaces `label`:
 * at most 18em wide (two lines), so a long workstation name does not widen the block beyond
 * the operator's name under it and take the incident's room; cut after two lines, whole in
 * its title and in the menu.
 */
function Labelled({ label, children, wideLabel }: { label: string; children: React.ReactNode; wideLabel?: string }) {
  return (
    <Stack gap={0} miw={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lh={1.2} className={wideLabel ? identity.narrow : undefined}>
        {label}
      </Text>
      {wideLabel && (
        <Text size="xs" c="dimmed" tt="uppercase" fw={600} lh={1.2} maw="18em" lineClamp={2} title={wideLabel} className={identity.wide} data-testid="topbar-workstation">
          {wideLabel}
        </Text>
      )}
      {children}
    </Stack>
  );
}

export function TopBar() {
  const { coalition, workstation, session } = useShell();
  const { colorScheme, toggleColorScheme } = useMantineColorScheme();
  const signOut = useSingleCommand('session.signOut');
  useShortcuts([
    { id: 'theme.toggle', keys: 'mod+shift+L', label: 'Switch light / dark theme', group: 'View', run: toggleColorScheme },
    { id: 'session.switch', keys: 'mod+shift+O', label: 'Switch operator (sign out)', group: 'Session', run: () => signOut.mutate({}) },
    { id: 'session.lock', keys: 'alt+shift+L', label: 'Lock the console now (everything stays open)', group: 'Session', run: () => setLocked(true) },
  ]);
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
      {/* The left side gives way (and never overlaps the clock) when the window is narrow. */}
      <Group gap="md" wrap="nowrap" miw={0} style={{ flex: 1, overflow: 'hidden' }}>
        {/* On narrower screens the coalition and workstation names move to the top of the rail. */}
        {/* Up to 300 px: two lines hold a long name whole at 1920 ("Pioneer Valley & Berkshires / Health Care Coalition (DEMO)"). */}
        <Box miw={120} maw={300} style={{ flexShrink: 2 }} className={identity.wide}>
          <Labelled label="Coalition">
            {/* Two lines before an ellipsis, and the whole name on hover: long names are common. */}
            <Text fw={700} size="md" lh={1.15} lineClamp={2} title={coalition.name} data-testid="topbar-coalition">
              {coalition.name}
            </Text>
          </Labelled>
        </Box>
        <Divider orientation="vertical" className={identity.wide} />
        <TopBarIncident />
      </Group>
      {/* Small gaps here: every pixel given up on this side goes to the incident name. */}
      <Group gap="sm" wrap="nowrap" className={classes.right}>
        <DemoMarker />
        <SyncState timeZone={coalition.timeZone} />
        <Divider orientation="vertical" />
        <Clock timeZone={coalition.timeZone} />
        <Divider orientation="vertical" />
        <Labelled label="On duty" wideLabel={`Workstation ${keepHyphens(workstation.name ?? '')}`}>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="subtle" size="compact-md" rightSection={<IconChevronDown size={16} />} data-testid="operator-menu">
                <Box ta="left">
                  <Text fw={700} size="md" lh={1.1} data-testid="topbar-operator">
                    {session.operatorName}
                  </Text>
                  <Text size="xs" lh={1.1} data-testid="topbar-position">
                    {session.position.title}
                  </Text>
                </Box>
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {workstation.name && <Menu.Label data-testid="operator-menu-workstation">Workstation {workstation.name}</Menu.Label>}
              <Menu.Label>Signed in since {new Date(session.signedInAt).toLocaleTimeString('en-GB', { hourCycle: 'h23' })}</Menu.Label>
              <Menu.Item onClick={() => setLocked(true)} data-testid="lock-now">
                Lock now (Alt+Shift+L)
              </Menu.Item>
              <Menu.Item onClick={() => signOut.mutate({})} data-testid="sign-out">
                Switch operator / sign out
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Labelled>
        <Tooltip label="Command palette (Ctrl+K)">
          <ActionIcon variant="default" size="lg" onClick={() => spotlight.open()} aria-label="Open command palette">
            <IconCommand size={20} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={`Switch to ${colorScheme === 'dark' ? 'light' : 'dark'} theme (Ctrl+Shift+L)`}>
          <ActionIcon variant="default" size="lg" onClick={toggleColorScheme} aria-label="Switch theme" data-testid="theme-toggle">
            {colorScheme === 'dark' ? <IconSun size={20} /> : <IconMoon size={20} />}
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}
