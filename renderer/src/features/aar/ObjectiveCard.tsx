import { Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { MultiSelect } from '../../components/MultiSelect';
import type { AarObjective, AarReportView, Evidence } from '../../../../shared/contract';
import { RATINGS, RATING_LABELS, type Rating } from '../../../../shared/domain/aar-outline';
import { useCommand } from '../../lib/query';
import { isLocked } from './final-check';
import { ObservationItem } from './ObservationItem';
import { openObservationForm } from './ObservationForm';
import { capabilityOptions, useFrameworks } from './use-aar';

/** One objective: its capabilities rated P/S/M/U (Table 1 rows), then its strengths and areas for improvement. */
export function ObjectiveCard({ objective: x, view, onOpen }: { objective: AarObjective; view: AarReportView; onOpen: (e: Evidence) => void }) {
  const { frameworks } = useFrameworks();
  const setCaps = useCommand('aar.setObjectiveCapabilities');
  const rate = useCommand('aar.rate');
  const framework = frameworks.find((f) => f.id === view.report.frameworkId);
  const locked = isLocked(view);
  const mine = view.observations.filter((o) => o.status === 'accepted' && o.objectiveId === x.id);
  return (
    <Paper withBorder p="md" data-testid="objective">
      <Stack gap="sm">
        <Title order={4}>
          Objective {x.ordinal}: {x.text}
        </Title>
        <MultiSelect
          label="Capabilities rated for this objective"
          placeholder={locked ? undefined : 'Add a capability'}
          searchable
          data={capabilityOptions(framework)}
          value={x.ratings.map((r) => r.capabilityId)}
          disabled={locked}
          onChange={(ids) => setCaps.mutate({ objectiveId: x.id, capabilityIds: ids })}
          aria-label={`Capabilities for objective ${x.ordinal}`}
        />
        {x.ratings.length > 0 && (
          <Table withTableBorder layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Capability</Table.Th>
                <Table.Th w={420}>Rating</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {x.ratings.map((r) => (
                <Table.Tr key={r.id} data-testid="rating-row">
                  <Table.Td>{r.capabilityLabel}</Table.Td>
                  <Table.Td>
                    <SegmentedControl
                      size="sm"
                      value={r.rating ?? 'none'}
                      readOnly={locked}
                      aria-readonly={locked || undefined}
                      onChange={(v) => rate.mutate({ objectiveId: x.id, capabilityId: r.capabilityId, rating: v === 'none' ? null : (v as Rating) })}
                      data={[{ value: 'none', label: 'Not rated' }, ...RATINGS.map((v) => ({ value: v, label: v }))]}
                      aria-label={`Rating of ${r.capabilityLabel}`}
                    />
                    <Text size="xs" c="dimmed">
                      {r.rating ? RATING_LABELS[r.rating] : 'P without challenges · S some · M major · U unable'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {mine.map((o) => (
          <ObservationItem key={o.id} o={o} view={view} onOpen={onOpen} />
        ))}
        {!locked && (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => openObservationForm({ view, kind: 'strength', objectiveId: x.id })} aria-label={`Add strength to objective ${x.ordinal}`}>
              Add strength
            </Button>
            <Button size="xs" variant="default" onClick={() => openObservationForm({ view, kind: 'afi', objectiveId: x.id })} aria-label={`Add area for improvement to objective ${x.ordinal}`}>
              Add area for improvement
            </Button>
          </Group>
        )}
        {(setCaps.error ?? rate.error) && <Text c="red">{(setCaps.error ?? rate.error)!.message}</Text>}
      </Stack>
    </Paper>
  );
}
