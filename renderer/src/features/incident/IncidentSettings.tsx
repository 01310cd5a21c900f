import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { MultiSelect } from '../../components/MultiSelect';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Incident } from '../../../../shared/contract';
import { fieldErrors } from '../../lib/form-errors';
import { useMethod, useSingleCommand } from '../../lib/query';

/** Name, number, hazard and description, and which positions approve significant events. */
export function IncidentSettings({ incident: i }: { incident: Incident }) {
  const positions = useMethod('position.list', {});
  const update = useSingleCommand('incident.update');
  const readOnly = i.status !== 'open';
  const form = useForm({
    initialValues: {
      name: i.name,
      number: i.number ?? '',
      hazardType: i.hazardType,
      description: i.description,
      boardApproverPositionIds: i.boardApproverPositionIds,
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Incident name is required'),
      boardApproverPositionIds: (v) => (v.length ? null : 'At least one position must approve significant events'),
    },
  });
  const submit = form.onSubmit((v) =>
    update.mutate(
      { id: i.id, ...v },
      {
        onSuccess: () => {
          form.resetDirty();
          notifications.show({ color: 'teal', title: 'Saved', message: i.name });
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    ),
  );
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} data-testid="incident-settings">
        <Stack gap="sm">
          <SimpleGrid cols={3}>
            <TextInput label="Incident name" readOnly={readOnly} {...form.getInputProps('name')} />
            <TextInput label="Incident number" readOnly={readOnly} {...form.getInputProps('number')} />
            <TextInput label="Hazard type" readOnly={readOnly} {...form.getInputProps('hazardType')} />
          </SimpleGrid>
          <Textarea label="Description" autosize minRows={2} readOnly={readOnly} {...form.getInputProps('description')} />
          <MultiSelect
            label="Positions that approve significant events"
            description="Their holders approve proposed entries onto the board everyone sees."
            data={(positions.data?.positions ?? []).map((p) => ({ value: p.id, label: p.title }))}
            searchable
            disabled={readOnly}
            {...form.getInputProps('boardApproverPositionIds')}
          />
          <Text size="sm" c="dimmed">
            {i.exercise ? 'This is an exercise' : 'This is a real incident'}: that is fixed at creation, so records made under one flag never appear under the other.
          </Text>
          {update.error && !Object.keys(fieldErrors(update.error)).length && <Alert color="red">{update.error.message}</Alert>}
          {!readOnly && (
            <Group justify="flex-end">
              <Button type="submit" disabled={!form.isDirty()} loading={update.isPending}>
                Save details
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
