import { Alert, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Sitrep, SitrepFields, SitrepTextCheck } from '../../../../shared/contract';
import { PROGNOSES, PROGNOSIS_LABELS, SITREP_TEXT_LABELS } from '../../../../shared/contract/sitrep';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ReasonedButton } from '../../components/ReasonedButton';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../lib/format';
import { useSingleCommand } from '../../lib/query';
import { useShell } from '../../lib/shell-context';

const FIELDS: { key: Exclude<keyof SitrepFields, 'prognosis'>; label: string; rows: number }[] = [
  { key: 'summary', label: 'Situation summary', rows: 5 },
  { key: 'needs12h', label: 'Critical resource needs within 12 hours', rows: 2 },
  { key: 'needs24h', label: 'Within 24 hours', rows: 2 },
  { key: 'needs48h', label: 'Within 48 hours', rows: 2 },
  { key: 'needs72h', label: 'Within 72 hours', rows: 2 },
  { key: 'objectivesNext', label: 'Objectives for the next operational period', rows: 4 },
];

/** Planning's part of the report: drafted from the record, edited here, saved, then approved as a version that never changes. */
export function SitrepEditor({ sitrep }: { sitrep: Sitrep }) {
  const { coalition } = useShell();
  const save = useSingleCommand('sitrep.save');
  const approve = useSingleCommand('sitrep.approve');
  const [draft, setDraft] = useState<SitrepFields>(sitrep);
  const [base, setBase] = useState<Sitrep>(sitrep);
  // The store keeps a text trimmed: a space typed at either end is not a change left unsaved.
  const differs = (a: SitrepFields, b: SitrepFields) => FIELDS.some((f) => a[f.key].trim() !== b[f.key].trim()) || a.prognosis !== b.prognosis;
  // A newer copy from the store replaces the form only while nothing is typed in it.
  if (sitrep !== base) {
    if (!differs(draft, base)) setDraft(sitrep);
    setBase(sitrep);
  }
  const dirty = differs(draft, sitrep);
  // The value is read from the event here: React clears the event before a state
  // updater runs, and reading it there failed on the second key typed.
  const edit = (key: (typeof FIELDS)[number]['key'], value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const next = (sitrep.versions.at(-1)?.version ?? 0) + 1;
  // An edited text written against figures that changed: approval waits until it is
  // edited here (saved with the approval), redrafted, or kept as written.
  const waiting = sitrep.textChecks.filter((c) => draft[c.field].trim() === sitrep[c.field].trim());
  const textField = (f: (typeof FIELDS)[number]) => {
    const check = sitrep.textChecks.find((c) => c.field === f.key);
    return (
      <Stack key={f.key} gap={4}>
        <Textarea label={f.label} value={draft[f.key]} onChange={(e) => edit(f.key, e.currentTarget.value)} autosize minRows={f.rows} />
        {check && draft[f.key].trim() === sitrep[f.key].trim() && (
          <TextCheck check={check} timeZone={coalition.timeZone} onRedraft={() => edit(f.key, check.redraft)} onKeep={() => save.mutate({ id: sitrep.id, keep: [f.key] })} keeping={save.isPending} />
        )}
      </Stack>
    );
  };
  const doSave = (then?: () => void) =>
    save.mutate(
      { id: sitrep.id, ...Object.fromEntries(FIELDS.map((f) => [f.key, draft[f.key]])), prognosis: draft.prognosis },
      { onSuccess: () => then?.() },
    );
  return (
    <Paper withBorder p="md" data-testid="sitrep-editor">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>Planning section’s text</Title>
          <StatusBadge tone={dirty ? 'warn' : sitrep.unapprovedChanges ? 'info' : 'good'} testId="sitrep-state">
            {dirty ? 'UNSAVED CHANGES' : sitrep.unapprovedChanges ? `DRAFT (NOT YET VERSION ${next})` : `APPROVED AS VERSION ${next - 1}`}
          </StatusBadge>
        </Group>
        {FIELDS.slice(0, 1).map((f) => (
          textField(f)
        ))}
        <Stack gap={4}>
          <Text fw={500} size="sm">
            Prognosis
          </Text>
          <SegmentedControl
            aria-label="Prognosis"
            value={draft.prognosis ?? ''}
            onChange={(v) => setDraft((d) => ({ ...d, prognosis: v as SitrepFields['prognosis'] }))}
            data={[{ value: '', label: 'Not chosen', disabled: true }, ...PROGNOSES.map((p) => ({ value: p, label: PROGNOSIS_LABELS[p] }))]}
          />
        </Stack>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {FIELDS.slice(1, 5).map((f) => (
            textField(f)
          ))}
        </SimpleGrid>
        {FIELDS.slice(5).map((f) => (
          textField(f)
        ))}
        {(save.error ?? approve.error) && <ErrorPanel title="Not done" error={save.error ?? approve.error} />}
        <Group>
          <Button variant="default" disabled={!dirty} loading={save.isPending} onClick={() => doSave()} data-testid="sitrep-save">
            Save draft
          </Button>
          <ReasonedButton
            loading={approve.isPending}
            reason={
              waiting.length > 0
                ? `Approval waits for: ${waiting.map((c) => SITREP_TEXT_LABELS[c.field]).join(', ')}`
                : !dirty && !sitrep.unapprovedChanges
                  ? `Nothing new to approve: ${next > 1 ? `version ${next - 1} reads as this does` : 'nothing has been written yet'}. Edit the text, or refresh it from the record, first.`
                  : null
            }
            data-testid="sitrep-approve"
            onClick={() => {
              const go = () =>
                approve.mutate(
                  { id: sitrep.id },
                  { onSuccess: (r) => notifications.show({ color: 'teal', title: `Version ${r.version.version} approved`, message: 'It will not change; a later approval supersedes it.' }) },
                );
              // An approved version is issued for good: asked once, naming it.
              modals.openConfirmModal({
                title: `Approve version ${next} of the period ${sitrep.periodNumber} situation report?`,
                children: (
                  <Text size="sm">
                    {`Version ${next} is issued as it reads now${dirty ? ' (your unsaved changes are saved first)' : ''} and never changes afterwards; a later approval supersedes it.${next > 1 ? ` Version ${next - 1} will be marked superseded.` : ''}`}
                  </Text>
                ),
                labels: { confirm: `Approve version ${next}`, cancel: 'Not yet' },
                confirmProps: { 'data-testid': 'sitrep-approve-confirm' } as Record<string, string>,
                onConfirm: () => (dirty ? doSave(go) : go()),
              });
            }}
          >
            {`Approve as version ${next}`}
          </ReasonedButton>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Says plainly that an edited text was written against earlier figures, and which changed. */
function TextCheck({ check, timeZone, onRedraft, onKeep, keeping }: { check: SitrepTextCheck; timeZone: string; onRedraft: () => void; onKeep: () => void; keeping: boolean }) {
  return (
    <Alert color="orange" p="xs" data-testid="sitrep-text-check" data-field={check.field} title={`Written against the figures of ${formatDateTime(check.writtenAgainst, timeZone)}; since then:`}>
      <Stack gap={6}>
        <Text size="sm">{check.changes.join('; ')}</Text>
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={onRedraft} data-testid="sitrep-take-redraft">
            Use the text redrafted from the record
          </Button>
          <Button size="xs" variant="default" loading={keeping} onClick={onKeep} data-testid="sitrep-keep-text">
            Keep as written
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
