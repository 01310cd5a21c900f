import { Alert, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { MultiSelect } from '../../components/MultiSelect';
import { Select } from '../../components/Select';
import { IconRefresh } from '@tabler/icons-react';
import type { AarReportView } from '../../../../shared/contract';
import { MISSION_AREAS, type MissionArea } from '../../../../shared/domain/aar-outline';
import { ReasonedButton } from '../../components/ReasonedButton';
import { StatusBadge } from '../../components/StatusBadge';
import { call } from '../../backend';
import { useCommand, useSingleCommand } from '../../lib/query';
import { ExportFileButton } from './ExportFileButton';
import { formatDateTime } from '../../lib/format';
import { useShell } from '../../lib/shell-context';
import { isLocked, refusalStands } from './final-check';
import { ReportStatusSelect } from './ReportStatusSelect';
import { useFrameworks } from './use-aar';

/** The report's title with DRAFT or final in words, refreshing from the record and the exports. */
export function ReportHeader({ view }: { view: AarReportView }) {
  const r = view.report;
  const draft = useSingleCommand('aar.draft');
  return (
    <Group justify="space-between" align="center" gap="xs">
      <Group gap="xs" miw={0}>
        <Title order={3} data-testid="aar-title">
          {r.title}
        </Title>
        <StatusBadge tone={r.status === 'draft' ? 'warn' : 'good'} testId="aar-status">
          {r.status === 'draft' ? 'DRAFT' : 'Final'}
        </StatusBadge>
        {r.exercise && <StatusBadge tone="warn">Exercise</StatusBadge>}
        {view.demo && <StatusBadge tone="neutral">Demo data</StatusBadge>}
        {r.incidentStatus === 'open' && (
          <Text size="sm" c="dimmed">
            {!isLocked(view)
              ? 'Still open: figures change as the record grows.'
              : r.finalSince?.figuresKept
                ? `${r.exercise ? 'Exercise' : 'Incident'} still open: this final report keeps its figures as they stood when it was made final.`
                : `${r.exercise ? 'Exercise' : 'Incident'} still open: made final before figures were kept, so they change as the record grows.`}
          </Text>
        )}
      </Group>
      <Group gap="xs" align="flex-start">
        <ReasonedButton
          variant="default"
          leftSection={<IconRefresh size={18} />}
          loading={draft.isPending}
          reason={isLocked(view) ? 'A final report is not refreshed: set it back to Draft first.' : null}
          onClick={() => draft.mutate({ incidentId: r.incidentId })}
          data-testid="aar-redraft"
        >
          Refresh from the record
        </ReasonedButton>
        <ExportFileButton label="Word (DOCX)" testId="aar-export-docx" run={() => call('aar.exportDocx', { incidentId: r.incidentId })} />
        <ExportFileButton label="PDF" testId="aar-export-pdf" run={() => call('aar.exportPdf', { incidentId: r.incidentId })} />
        <ExportFileButton label="Improvement plan CSV" testId="aar-export-csv" run={() => call('aar.exportIpCsv', { incidentId: r.incidentId })} />
      </Group>
    </Group>
  );
}

/**
 * On a final report, above every tab: since when and by whom, what is locked, and how to
 * change it. In words, not only the badge's colour.
 */
export function FinalNotice({ view }: { view: AarReportView }) {
  const { coalition } = useShell();
  const since = view.report.finalSince;
  if (!isLocked(view)) return null;
  return (
    <Alert
      color={since?.changed ? 'yellow' : 'green'}
      variant="light"
      role="status"
      title={since ? `Final since ${formatDateTime(since.at, coalition.timeZone)}, made final by ${since.by}` : 'Final'}
      data-testid="aar-final-notice"
    >
      <Stack gap={4}>
        <Text size="sm">
          Its text, objectives, ratings and observations are locked; its corrective actions are still tracked on the Improvement plan tab. To change the report, set its Status back to
          Draft on the Report tab.
        </Text>
        {since?.changed && (
          <Text size="sm" fw={700} data-testid="aar-changed-after-final">
            It has changed since it was made final: an edit saved on a workstation that had not yet received the Final has merged in, and the files issued did not have it. Set it
            back to Draft and make it final again to issue it as it reads now.
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/** Status, marking, framework and mission areas: the report's own settings, on its Report tab. */
export function ReportSettings({ view }: { view: AarReportView }) {
  const r = view.report;
  const { frameworks } = useFrameworks();
  const update = useCommand('aar.update');
  const locked = isLocked(view);
  return (
    <Stack gap={4}>
      <Group gap="md" align="flex-end">
        <ReportStatusSelect view={view} update={update} />
        <Select
          label="Capability framework"
          description="What objectives are rated against"
          searchable
          data={frameworks.map((f) => ({ value: f.id, label: f.shortName }))}
          value={r.frameworkId}
          disabled={locked}
          onChange={(v) => v && update.mutate({ reportId: r.id, frameworkId: v })}
          allowDeselect={false}
          w={220}
        />
        <MultiSelect label="Mission areas" description="HSEEP focus areas" data={[...MISSION_AREAS]} value={r.missionAreas} disabled={locked} onChange={(v) => update.mutate({ reportId: r.id, missionAreas: v as MissionArea[] })} w={300} />
        <TextInput
          label="Handling marking"
          description="Printed on every page"
          placeholder="e.g. For Official Use Only"
          defaultValue={r.marking}
          key={r.marking}
          disabled={locked}
          onBlur={(e) => e.currentTarget.value !== r.marking && update.mutate({ reportId: r.id, marking: e.currentTarget.value })}
          w={260}
        />
      </Group>
      {update.error && refusalStands(update.error, view) && (
        <Text c="red" role="alert" data-testid="aar-settings-error">
          {update.error.message}
        </Text>
      )}
    </Stack>
  );
}
