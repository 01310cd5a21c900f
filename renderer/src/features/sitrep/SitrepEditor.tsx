import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Sitrep, SitrepFields } from '../../../../shared/contract';
import { PROGNOSES, PROGNOSIS_LABELS } from '../../../../shared/contract/sitrep';
import { ErrorPanel } from '../../components/ErrorPanel';
import { StatusBadge } from '../../components/StatusBadge';
import { useSingleCommand } from '../../lib/query';

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
  const save = useSingleCommand('sitrep.save');
  const approve = useSingleCommand('sitrep.approve');
  const [draft, setDraft] = useState<SitrepFields>(sitrep);
  const [base, setBase] = useState<Sitrep>(sitrep);
  const differs = (a: SitrepFields, b: SitrepFields) => FIELDS.some((f) => a[f.key] !== b[f.key]) || a.prognosis !== b.prognosis;
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
          <Textarea key={f.key} label={f.label} value={draft[f.key]} onChange={(e) => edit(f.key, e.currentTarget.value)} autosize minRows={f.rows} />
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
            <Textarea key={f.key} label={f.label} value={draft[f.key]} onChange={(e) => edit(f.key, e.currentTarget.value)} autosize minRows={f.rows} />
          ))}
        </SimpleGrid>
        {FIELDS.slice(5).map((f) => (
          <Textarea key={f.key} label={f.label} value={draft[f.key]} onChange={(e) => edit(f.key, e.currentTarget.value)} autosize minRows={f.rows} />
        ))}
        {(save.error ?? approve.error) && <ErrorPanel title="Not done" error={save.error ?? approve.error} />}
        <Group>
          <Button variant="default" disabled={!dirty} loading={save.isPending} onClick={() => doSave()} data-testid="sitrep-save">
            Save draft
          </Button>
          <Button
            loading={approve.isPending}
            disabled={!dirty && !sitrep.unapprovedChanges}
            data-testid="sitrep-approve"
            onClick={() => {
              const go = () =>
                approve.mutate(
                  { id: sitrep.id },
                  { onSuccess: (r) => notifications.show({ color: 'teal', title: `Version ${r.version.version} approved`, message: 'It will not change; a later approval supersedes it.' }) },
                );
              if (dirty) doSave(go);
              else go();
            }}
          >
            {`Approve as version ${next}`}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
