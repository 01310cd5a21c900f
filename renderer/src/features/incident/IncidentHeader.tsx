import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { Select } from '../../components/Select';
import { Fragment, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import type { Incident, Period } from '../../../../shared/contract';
import { useShell } from '../../lib/shell-context';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../lib/format';
import { useCommand, useMethod } from '../../lib/query';
import { CloseIncidentModal } from './CloseIncidentModal';
import { ReopenIncidentModal } from './ReopenIncidentModal';
import { useActiveIncident, useSetActiveIncident } from './use-active-incident';

/** Name, status and level in words; make active here; change the level; close or reopen. */
export function IncidentHeader({ incident: i, currentPeriod }: { incident: Incident; currentPeriod: Period | null }) {
  const { coalition } = useShell();
  const levels = useMethod('incident.levels', {});
  const update = useCommand('incident.update');
  const setActive = useSetActiveIncident();
  const { incident: active } = useActiveIncident();
  const [, navigate] = useLocation();
  const [closing, setClosing] = useState(false);
  const [reopening, setReopening] = useState(false);
  // "Make active here" goes away once it has worked: the focus goes to the button that takes
  // its place, not to the page, so Tab goes on from here.
  const aar = useRef<HTMLButtonElement>(null);
  const isActive = active?.id === i.id;
  const open = i.status === 'open';
  // At 1280 the card is about 640 px wide: the name gets the whole width (beside buttons it
  // wrapped to four lines), the badges and what and when go under it, and the actions sit on
  // the level's row, where a third button moves the actions to a row of their own, whole.
  return (
    <Stack gap="sm">
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="baseline">
          <Title order={2} size="h3" miw={0} data-testid="incident-name">
            {i.name}
          </Title>
          {i.number && (
            <Text c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              #{i.number}
            </Text>
          )}
        </Group>
        <Group gap="xs" data-testid="incident-badges">
          <StatusBadge tone={open ? 'good' : 'neutral'}>{open ? 'Open' : 'Closed'}</StatusBadge>
          {i.exercise && <StatusBadge tone="warn">Exercise</StatusBadge>}
          {isActive && <StatusBadge tone="info">Active on this workstation</StatusBadge>}
        </Group>
        {/* A line breaks between its parts, never inside a date or "period 1 open". */}
        <Text size="sm" c="dimmed" data-testid="incident-facts">
          {[
            i.hazardType || 'No hazard type',
            `started ${formatDateTime(i.startedAt, coalition.timeZone)}`,
            ...(i.closedAt ? [`closed ${formatDateTime(i.closedAt, coalition.timeZone)}`] : []),
            ...(currentPeriod ? [`period ${currentPeriod.number} open`] : []),
          ].map((part, n) => (
            <Fragment key={n}>
              {n > 0 && '\u00a0· '}
              <span style={n > 0 ? { whiteSpace: 'nowrap' } : undefined}>{part}</span>
            </Fragment>
          ))}
        </Text>
      </Stack>
      <Group gap="sm" align="flex-end" justify="space-between" data-testid="incident-level-row">
        <Group gap="sm" align="flex-end">
          <Select
            label="Activation level"
            data={[...(levels.data?.levels ?? [])].sort((a, b) => a.rank - b.rank).map((l) => ({ value: l.id, label: l.name }))}
            value={i.activationLevelId}
            onChange={(id) => id && id !== i.activationLevelId && update.mutate({ id: i.id, activationLevelId: id })}
            allowDeselect={false}
            disabled={!open}
            w={220}
            data-testid="incident-level"
          />
          {update.error && (
            <Text c="red" size="sm">
              {update.error.message}
            </Text>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap" data-testid="incident-actions">
          {open && !isActive && (
            <Button onClick={() => setActive.mutate({ incidentId: i.id }, { onSuccess: () => aar.current?.focus() })} loading={setActive.isPending} data-testid="make-active">
              Make active here
            </Button>
          )}
          <Button ref={aar} variant="default" onClick={() => navigate(`/aar?incident=${i.id}`)} data-testid="incident-aar">
            After-action report
          </Button>
          {open ? (
            <Button color="red" variant="light" onClick={() => setClosing(true)} data-testid="close-incident">
              Close incident
            </Button>
          ) : (
            <Button variant="default" onClick={() => setReopening(true)}>
              Reopen
            </Button>
          )}
        </Group>
      </Group>
      {i.closingNote && (
        <Text size="sm">
          <b>Closing note:</b> {i.closingNote}
        </Text>
      )}
      <CloseIncidentModal incident={i} opened={closing} onClose={() => setClosing(false)} />
      <ReopenIncidentModal incident={i} opened={reopening} onClose={() => setReopening(false)} />
    </Stack>
  );
}
