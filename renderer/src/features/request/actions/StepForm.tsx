import { Alert, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { Select } from '../../../components/Select';
import { useForm } from '@mantine/form';
import type { RequestDetail, TransitionInput } from '../../../../../shared/contract';
import { ACTION_LABELS, type RequestAction } from '../../../../../shared/domain/request-state';
import { TimeField } from '../../../components/TimeField';
import { wallTimeMs, wallTimeProblem } from '../../../../../shared/domain/wall-time';
import { STEP_FIELDS } from './step-fields';
import { useTransition } from './use-transition';
import { useModalCancel } from '../../../components/FormModal';

interface Props {
  request: RequestDetail;
  action: RequestAction;
  timeZone: string;
  /** Shown above the form when the step is not one the state machine offers now. */
  warning?: string | null;
  presetFillId?: string;
  onDone: () => void;
}

/** Any step but sourcing and returns: its one field, an optional note, and when it happened. */
export function StepForm({ request, action, timeZone, warning, presetFillId, onDone }: Props) {
  const cancel = useModalCancel();
  const field = STEP_FIELDS[action];
  const t = useTransition(onDone);
  const fills = request.lines.flatMap((l) => l.fills.filter((f) => !f.withdrawn).map((f) => ({ value: f.id, label: `Line ${l.lineNo}: ${f.quantity} from ${f.sourceName}` })));
  const form = useForm({
    initialValues: { value: presetFillId ?? '', reason: '', note: '', occurredAt: '' },
    validate: {
      value: (v) => (field?.required && !v.trim() ? `${field.label} is required` : field?.kind === 'time' ? wallTimeProblem(v, timeZone, 'later') : null),
      reason: (v) => (field?.kind === 'fill' && !v.trim() ? 'Reason for withdrawing is required' : null),
      occurredAt: (v) => (v.trim() && wallTimeMs(v, timeZone, 'past') === null ? 'Write the time as YYYY-MM-DD HH:MM (24-hour), or HH:MM for today' : null),
    },
  });
  const submit = form.onSubmit((v) => {
    const extra: Record<string, unknown> = {};
    if (field?.kind === 'time') extra[field.name] = wallTimeMs(v.value, timeZone, 'later');
    else if (field?.kind === 'fill') Object.assign(extra, { fillId: v.value, reason: v.reason });
    else if (field && v.value.trim()) extra[field.name] = v.value.trim();
    const occurredAt = v.occurredAt ? wallTimeMs(v.occurredAt, timeZone, 'past') : null;
    t.run({ action, id: request.id, note: v.note.trim() || null, ...(occurredAt ? { occurredAt } : {}), ...extra } as TransitionInput);
  });
  return (
    <form onSubmit={submit} noValidate data-testid="step-form" data-action={action}>
      <Stack gap="sm">
        {warning && (
          <Alert color="yellow" title="Not offered at this status">
            {warning}
          </Alert>
        )}
        {field?.kind === 'long' && <Textarea label={field.label} withAsterisk={field.required} autosize minRows={2} data-autofocus {...form.getInputProps('value')} />}
        {field?.kind === 'text' && <TextInput label={field.label} withAsterisk={field.required} data-autofocus {...form.getInputProps('value')} />}
        {field?.kind === 'time' && <TimeField label={field.label} timeZone={timeZone} reading="later" withAsterisk data-autofocus {...form.getInputProps('value')} />}
        {field?.kind === 'fill' && (
          <>
            <Select label={field.label} data={fills} withAsterisk {...form.getInputProps('value')} />
            <Textarea label="Reason for withdrawing" withAsterisk autosize data-autofocus {...form.getInputProps('reason')} />
          </>
        )}
        <Textarea label="Note (optional)" autosize minRows={1} {...form.getInputProps('note')} />
        <TimeField
          label="When it happened, if earlier"
          timeZone={timeZone}
          reading="past"
          description="Leave empty for now. For steps taken on paper, phone or radio: 24-hour, HH:MM alone means the last time the clock showed it."
          {...form.getInputProps('occurredAt')}
        />
        {t.error && (
          <Alert color="red" role="alert" title="Refused" data-testid="transition-error">
            {t.error.message}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            Signed with your name, position and this workstation.
          </Text>
          <Group>
            <Button variant="default" onClick={cancel}>
              Back
            </Button>
            <Button type="submit" loading={t.pending} data-autofocus={!field ? true : undefined} data-testid="step-submit">
              {ACTION_LABELS[action]}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
