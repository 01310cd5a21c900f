import { Button, Group, Kbd, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { MultiSelect } from '../../components/MultiSelect';
import { useMemo, useState } from 'react';
import { DISCIPLINE_LABELS, type Discipline } from '../../../../shared/domain/disciplines';
import { parseWallTime } from '../../../../shared/domain/wall-time';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FieldAttention } from '../../components/FieldAttention';
import { TimeField } from '../../components/TimeField';
import { useMethod, useSingleCommand } from '../../lib/query';
import { useShell } from '../../lib/shell-context';
import { useCatalogue } from './use-catalogue';

/**
 * "All hospitals report bed availability by 10:30": who, which fields, by when. A form like
 * any other: Ctrl+Enter records it from any field; the deadline may be "+30", from now.
 */
export function RequestForm({ onCreated, onCancel }: { onCreated(id: string): void; onCancel(): void }) {
  const { coalition } = useShell();
  const catalogue = useCatalogue();
  const facilities = useMethod('status.facilities', {});
  const create = useSingleCommand('status.requestCreate');
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState('');
  const [disciplines, setDisciplines] = useState<string[]>([]);
  const [regions, setRegions] = useState<string[]>([]);
  const [organisationIds, setOrganisationIds] = useState<string[]>([]);
  const [typeIds, setTypeIds] = useState<string[]>([]);
  const [deadline, setDeadline] = useState('');
  const [deadlineProblem, setDeadlineProblem] = useState<string | null>(null);
  const regionOptions = useMemo(() => [...new Set((facilities.data?.facilities ?? []).map((f) => f.region).filter((r): r is string => !!r))], [facilities.data]);
  const disciplineOptions = (catalogue.data?.sets ?? []).filter((s) => s.typeIds.length).map((s) => ({ value: s.discipline, label: DISCIPLINE_LABELS[s.discipline] }));
  const facilityOptions = (facilities.data?.facilities ?? []).map((f) => ({ value: f.organisationId, label: `${f.name} (${f.disciplineLabel})` }));
  const typeOptions = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const t of catalogue.data?.types ?? []) groups.set(t.group, [...(groups.get(t.group) ?? []), { value: t.id, label: t.label }]);
    return [...groups].map(([group, items]) => ({ group, items }));
  }, [catalogue.data]);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const at = deadline.trim() ? parseWallTime(deadline, coalition.timeZone, Date.now(), 'later') : { ok: false as const, error: 'The deadline is required: 24-hour HH:MM, YYYY-MM-DD HH:MM, or +30 for 30 minutes from now' };
    if (!at.ok) return setDeadlineProblem(at.error);
    setDeadlineProblem(null);
    create.mutate(
      { title, ...(message.trim() ? { message } : {}), typeIds, disciplines: disciplines as Discipline[], regions, organisationIds, deadline: at.ms },
      { onSuccess: (r) => onCreated(r.request.id) },
    );
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate data-testid="status-request-form">
      <Stack gap="sm">
        <Title order={3}>New status request</Title>
        <TextInput label="Title" placeholder="All hospitals: bed availability by 10:30" value={title} onChange={(e) => setTitle(e.currentTarget.value)} autoFocus data-autofocus />
        <Group grow align="flex-start">
          <MultiSelect label="All facilities of these disciplines" data={disciplineOptions} value={disciplines} onChange={setDisciplines} searchable clearable />
          <MultiSelect label="In these regions (optional)" data={regionOptions} value={regions} onChange={setRegions} searchable clearable />
        </Group>
        <MultiSelect label="And these facilities" data={facilityOptions} value={organisationIds} onChange={setOrganisationIds} searchable clearable maxDropdownHeight={300} />
        <MultiSelect label="Fields to report" data={typeOptions} value={typeIds} onChange={setTypeIds} searchable clearable maxDropdownHeight={300} />
        <Group grow align="flex-start">
          <TimeField label="Deadline" withAsterisk timeZone={coalition.timeZone} reading="later" value={deadline} error={deadlineProblem} onChange={(e) => {
              setDeadline(e.currentTarget.value);
              setDeadlineProblem(null);
            }}
          />
          <Textarea label="Message (optional)" value={message} onChange={(e) => setMessage(e.currentTarget.value)} autosize minRows={1} />
        </Group>
        <FieldAttention />
        {create.error && <ErrorPanel title="Not recorded" error={create.error} />}
        <Group>
          <Button type="submit" loading={create.isPending} data-testid="status-request-send">
            Record the request <Kbd ml="xs">Ctrl+Enter</Kbd>
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
