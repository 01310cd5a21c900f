import { Alert, Autocomplete, Button, Group, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { MultiSelect } from '../../components/MultiSelect';
import { Select } from '../../components/Select';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Decision } from '../../../../shared/contract';
import { useShell } from '../../lib/shell-context';
import { formatDateTime } from '../../lib/format';
import { fieldErrors } from '../../lib/form-errors';
import { useMethod, useSingleCommand } from '../../lib/query';
import { useNow } from '../../lib/use-now';
import { parseWallTime } from '../../../../shared/domain/wall-time';
import { parseLinks, useLinkOptions } from './use-link-options';
import { PlanCitationField, parseCitation } from '../plan/PlanCitationField';
import { useModalCancel } from '../../components/FormModal';
import { OptionsField } from './OptionsField';

const AUTHORITIES = [
  'Coalition Response Plan',
  'Multi-Agency Coordination Plan',
  'Incident Commander delegation',
  'Coalition bylaws: duty officer authority',
  'State ESF-8 direction',
];

interface Props {
  incidentId: string;
  supersedes?: Decision;
  onDone: () => void;
}

/** What was decided, the options weighed, why, on what authority, by whom, in answer to what. */
export function DecisionForm({ incidentId, supersedes, onDone }: Props) {
  const cancel = useModalCancel(onDone);
  const { coalition, session } = useShell();
  const positions = useMethod('position.list', {});
  const linkOptions = useLinkOptions(incidentId);
  const record = useSingleCommand('decision.record');
  const now = useNow(10_000);
  const form = useForm({
    initialValues: {
      title: supersedes?.title ?? '',
      decision: '',
      options: (supersedes?.options ?? []).map((o) => o.text).concat(supersedes ? [] : ['', '']),
      chosen: '',
      rationale: '',
      authority: supersedes?.authority ?? '',
      madeByName: session.operatorName,
      madeByPositionId: session.position.id,
      decidedAt: '',
      links: [] as string[],
      citation: '',
    },
    validate: {
      title: (v) => (v.trim() ? null : 'Give the decision a short title'),
      decision: (v) => (v.trim() ? null : 'Say what was decided'),
      rationale: (v) => (v.trim() ? null : 'Say why: the rationale is part of the record'),
      authority: (v) => (v.trim() ? null : 'Name the plan, order or delegation it was made under'),
      decidedAt: (v) => (v.trim() && !parseWallTime(v, coalition.timeZone, Date.now()).ok ? 'Type the time as 24-hour HH:MM' : null),
    },
  });
  const v = form.values;
  const parsed = v.decidedAt.trim() ? parseWallTime(v.decidedAt, coalition.timeZone, now) : null;

  const submit = form.onSubmit((val) => {
    const options = val.options.map((t, i) => ({ text: t.trim(), chosen: String(i) === val.chosen })).filter((o) => o.text);
    record.mutate(
      {
        incidentId,
        title: val.title,
        decision: val.decision,
        options,
        rationale: val.rationale,
        authority: val.authority,
        madeByName: val.madeByName,
        madeByPositionId: val.madeByPositionId,
        decidedAt: parsed?.ok ? parsed.ms : undefined,
        links: parseLinks(val.links),
        citation: parseCitation(val.citation),
        supersedesId: supersedes?.id,
      },
      {
        onSuccess: (d) => {
          notifications.show({ color: 'teal', title: 'Decision recorded', message: `${d.title} · with the situation as it stands now` });
          onDone();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate data-testid="decision-form">
      <Stack gap="sm">
        <TextInput label="Title" withAsterisk data-autofocus {...form.getInputProps('title')} />
        <Textarea label="Decision" withAsterisk autosize minRows={2} {...form.getInputProps('decision')} />
        <OptionsField
          options={v.options}
          chosen={v.chosen}
          inputProps={(i) => form.getInputProps(`options.${i}`)}
          onInsert={() => form.insertListItem('options', '')}
          onRemove={(i) => form.removeListItem('options', i)}
          onChoose={(c) => form.setFieldValue('chosen', c)}
          error={form.errors.options}
        />
        <Textarea label="Rationale" withAsterisk autosize minRows={2} {...form.getInputProps('rationale')} />
        {/* Free text: a plan and its section ("CONOPS 4.2"); the list only suggests. */}
        <Autocomplete
          label="Authority"
          description="The plan and section, order or delegation, e.g. CONOPS 4.2"
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          withAsterisk
          data={AUTHORITIES}
          data-testid="decision-authority"
          {...form.getInputProps('authority')}
        />
        <PlanCitationField value={v.citation} onChange={(c) => form.setFieldValue('citation', c)} />
        <SimpleGrid cols={3}>
          <TextInput label="Made by (name)" withAsterisk {...form.getInputProps('madeByName')} />
          <Select
            label="Position"
            data={(positions.data?.positions ?? []).map((p) => ({ value: p.id, label: p.title }))}
            searchable
            allowDeselect={false}
            {...form.getInputProps('madeByPositionId')}
          />
          <TextInput
            label="Decided at (24 h)"
            placeholder="now, or e.g. 13:40"
            description={parsed?.ok ? formatDateTime(parsed.ms, coalition.timeZone) : 'Leave empty for now'}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.getInputProps('decidedAt')}
          />
        </SimpleGrid>
        <MultiSelect label="Responds to" placeholder="Entries, messages or requests" data={linkOptions} searchable clearable maxDropdownHeight={300} {...form.getInputProps('links')} />
        {record.error && !Object.keys(fieldErrors(record.error)).length && <Alert color="red">{record.error.message}</Alert>}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            A snapshot of the situation (open requests, log activity, period, level) is taken when you record.
          </Text>
          <Group>
            <Button variant="default" onClick={cancel}>
              Cancel
            </Button>
            <Button type="submit" loading={record.isPending}>
              {supersedes ? 'Record and supersede' : 'Record decision'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
