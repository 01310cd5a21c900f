import { Button, Group, Modal, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { MultiSelect } from '../../components/MultiSelect';
import { useState } from 'react';
import type { StatusType } from '../../../../shared/contract';
import { DISCIPLINE_LABELS, DISCIPLINES, type Discipline } from '../../../../shared/domain/disciplines';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useSingleCommand } from '../../lib/query';
import { useCatalogue } from './use-catalogue';

const hours = (min: number) => (min % 60 === 0 ? `${min / 60} h` : `${min} min`);

/** Edits one status type: its words, plausible range, largest plausible change, intervals and who reports it. */
function TypeForm({ type, levels, onClose }: { type: StatusType; levels: { id: string; name: string }[]; onClose(): void }) {
  const save = useSingleCommand('status.saveType');
  const [label, setLabel] = useState(type.label);
  const [unit, setUnit] = useState(type.unit ?? '');
  const [min, setMin] = useState<number | string>(type.min ?? '');
  const [max, setMax] = useState<number | string>(type.max ?? '');
  const [jump, setJump] = useState<number | string>(type.jumpShare === null ? '' : Math.round(type.jumpShare * 100));
  const [intervals, setIntervals] = useState<Record<string, number | string>>(Object.fromEntries(levels.map((l) => [l.id, (type.intervals[l.id] ?? type.defaultInterval) / 60])));
  const [disciplines, setDisciplines] = useState<string[]>(type.disciplines);
  const num = (v: number | string) => (v === '' ? null : Number(v));
  return (
    <Stack gap="sm" data-testid="status-type-form">
      <TextInput label="Label" value={label} onChange={(e) => setLabel(e.currentTarget.value)} />
      <SimpleGrid cols={3}>
        <TextInput label="Unit" value={unit} onChange={(e) => setUnit(e.currentTarget.value)} disabled={type.kind !== 'number'} />
        <NumberInput label="Lowest plausible" value={min} onChange={setMin} disabled={type.kind !== 'number'} />
        <NumberInput label="Highest plausible" value={max} onChange={setMax} disabled={type.kind !== 'number'} />
      </SimpleGrid>
      <NumberInput label="Largest plausible change in one report (%)" value={jump} onChange={setJump} disabled={type.kind !== 'number'} min={5} max={1000} />
      <Text fw={600}>Reporting interval (hours) per activation level: older reads STALE, twice older OVERDUE</Text>
      <SimpleGrid cols={3}>
        {levels.map((l) => (
          <NumberInput key={l.id} label={l.name} value={intervals[l.id]} onChange={(v) => setIntervals((x) => ({ ...x, [l.id]: v }))} min={0.25} step={0.5} decimalScale={2} />
        ))}
      </SimpleGrid>
      <MultiSelect label="Reported by" data={DISCIPLINES.map((d) => ({ value: d, label: DISCIPLINE_LABELS[d] }))} value={disciplines} onChange={setDisciplines} />
      {save.error && <ErrorPanel title="Not saved" error={save.error} />}
      <Group>
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              {
                id: type.id,
                label,
                group: type.group,
                kind: type.kind,
                unit: unit || null,
                min: num(min),
                max: num(max),
                choices: type.choices,
                baselineTypeId: type.baselineTypeId,
                jumpShare: jump === '' ? null : Number(jump) / 100,
                aggregate: type.aggregate,
                intervals: Object.fromEntries(Object.entries(intervals).map(([k, v]) => [k, Math.round(Number(v) * 60)])),
                defaultInterval: type.defaultInterval,
                disciplines: disciplines as Discipline[],
              },
              { onSuccess: onClose },
            )
          }
        >
          Save
        </Button>
        <Button variant="subtle" onClick={onClose}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}

const KINDS = [
  { value: 'number', label: 'Number' },
  { value: 'choice', label: 'Choice' },
  { value: 'yes_no', label: 'Yes/no' },
  { value: 'text', label: 'Text' },
  { value: 'datetime', label: 'Date and time' },
];

