import { Button, Group, MultiSelect, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { AarReportView } from '../../../../shared/contract';
import { MISSION_AREAS, type MissionArea } from '../../../../shared/domain/aar-outline';
import { StatusBadge } from '../../components/StatusBadge';
import { call } from '../../backend';
import { useCommand } from '../../lib/query';
import { ExportFileButton } from './ExportFileButton';
import { useFrameworks } from './use-aar';

/** Title, DRAFT or final, marking, framework, mission areas, redraft and the exports. */
export function ReportHeader({ view }: { view: AarReportView }) {
  const r = view.report;
  const { frameworks } = useFrameworks();
  const update = useCommand('aar.update');
  const draft = useCommand('aar.draft');
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={1} data-testid="aar-title">
              {r.title}
            </Title>
          </Group>
          <Group gap="xs">
            <StatusBadge tone={r.status === 'draft' ? 'warn' : 'good'} testId="aar-status">
              {r.status === 'draft' ? 'DRAFT' : 'Final'}
            </StatusBadge>
            {r.exercise && <StatusBadge tone="warn">Exercise</StatusBadge>}
            {view.demo && <StatusBadge tone="neutral">Demo data</StatusBadge>}
            <Text size="sm" c="dimmed">
              {r.incidentStatus === 'open' ? 'The incident is still open: figures change as the record grows.' : 'The incident is closed.'}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconRefresh size={18} />} loading={draft.isPending} onClick={() => draft.mutate({ incidentId: r.incidentId })} data-testid="aar-redraft">
            Refresh from the record
          </Button>
          <ExportFileButton label="Word (DOCX)" testId="aar-export-docx" run={() => call('aar.exportDocx', { incidentId: r.incidentId })} />
          <ExportFileButton label="PDF" testId="aar-export-pdf" run={() => call('aar.exportPdf', { incidentId: r.incidentId })} />
          <ExportFileButton label="Improvement plan CSV" testId="aar-export-csv" run={() => call('aar.exportIpCsv', { incidentId: r.incidentId })} />
        </Group>
      </Group>
      <Group gap="md" align="flex-end">
        <Select
          label="Status"
          data={[
            { value: 'draft', label: 'Draft (marked DRAFT on every page)' },
            { value: 'final', label: 'Final' },
          ]}
          value={r.status}
          onChange={(v) => v && update.mutate({ reportId: r.id, status: v as 'draft' | 'final' })}
          allowDeselect={false}
          w={280}
        />
        <Select
          label="Capability framework"
          data={frameworks.map((f) => ({ value: f.id, label: f.name }))}
          value={r.frameworkId}
          onChange={(v) => v && update.mutate({ reportId: r.id, frameworkId: v })}
          allowDeselect={false}
          w={380}
        />
        <MultiSelect label="Mission areas" data={[...MISSION_AREAS]} value={r.missionAreas} onChange={(v) => update.mutate({ reportId: r.id, missionAreas: v as MissionArea[] })} w={300} />
        <TextInput
          label="Handling marking"
          placeholder="e.g. For Official Use Only"
          defaultValue={r.marking}
          key={r.marking}
          onBlur={(e) => e.currentTarget.value !== r.marking && update.mutate({ reportId: r.id, marking: e.currentTarget.value })}
          w={260}
        />
      </Group>
      {update.error && <Text c="red">{update.error.message}</Text>}
    </Stack>
  );
}
