import { Alert, Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Period } from '../../../../shared/contract';
import { useShell } from '../../lib/shell-context';
import { formatDateTime } from '../../lib/format';
import { fieldErrors } from '../../lib/form-errors';
import { useSingleCommand } from '../../lib/query';
import { parseWallTime, toWallText } from '../../../../shared/domain/wall-time';

/** ICS 202 blocks 2 (start, planned end), 4, 5, 7, 8; read-only once the period is closed. */
export function Ics202Blocks({ period: p }: { period: Period }) {
  const { coalition } = useShell();
  const tz = coalition.timeZone;
  const update = useSingleCommand('incident.updatePeriod');
  const readOnly = p.status !== 'open';
  const form = useForm({
    initialValues: {
      commandEmphasis: p.commandEmphasis,
      situationalAwareness: p.situationalAwareness,
      siteSafetyPlanRequired: p.siteSafetyPlanRequired,
      siteSafetyPlanLocation: p.siteSafetyPlanLocation,
      preparedBy: p.preparedBy,
      approvedBy: p.approvedBy,
      startsAt: toWallText(p.startsAt, tz),
      endsAt: toWallText(p.endsAt, tz),
    },
    validate: {
      startsAt: (v) => (parseWallTime(v, tz, p.startsAt, 'today').ok ? null : 'Type the start as YYYY-MM-DD HH:MM (24 h)'),
      endsAt: (v) => (parseWallTime(v, tz, p.startsAt, 'today').ok ? null : 'Type the end as YYYY-MM-DD HH:MM (24 h)'),
    },
  });
  const start = parseWallTime(form.values.startsAt, tz, p.startsAt, 'today');
  const end = parseWallTime(form.values.endsAt, tz, p.startsAt, 'today');
  const submit = form.onSubmit((v) =>
    update.mutate(
      {
        periodId: p.id,
        commandEmphasis: v.commandEmphasis,
        situationalAwareness: v.situationalAwareness,
        siteSafetyPlanRequired: v.siteSafetyPlanRequired,
        siteSafetyPlanLocation: v.siteSafetyPlanLocation,
        preparedBy: v.preparedBy,
        approvedBy: v.approvedBy,
        // The fields show minutes only: an untouched time keeps the stored one exactly.
        startsAt: form.isDirty('startsAt') && start.ok && start.ms !== p.startsAt ? start.ms : undefined,
        endsAt: form.isDirty('endsAt') && end.ok && end.ms !== p.endsAt ? end.ms : undefined,
      },
      { onSuccess: () => form.resetDirty(), onError: (e) => form.setErrors(fieldErrors(e)) },
    ),
  );
  return (
    <form onSubmit={submit} data-testid="ics202-blocks">
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <Textarea label="4. Operational period command emphasis" autosize minRows={2} readOnly={readOnly} {...form.getInputProps('commandEmphasis')} />
          <Textarea label="4. General situational awareness" autosize minRows={2} readOnly={readOnly} {...form.getInputProps('situationalAwareness')} />
        </SimpleGrid>
        <Group align="flex-end">
          <Checkbox mb={8} label="5. Site safety plan required" disabled={readOnly} {...form.getInputProps('siteSafetyPlanRequired', { type: 'checkbox' })} />
          <TextInput label="Approved site safety plan located at" flex={1} readOnly={readOnly} {...form.getInputProps('siteSafetyPlanLocation')} />
        </Group>
        <SimpleGrid cols={4}>
          <TextInput label="7. Prepared by"
            placeholder="Name, position" readOnly={readOnly} {...form.getInputProps('preparedBy')} />
          <TextInput label="8. Approved by (IC)"
            placeholder="Incident Commander name" readOnly={readOnly} {...form.getInputProps('approvedBy')} />
          <TextInput
            label="2. Started (24 h)"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            readOnly={readOnly}
            description={start.ok ? formatDateTime(start.ms, tz) : undefined}
            data-testid="period-start"
            {...form.getInputProps('startsAt')}
          />
          <TextInput
            label="2. Planned end (24 h)"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            readOnly={readOnly}
            description={end.ok ? formatDateTime(end.ms, tz) : undefined}
            {...form.getInputProps('endsAt')}
          />
        </SimpleGrid>
        {update.error && !Object.keys(fieldErrors(update.error)).length && <Alert color="red">{update.error.message}</Alert>}
        {!readOnly && (
          <Group justify="flex-end">
            {form.isDirty() && (
              <Text size="sm" c="orange">
                Unsaved changes
              </Text>
            )}
            <Button type="submit" size="xs" variant="default" disabled={!form.isDirty()} loading={update.isPending}>
              Save ICS 202 blocks
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