/** A status type the defaults lack: its code (fixed once saved), words, kind and who reports it. */
function NewTypeForm({ groups, onClose }: { groups: string[]; onClose(): void }) {
  const save = useSingleCommand('status.saveType');
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [group, setGroup] = useState(groups[0] ?? 'Operations');
  const [kind, setKind] = useState<StatusType['kind']>('number');
  const [unit, setUnit] = useState('');
  const [choices, setChoices] = useState('');
  const [every, setEvery] = useState<number | string>(6);
  const [disciplines, setDisciplines] = useState<string[]>([]);
  // "Label = severity" a line: "Open = 0", "Closed = 3".
  const parsedChoices = choices
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name = '', sev = '0'] = l.split('=').map((x) => x.trim());
      return { value: name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, ''), label: name, severity: Math.min(3, Math.max(0, Number(sev) || 0)) as 0 | 1 | 2 | 3 };
    });
  return (
    <Stack gap="sm" data-testid="new-status-type-form">
      <SimpleGrid cols={2}>
        <TextInput label="Code (fixed once saved)" placeholder="beds.burn_surge.available" value={code} onChange={(e) => setCode(e.currentTarget.value)} />
        <TextInput label="Label" value={label} onChange={(e) => setLabel(e.currentTarget.value)} />
        <TextInput label="Group" value={group} onChange={(e) => setGroup(e.currentTarget.value)} />
        <NativeSelect label="Kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as StatusType['kind'])} data={KINDS} />
      </SimpleGrid>
      {kind === 'number' && <TextInput label="Unit" placeholder="beds" value={unit} onChange={(e) => setUnit(e.currentTarget.value)} />}
      {kind === 'choice' && (
        <Textarea label="Choices, one a line: label = severity (0 normal, 1 advisory, 2 warning, 3 critical)" placeholder={'Open = 0\nLimited = 1\nClosed = 3'} value={choices} onChange={(e) => setChoices(e.currentTarget.value)} autosize minRows={3} />
      )}
      <NumberInput label="Report every (hours), at every activation level until edited" value={every} onChange={setEvery} min={0.25} step={0.5} decimalScale={2} />
      <MultiSelect label="Reported by" data={DISCIPLINES.map((d) => ({ value: d, label: DISCIPLINE_LABELS[d] }))} value={disciplines} onChange={setDisciplines} />
      {save.error && <ErrorPanel title="Not saved" error={save.error} />}
      <Group>
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              {
                code,
                label,
                group,
                kind,
                unit: kind === 'number' && unit ? unit : null,
                choices: kind === 'choice' ? parsedChoices : [],
                aggregate: 'none',
                defaultInterval: Math.round(Number(every) * 60),
                disciplines: disciplines as Discipline[],
              },
              { onSuccess: onClose },
            )
          }
        >
          Add to the catalogue
        </Button>
        <Button variant="subtle" onClick={onClose}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}

/** The EEI catalogue: what each discipline reports, how often, and what is plausible. */
export function CatalogueView() {
  const catalogue = useCatalogue();
  const [editing, setEditing] = useState<StatusType | null>(null);
  const [adding, setAdding] = useState(false);
  const [group, setGroup] = useState('');
  if (catalogue.error) return <ErrorPanel title="The catalogue could not be read" error={catalogue.error} />;
  const d = catalogue.data;
  if (!d) return null;
  const groups = [...new Set(d.types.map((t) => t.group))];
  const shown = d.types.filter((t) => !group || t.group === group);
  return (
    <Stack gap="sm" data-testid="status-catalogue">
      <Group align="flex-end">
        <NativeSelect label="Group" value={group} onChange={(e) => setGroup(e.currentTarget.value)} data={[{ value: '', label: 'All groups' }, ...groups]} />
        <Text>{`Intervals read at ${d.level?.name ?? 'the lowest level'}, the coalition's level now.`}</Text>
        <Button variant="default" onClick={() => setAdding(true)} data-testid="new-status-type">
          New status type
        </Button>
      </Group>
      <Paper withBorder>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Status type</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Plausible</Table.Th>
              <Table.Th>Every (now)</Table.Th>
              <Table.Th>Reported by</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>
                  <Text fw={600}>{t.label}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {t.code}
                  </Text>
                </Table.Td>
                <Table.Td>{t.kind === 'choice' ? t.choices.map((c) => c.label).join(' / ') : t.kind === 'number' ? `number${t.unit ? ` (${t.unit})` : ''}` : t.kind.replace('_', '/')}</Table.Td>
                <Table.Td>{t.kind === 'number' ? `${t.min ?? '…'} to ${t.max ?? '…'}${t.jumpShare !== null ? `, change ≤ ${Math.round(t.jumpShare * 100)}%` : ''}` : ''}</Table.Td>
                <Table.Td>{hours(t.intervalNow)}</Table.Td>
                <Table.Td>{t.disciplines.map((x) => DISCIPLINE_LABELS[x]).join(', ')}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => setEditing(t)} aria-label={`Edit ${t.label}`}>
                    Edit
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Modal opened={adding} onClose={() => setAdding(false)} title={<Title order={3}>New status type</Title>} size="lg">
        {adding && <NewTypeForm groups={groups} onClose={() => setAdding(false)} />}
      </Modal>
      <Modal opened={!!editing} onClose={() => setEditing(null)} title={<Title order={3}>{editing?.label}</Title>} size="lg">
        {editing && <TypeForm type={editing} levels={d.levels} onClose={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
