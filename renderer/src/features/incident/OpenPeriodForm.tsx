import { Alert, Button, Checkbox, Group, NumberInput, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Incident, Period } from '../../../../shared/contract';
import { useShell } from '../../lib/shell-context';
import { formatDateTime } from '../../lib/format';
import { fieldErrors } from '../../lib/form-errors';
import { useMethod, useSingleCommand } from '../../lib/query';
import { useNow } from '../../lib/use-now';
import { parseWallTime } from '../../../../shared/domain/wall-time';

/** The next period starts where the last ended (or now) and copies its objectives and staffing. */
export function OpenPeriodForm({ incident, previous }: { incident: Incident; previous: Period | null }) {
  const { coalition } = useShell();
  const tz = coalition.timeZone;
  const open = useSingleCommand('incident.openPeriod');
  const now = useNow(30_000);
  const number = (previous?.number ?? 0) + 1;
  const templates = useMethod('incident.templates', {}, { enabled: !previous && !!incident.templateId });
  const carried = previous
    ? [...previous.objectives].sort((a, b) => a.ordinal - b.ordinal).map((o) => o.text)
    : (templates.data?.templates.find((t) => t.id === incident.templateId)?.objectives ?? []);
  const carriedText = carried.join('\n');
  const form = useForm({
    initialValues: { startsAt: '', hours: 12 as number | string, copyStaffing: true, objectives: null as string | null },
    validate: {
      startsAt: (v) => (!v.trim() || parseWallTime(v, tz, Date.now(), 'today').ok ? null : 'Type the start as HH:MM or YYYY-MM-DD HH:MM (24 h)'),
      hours: (v) => (Number(v) >= 1 && Number(v) <= 72 ? null : 'A period lasts 1 to 72 hours'),
    },
  });
  const typed = form.values.startsAt.trim() ? parseWallTime(form.values.startsAt, tz, now, 'today') : null;
  // Default start: where the last period ended if that was within hours, the incident's
  // start for period 1, else now. Gaps between periods are allowed; overlaps are not.
  const fallback = previous ? (now - previous.endsAt < 6 * 3_600_000 && previous.endsAt <= now ? previous.endsAt : now) : Math.min(incident.startedAt, now);
  const start = typed?.ok ? typed.ms : fallback;
  const end = start + Number(form.values.hours) * 3_600_000;
  const submit = form.onSubmit((v) =>
    open.mutate(
      {
        incidentId: incident.id,
        startsAt: typed?.ok || start !== now ? start : undefined,
        endsAt: end,
        copyStaffing: v.copyStaffing,
        // Untouched, the backend carries the objectives over itself (previous period or template).
        objectives: v.objectives === null ? undefined : v.objectives.split('\n').map((o) => o.trim()).filter(Boolean),
      },
      { onError: (e) => form.setErrors({ ...fieldErrors(e), startsAt: fieldErrors(e).startsAt }) },
    ),
  );
  return (
    <Paper withBorder p="md" data-testid="open-period-form">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3}>Open operational period {number}</Title>
          <Text size="sm" c="dimmed">
            {previous
              ? `Objectives and staffing start as a copy of period ${previous.number}; change the objectives here or once it is open.`
              : 'Objectives and positions come from the incident’s template, if it has one.'}
          </Text>
          <Group align="flex-start">
            <TextInput label="Starts (24 h)" placeholder="now" description={formatDateTime(start, tz)} w={260} {...form.getInputProps('startsAt')} />
            <NumberInput label="Lasts (hours)" min={1} max={72} w={140} {...form.getInputProps('hours')} />
            <TextInput label="Ends" readOnly value={formatDateTime(end, tz)} w={240} />
          </Group>
          <Textarea
            label="3. Objectives, one per line, in priority order"
            autosize
            minRows={3}
            maxRows={10}
            value={form.values.objectives ?? carriedText}
            onChange={(e) => form.setFieldValue('objectives', e.currentTarget.value)}
            data-testid="next-objectives"
          />
          {previous && <Checkbox label={`Copy the staffing of period ${previous.number}`} {...form.getInputProps('copyStaffing', { type: 'checkbox' })} />}
          {open.error && !Object.keys(fieldErrors(open.error)).length && <Alert color="red">{open.error.message}</Alert>}
          <Group justify="flex-end">
            <Button type="submit" loading={open.isPending} data-testid="open-period">
              Open period {number}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
