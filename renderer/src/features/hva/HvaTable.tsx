import { Button, Table, Text } from '@mantine/core';
import type { HvaHazard } from '../../../../shared/contract';
import { HVA_FACTORS, HVA_FACTOR_LABELS } from '../../../../shared/domain/hva';
import { RecordTable, type RecordColumn } from '../../components/RecordTable';
import { StatusBadge } from '../../components/StatusBadge';
import { openHazardForm } from './HazardForm';

const SHORT: Record<(typeof HVA_FACTORS)[number], string> = {
  probability: 'Prob.',
  humanImpact: 'Human',
  propertyImpact: 'Property',
  businessImpact: 'Business',
  preparedness: 'Prepared.',
  internalResponse: 'Internal',
  externalResponse: 'External',
};

/** The scoring sheet: one row per hazard, ranked, relative risk in words and numbers. */
export function HvaTable({ assessmentId, hazards }: { assessmentId: string; hazards: HvaHazard[] }) {
  const columns: RecordColumn[] = [
    '#',
    'Hazard',
    ...HVA_FACTORS.map((f) => ({ label: SHORT[f], ta: 'center' as const, title: HVA_FACTOR_LABELS[f] })),
    'Relative risk',
    'Templates',
  ];
  return (
    <RecordTable rows={hazards} columns={columns} empty="No hazards scored yet." testId="hva-table" verticalSpacing={6}>
      {(h) => (
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
            <StatusBadge
              tone={h.riskPct >= 50 ? 'bad' : h.riskPct >= 25 ? 'warn' : 'good'}
            >{`${h.riskPct}% ${h.riskPct >= 50 ? 'high' : h.riskPct >= 25 ? 'moderate' : 'low'}`}</StatusBadge>
          </Table.Td>
          <Table.Td>
            <Text size="xs">{h.templates.map((t) => t.name).join(', ') || '—'}</Text>
          </Table.Td>
          <Table.Td>
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => openHazardForm(assessmentId, h)}
              aria-label={`Score ${h.hazard}`}
            >
              Score
            </Button>
          </Table.Td>
        </Table.Tr>
      )}
    </RecordTable>
  );
}
