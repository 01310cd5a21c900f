import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Menu, Stack, Text, Tooltip } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useLocation } from 'wouter';
import { useShell } from '../../lib/shell-context';
import { StatusBadge } from '../../components/StatusBadge';
import { localParts } from '../../lib/format';
import { useMethod } from '../../lib/query';
import { periodTimeLeft } from './durations';
import { levelTone } from './level-tone';
import { useActiveIncident, useSetActiveIncident } from './use-active-incident';
import { useNow } from '../../lib/use-now';
import classes from './topbar.module.css';

function Caption({ children }: { children: React.ReactNode }) {
  return (
    <Text size="xs" c="dimmed" tt="uppercase" fw={600} lh={1.2}>
      {children}
    </Text>
  );
}

/**
 * The name on one line, cut with an ellipsis when the bar leaves no room for it (at 1280 the
 * clock, the operator and the period take the rest). Then the whole name is in a tooltip that
 * opens on the keyboard's focus as on hover, and it is the button's accessible name, for a
 * screen reader. `cut` follows the width the name is given.
 */
function useCut(text: string | null) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [cut, setCut] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setCut(el.scrollWidth > el.clientWidth + 1));
    observer.observe(el);
    return () => observer.disconnect();
  }, [text]);
  return { ref, cut };
}

/** The active incident menu: which incident this workstation records into, and a way to change it. */
function IncidentMenu({ name }: { name: string | null }) {
  const [, navigate] = useLocation();
  const open = useMethod('incident.list', { status: 'open' });
  const setActive = useSetActiveIncident();
  const [menuOpen, setMenuOpen] = useState(false);
  const { ref, cut } = useCut(name);
  return (
    <Menu position="bottom-start" withinPortal onChange={setMenuOpen}>
      {name ? (
        <Tooltip label={name} disabled={!cut || menuOpen} events={{ hover: true, focus: true, touch: false }} position="bottom-start" multiline maw={520} data-testid="topbar-incident-whole">
          <Menu.Target>
            <Button
              variant="subtle"
              size="compact-md"
              px={4}
              py={1}
              h="auto"
              maw="100%"
              // As wide as the name (up to the room it has): its arrow beside it, not across the bar.
              style={{ alignSelf: 'flex-start' }}
              rightSection={<IconChevronDown size={16} />}
              aria-label={`Active incident: ${name}. Change`}
              styles={{ inner: { minWidth: 0 }, label: { minWidth: 0 } }}
            >
              <Text ref={ref} fw={700} size="md" lh={1.15} truncate="end" data-testid="topbar-incident">
                {name}
              </Text>
            </Button>
          </Menu.Target>
        </Tooltip>
      ) : (
        <Menu.Target>
          <Badge component="button" variant="outline" color="gray" size="lg" data-testid="topbar-incident" style={{ cursor: 'pointer' }}>
            No active incident
          </Badge>
        </Menu.Target>
      )}
      <Menu.Dropdown>
        <Menu.Label>Record into</Menu.Label>
        {(open.data?.incidents ?? []).map((i) => (
          <Menu.Item
            key={i.id}
            onClick={() => setActive.mutate({ incidentId: i.id })}
            rightSection={i.exercise ? <Badge color="orange">Exercise</Badge> : null}
          >
            {i.name}
          </Menu.Item>
        ))}
        {open.data?.incidents.length === 0 && <Menu.Item disabled>No open incident</Menu.Item>}
        <Menu.Divider />
        <Menu.Item onClick={() => navigate('/incidents')}>Manage incidents (Alt+2)</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Active incident, period number, time left in it, and activation level, all in words. */
export function TopBarIncident() {
  const { coalition } = useShell();
  const { incident, period } = useActiveIncident();
  const levels = useMethod('incident.levels', {});
  const now = useNow(15_000);
  if (!incident) {
    return (
      <Stack gap={0}>
        <Caption>Active incident</Caption>
        <IncidentMenu name={null} />
      </Stack>
    );
  }
  const left = period ? periodTimeLeft(period.endsAt, now) : null;
  return (
    <div className={classes.incident}>
      <Stack gap={0} className={classes.name}>
        <Caption>{incident.exercise ? 'Active exercise' : 'Active incident'}</Caption>
        <IncidentMenu name={incident.name} />
      </Stack>
      <div className={classes.periodLevel}>
        <Stack gap={0}>
          <span className={classes.periodCaption}>
            <Caption>Operational period</Caption>
          </span>
          {period && left ? (
            <Text
              fw={700}
              size="md"
              style={{ whiteSpace: 'nowrap' }}
              c={left.overdue ? 'orange' : undefined}
              data-testid="topbar-period"
              title={`Ends ${localParts(period.endsAt, coalition.timeZone).hm}`}
            >
              Period {period.number} · {left.text}
            </Text>
          ) : (
            <Text fw={700} size="md" c="orange" data-testid="topbar-period" style={{ whiteSpace: 'nowrap' }}>
              {incident.status === 'closed' ? 'Incident closed' : 'No open period'}
            </Text>
          )}
        </Stack>
        <Stack gap={2}>
          <span className={classes.levelCaption}>
            <Caption>Activation</Caption>
          </span>
          <StatusBadge tone={levelTone(incident.activationLevelId, levels.data?.levels ?? [])} testId="topbar-level">
            {incident.activationLevelName}
          </StatusBadge>
        </Stack>
      </div>
    </div>
  );
}
