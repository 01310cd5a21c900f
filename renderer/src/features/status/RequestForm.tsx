import { Button, Group, MultiSelect, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { DISCIPLINE_LABELS, type Discipline } from '../../../../shared/domain/disciplines';
import { wallTimeMs } from '../../../../shared/domain/wall-time';
import { ErrorPanel } from '../../components/ErrorPanel';
import { TimeField } from '../../components/TimeField';
import { useMethod, useSingleCommand } from '../../lib/query';
import { useShell } from '../../lib/shell-context';
import { useCatalogue } from './use-catalogue';

/** "All hospitals report bed availability by 10:30": who, which fields, by when. */
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
  const [problem, setProblem] = useState<string | null>(null);
  const regionOptions = useMemo(() => [...new Set((facilities.data?.facilities ?? []).map((f) => f.region).filter((r): r is string => !!r))], [facilities.data]);
  const disciplineOptions = (catalogue.data?.sets ?? []).filter((s) => s.typeIds.length).map((s) => ({ value: s.discipline, label: DISCIPLINE_LABELS[s.discipline] }));
  const facilityOptions = (facilities.data?.facilities ?? []).map((f) => ({ value: f.organisationId, label: `${f.name} (${f.disciplineLabel})` }));
  const typeOptions = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const t of catalogue.data?.types ?? []) groups.set(t.group, [...(groups.get(t.group) ?? []), { value: t.id, label: t.label }]);
    return [...groups].map(([group, items]) => ({ group, items }));
  }, [catalogue.data]);

  const submit = () => {
    const at = wallTimeMs(deadline, coalition.timeZone, 'later');
    if (at === null) return setProblem('Deadline: type it as 24-hour HH:MM or YYYY-MM-DD HH:MM');
    setProblem(null);
    create.mutate(
      { title, ...(message.trim() ? { message } : {}), typeIds, disciplines: disciplines as Discipline[], regions, organisationIds, deadline: at },
      { onSuccess: (r) => onCreated(r.request.id) },
    );
  };
  return (
    <Paper withBorder p="md" data-testid="status-request-form">
      <Stack gap="sm">
        <Title order={3}>New status request</Title>
        <TextInput label="Title" placeholder="All hospitals: bed availability by 10:30" value={title} onChange={(e) => setTitle(e.currentTarget.value)} autoFocus data-autofocus />
        <Group grow align="flex-start">
          <MultiSelect label="All facilities of these disciplines" data={disciplineOptions} value={disciplines} onChange={setDisciplines} clearable />
          <MultiSelect label="In these regions (optional)" data={regionOptions} value={regions} onChange={setRegions} clearable />
        </Group>
        <MultiSelect label="And these facilities" data={facilityOptions} value={organisationIds} onChange={setOrganisationIds} searchable clearable maxDropdownHeight={300} />
        <MultiSelect label="Fields to report" data={typeOptions} value={typeIds} onChange={setTypeIds} searchable clearable maxDropdownHeight={300} />
        <Group grow align="flex-start">
          <TimeField label="Deadline" timeZone={coalition.timeZone} reading="later" value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} />
          <Textarea label="Message (optional)" value={message} onChange={(e) => setMessage(e.currentTarget.value)} autosize minRows={1} />
        </Group>
        {problem && <ErrorPanel title="Not recorded" error={problem} />}
        {create.error && <ErrorPanel title="Not recorded" error={create.error} />}
        <Group>
          <Button onClick={submit} loading={create.isPending} data-testid="status-request-send">
            Record the request
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
