import { Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import type { RequestDetail } from '../../../../../shared/contract';
import { ACTION_LABELS, REQUEST_ACTIONS, type RequestAction } from '../../../../../shared/domain/request-state';
import { openStep } from './open-step';
import { primaryAction } from './primary-action';
import { STOPPING } from './step-fields';

/**
 * The steps the state machine offers from this status, as buttons; those this position may
 * not take are shown disabled with the reason in words. Other steps stay reachable under
 * "Other steps" so that a step transcribed out of order gets the backend's explanation.
 */
export function NextActions({ r, timeZone }: { r: RequestDetail; timeZone: string }) {
  const offered = r.actions.filter((a) => a.action !== 'withdraw_fill');
  const forward = offered.filter((a) => !STOPPING.has(a.action));
  const stopping = offered.filter((a) => STOPPING.has(a.action));
  const firstAllowed = primaryAction(r);
  const offeredSet = new Set(r.actions.map((a) => a.action));
  const others = REQUEST_ACTIONS.filter((a) => !offeredSet.has(a) && a !== 'withdraw_fill');
  const refused = offered.filter((a) => !a.allowed && a.reason);
  const warning = (a: RequestAction) => `"${ACTION_LABELS[a]}" is not a step from "${r.statusLabel}". If you go on, the console will say why it cannot be taken.`;
  return (
    <Paper withBorder p="md" data-testid="next-actions">
      <Stack gap="sm">
        <Title order={3}>Next steps</Title>
        {offered.length === 0 && <Text c="dimmed">No step is possible: this request is finished.</Text>}
        <Group gap="sm">
          {forward.map((a) => (
            <Button
              key={a.action}
              size="md"
              variant={a.action === firstAllowed ? 'filled' : 'light'}
              disabled={!a.allowed}
              onClick={() => openStep(r, a.action, timeZone)}
              data-testid={`action-${a.action}`}
            >
              {a.label}
            </Button>
          ))}
          {stopping.map((a) => (
            <Button key={a.action} size="md" color="red" variant="light" disabled={!a.allowed} onClick={() => openStep(r, a.action, timeZone)} data-testid={`action-${a.action}`}>
              {a.label}
            </Button>
          ))}
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <Button size="md" variant="default" rightSection={<IconChevronDown size={16} />} data-testid="other-steps">
                Other steps
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Not offered at “{r.statusLabel}”</Menu.Label>
              {others.map((a) => (
                <Menu.Item key={a} onClick={() => openStep(r, a, timeZone, warning(a))} data-testid={`other-${a}`}>
                  {ACTION_LABELS[a]}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
        {refused.map((a) => (
          <Text key={a.action} size="sm" c="dimmed">
            <b>{a.label}:</b> {a.reason}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
