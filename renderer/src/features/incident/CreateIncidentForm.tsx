import { Alert, Button, Checkbox, Group, NumberInput, Radio, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { Select } from '../../components/Select';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useShell } from '../../lib/shell-context';
import { call } from '../../backend';
import { formatDateTime } from '../../lib/format';
import { fieldErrors } from '../../lib/form-errors';
import { useMethod, useSingleCommand } from '../../lib/query';
import { TemplatePreview } from './TemplatePreview';
import { useNow } from '../../lib/use-now';
import { parseWallTime } from '../../../../shared/domain/wall-time';
import { useModalCancel } from '../../components/FormModal';

const SCRATCH = 'scratch';

/** Read when the form is submitted, not when it renders. */

/** One action from a template: the incident, period 1 with its objectives and positions, checklists. */
export function CreateIncidentForm({ onCreated, onCancel }: { onCreated: (id: string) => void; onCancel: () => void }) {
  const cancel = useModalCancel(onCancel);
  const { coalition } = useShell();
  const now = useNow(30_000);
  const templates = useMethod('incident.templates', {});
  const levels = useMethod('incident.levels', {});
  const create = useSingleCommand('incident.create');
  const sortedLevels = [...(levels.data?.levels ?? [])].sort((a, b) => a.rank - b.rank);
  const form = useForm({
    initialValues: {
      kind: '',
      templateId: SCRATCH,
      name: '',
      number: '',
      hazardType: '',
      description: '',
      activationLevelId: '',
      startedAt: '',
      openPeriod: true,
      periodHours: 12 as number | string,
      makeActive: true,
    },
    validate: {
      kind: (v) => (v ? null : 'Say whether this is a real incident or an exercise'),
      name: (v) => (v.trim() ? null : 'Incident name is required'),
      startedAt: (v) => (!v.trim() || parseWallTime(v, coalition.timeZone, Date.now()).ok ? null : 'Type the time as 24-hour HH:MM, or YYYY-MM-DD HH:MM'),
      periodHours: (v, all) => (!all.openPeriod || (Number(v) >= 1 && Number(v) <= 72) ? null : 'A period lasts 1 to 72 hours'),
    },
  });
  const v = form.values;
  const started = v.startedAt.trim() ? parseWallTime(v.startedAt, coalition.timeZone, now) : null;
  const template = templates.data?.templates.find((t) => t.id === v.templateId) ?? null;
  const levelId = v.activationLevelId || sortedLevels[0]?.id || '';

  const pickTemplate = (id: string | null) => {
    const t = templates.data?.templates.find((x) => x.id === id);
    form.setValues({ templateId: id ?? SCRATCH, hazardType: t?.hazardType ?? v.hazardType, description: t ? t.description : v.description });
  };

  const submit = form.onSubmit((val) => {
    if (!levelId) return form.setFieldError('activationLevelId', 'Choose the activation level');
    create.mutate(
      {
        name: val.name,
        number: val.number.trim() || undefined,
        exercise: val.kind === 'exercise',
        templateId: val.templateId === SCRATCH ? undefined : val.templateId,
        hazardType: val.hazardType.trim() || undefined,
        description: val.description.trim() || undefined,
        activationLevelId: levelId,
        startedAt: started?.ok ? started.ms : undefined,
        // Period 1 starts with the incident and lasts the chosen hours from that start.
        firstPeriod: val.openPeriod ? { hours: Number(val.periodHours) } : undefined,
      },
      {
        onSuccess: async ({ incident, period }) => {
          if (val.makeActive) await call('incident.setActive', { incidentId: incident.id });
          notifications.show({
            color: 'teal',
            title: incident.exercise ? 'Exercise started' : 'Incident started',
            message: `${incident.name}${period ? ` · period ${period.number} open` : ''}`,
          });
          onCreated(incident.id);
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate data-testid="create-incident-form">
      <Stack gap="sm">
        <Radio.Group label="This is" withAsterisk {...form.getInputProps('kind')}>
          <Group mt={4}>
            <Radio value="real" label="A real incident" />
            <Radio value="exercise" label="An exercise or drill (marked EXERCISE everywhere)" />
          </Group>
        </Radio.Group>
        <Select
          label="Start from"
          data={[{ value: SCRATCH, label: 'From scratch' }, ...(templates.data?.templates ?? []).map((t) => ({ value: t.id, label: `${t.name} (${t.hazardType})` }))]}
          value={v.templateId}
          onChange={pickTemplate}
          allowDeselect={false}
          searchable
        />
        {template && <TemplatePreview template={template} />}
        <SimpleGrid cols={3}>
          <TextInput label="Incident name (ICS 201 block 1)" withAsterisk data-autofocus {...form.getInputProps('name')} style={{ gridColumn: 'span 2' }} />
          <TextInput label="Incident number" placeholder="optional" {...form.getInputProps('number')} />
          <TextInput label="Hazard type" {...form.getInputProps('hazardType')} />
          <Select
            label="Activation level"
            withAsterisk
            data={sortedLevels.map((l) => ({ value: l.id, label: l.name }))}
            value={levelId}
            onChange={(id) => form.setFieldValue('activationLevelId', id ?? '')}
            error={form.errors.activationLevelId}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Group grow align="flex-start">
          <TextInput
            label="Started at (24 h)"
            placeholder="now, or e.g. 05:40"
            description={started?.ok ? formatDateTime(started.ms, coalition.timeZone) : 'When it began, if before now'}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.getInputProps('startedAt')}
          />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        </Group>
        <Group align="center" gap="xl">
          <Checkbox label="Open operational period 1 now, lasting" {...form.getInputProps('openPeriod', { type: 'checkbox' })} />
          <NumberInput aria-label="Period length (hours)" suffix=" hours" min={1} max={72} w={130} disabled={!v.openPeriod} {...form.getInputProps('periodHours')} />
          {v.openPeriod && Number(v.periodHours) >= 1 && (
            <Text size="sm" data-testid="first-period-end">
              {`ends ${formatDateTime((started?.ok ? started.ms : now) + Number(v.periodHours) * 3_600_000, coalition.timeZone)}`}
            </Text>
          )}
          <Checkbox label="Make it this workstation's active incident" {...form.getInputProps('makeActive', { type: 'checkbox' })} />
        </Group>
        {create.error && !Object.keys(fieldErrors(create.error)).length && <Alert color="red">{create.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="create-incident">
            {v.kind === 'exercise' ? 'Start exercise' : 'Start incident'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
