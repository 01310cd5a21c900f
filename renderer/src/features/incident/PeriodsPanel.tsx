import { Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Incident, Period } from '../../../../shared/contract';
import { Ics202Blocks } from './Ics202Blocks';
import { ObjectivesEditor } from './ObjectivesEditor';
import { OpenPeriodForm } from './OpenPeriodForm';
import { PeriodHeader } from './PeriodHeader';
import { StaffingTable } from './StaffingTable';

interface Props {
  incident: Incident;
  periods: readonly Period[];
  currentPeriod: Period | null;
}

/** The operational periods: the open one editable (ICS 202 and staffing), earlier ones as recorded. */
export function PeriodsPanel({ incident, periods, currentPeriod }: Props) {
  const sorted = [...periods].sort((a, b) => a.number - b.number);
  const latest = currentPeriod ?? sorted[sorted.length - 1] ?? null;
  const [chosen, setChosen] = useState<string | null>(null);
  const period = sorted.find((p) => p.id === chosen) ?? latest;
  const canOpenNext = incident.status === 'open' && !currentPeriod;
  return (
    <Stack gap="md" data-testid="periods-panel">
      {sorted.length > 1 && (
        <SegmentedControl
          aria-label="Operational period"
          value={period?.id ?? ''}
          onChange={setChosen}
          data={sorted.map((p) => ({ value: p.id, label: `Period ${p.number}${p.status === 'open' ? ' (open)' : ''}` }))}
          style={{ alignSelf: 'flex-start' }}
        />
      )}
      {canOpenNext && <OpenPeriodForm incident={incident} previous={sorted[sorted.length - 1] ?? null} />}
      {!period && !canOpenNext && <Text c="dimmed">No operational period was opened.</Text>}
      {period && (
        <Paper withBorder p="md" key={period.id}>
          <Stack gap="md">
            <PeriodHeader period={period} incidentName={incident.name} />
            <ObjectivesEditor period={period} />
            <Ics202Blocks period={period} />
            <StaffingTable period={period} />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
