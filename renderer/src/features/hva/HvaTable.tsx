import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import type { HvaHazard } from '../../../../shared/contract';
import { HVA_FACTORS, HVA_FACTOR_LABELS } from '../../../../shared/domain/hva';
import { StatusBadge } from '../../components/StatusBadge';
import { openHazardForm } from './HazardForm';

const SHORT: Record<(typeof HVA_FACTORS)[number], string> = { probability: 'Prob.', humanImpact: 'Human', propertyImpact: 'Property', businessImpact: 'Business', preparedness: 'Prepared.', internalResponse: 'Internal', externalResponse: 'External' };

/** The scoring sheet: one row per hazard, ranked, relative risk in words and numbers. */
export function HvaTable({ assessmentId, hazards }: { assessmentId: string; hazards: HvaHazard[] }) {
  if (!hazards.length) return <Text c="dimmed">No hazards scored yet.</Text>;
  return (
    <Table striped verticalSpacing={6} data-testid="hva-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>#</Table.Th>
          <Table.Th>Hazard</Table.Th>
          {HVA_FACTORS.map((f) => (
            <Table.Th key={f} title={HVA_FACTOR_LABELS[f]} ta="center">
              {SHORT[f]}
            </Table.Th>
          ))}
          <Table.Th>Relative risk</Table.Th>
          <Table.Th>Templates</Table.Th>
          <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {hazards.map((h) => (
          <Table.Tr key={h.id} data-testid="hva-row">
            <Table.Td fw={700}>{h.rank}</Table.Td>
            <Table.Td>
              <Text fw={600}>{h.hazard}</Text>
              <Text size="xs" c="dimmed">
                {h.categoryLabel}
              </Text>
            </Table.Td>
            {HVA_FACTORS.map((f) => (
              <Table.Td key={f} ta="center" ff="monospace">
                {h[f]}
              </Table.Td>
            ))}
            <Table.Td>
              <StatusBadge tone={h.riskPct >= 50 ? 'bad' : h.riskPct >= 25 ? 'warn' : 'good'}>{`${h.riskPct}% ${h.riskPct >= 50 ? 'high' : h.riskPct >= 25 ? 'moderate' : 'low'}`}</StatusBadge>
            </Table.Td>
            <Table.Td>
              <Text size="xs">{h.templates.map((t) => t.name).join(', ') || '—'}</Text>
            </Table.Td>
            <Table.Td>
              <Button size="compact-sm" variant="default" onClick={() => openHazardForm(assessmentId, h)} aria-label={`Score ${h.hazard}`}>
                Score
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
