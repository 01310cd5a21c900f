import { Button, Grid, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { StatusBadge } from '../../components/StatusBadge';
import { saveExport } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { useMethod, useSingleCommand } from '../../lib/query';
import { useShell } from '../../lib/shell-context';
import { ChooseActiveIncident } from '../incident/ChooseActiveIncident';
import { useActiveIncident } from '../incident/use-active-incident';
import { RecordPreview } from './RecordPreview';
import { SitrepEditor } from './SitrepEditor';

/**
 * One approved version's PDF and DOCX, each its own command: a double click prints and
 * audits one file, a PDF asked for while the DOCX is being made still goes, and so does
 * another version's (each row has its own). Named by the version ("PDF of version 2"), as every row has both.
 */
function VersionExports({ versionId, version }: { versionId: string; version: number }) {
  const pdf = useSingleCommand('sitrep.export');
  const docx = useSingleCommand('sitrep.export');
  const error = pdf.error ?? docx.error;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Button size="xs" variant="default" loading={pdf.isPending} onClick={() => pdf.mutate({ versionId, format: 'pdf' }, { onSuccess: saveExport })} data-testid="sitrep-pdf" aria-label={`PDF of version ${version}`}>
          PDF
        </Button>
        <Button size="xs" variant="default" loading={docx.isPending} onClick={() => docx.mutate({ versionId, format: 'docx' }, { onSuccess: saveExport })} data-testid="sitrep-docx" aria-label={`DOCX of version ${version}`}>
          DOCX
        </Button>
      </Group>
      {error && <ErrorPanel title="Not printed" error={error} />}
    </Stack>
  );
}

/** Approved versions: each prints as PDF or DOCX; a superseded one says so. */
function Versions({ sitrepId, versions, timeZone }: { sitrepId: string; versions: { id: string; version: number; approvedAt: number; approvedBy: string | null; positionTitle: string | null; supersededById: string | null }[]; timeZone: string }) {
  return (
    <Paper withBorder p="md" data-testid="sitrep-versions" data-sitrep={sitrepId}>
      <Title order={3} mb="xs">
        Approved versions
      </Title>
      {versions.length === 0 && <Text c="dimmed">None yet: approve the draft to issue version 1.</Text>}
      <Table>
        <Table.Tbody>
          {[...versions].reverse().map((v) => (
            <Table.Tr key={v.id} data-testid="sitrep-version">
              <Table.Td fw={700}>{`Version ${v.version}`}</Table.Td>
              <Table.Td>{`${v.approvedBy ?? 'Unattributed'}${v.positionTitle ? `, ${v.positionTitle}` : ''} · ${formatDateTime(v.approvedAt, timeZone)}`}</Table.Td>
              <Table.Td>
                <StatusBadge tone={v.supersededById ? 'neutral' : 'good'}>{v.supersededById ? 'SUPERSEDED' : 'CURRENT'}</StatusBadge>
              </Table.Td>
              <Table.Td>
                <VersionExports versionId={v.id} version={v.version} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** The situation report of each operational period: drafted from the record, edited by planning, approved, printed. */
export function SitrepScreen() {
  const { coalition } = useShell();
  const { incident, period: current } = useActiveIncident();
  const periods = useMethod('incident.periods', { incidentId: incident?.id ?? '' }, { enabled: !!incident });
  const list = useMethod('sitrep.list', { incidentId: incident?.id ?? '' }, { enabled: !!incident });
  const [picked, setPicked] = useState<string | null>(null);
  const draft = useSingleCommand('sitrep.draft');
  const periodId = picked ?? current?.id ?? periods.data?.periods.at(-1)?.id ?? null;
  const existing = list.data?.sitreps.find((s) => s.periodId === periodId);
  const sitrep = useMethod('sitrep.get', { id: existing?.id ?? '' }, { enabled: !!existing });
  if (!incident) {
    return (
      <>
        <Title order={1}>Situation report</Title>
        <ChooseActiveIncident purpose="A situation report is written for an operational period of the active incident." />
      </>
    );
  }
  const s = sitrep.data?.sitrep;
  return (
    <Stack gap="md" data-testid="sitrep-screen">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>Situation report</Title>
        <Group align="flex-end">
          <NativeSelect
            label="Operational period"
            value={periodId ?? ''}
            onChange={(e) => setPicked(e.currentTarget.value)}
            data={(periods.data?.periods ?? []).map((p) => ({ value: p.id, label: `Period ${p.number}: ${formatDateTime(p.startsAt, coalition.timeZone)}` }))}
          />
          <Button
            loading={draft.isPending}
            disabled={!periodId}
            onClick={() => periodId && draft.mutate({ incidentId: incident.id, periodId })}
            data-testid="sitrep-draft"
          >
            {existing ? 'Refresh from the record' : 'Draft from the record'}
          </Button>
        </Group>
      </Group>
      {draft.error && <ErrorPanel title="Not drafted" error={draft.error} />}
      {!existing && !list.isPending && <Text c="dimmed">No report for this period yet. Draft it from the record: facility status, beds, open requests, events and decisions are filled in; planning edits the rest.</Text>}
      {s && (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, xl: 7 }}>
            <Stack gap="md">
              <SitrepEditor sitrep={s} />
              <Versions sitrepId={s.id} versions={s.versions} timeZone={coalition.timeZone} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, xl: 5 }}>
            <RecordPreview record={s.record} timeZone={coalition.timeZone} />
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
