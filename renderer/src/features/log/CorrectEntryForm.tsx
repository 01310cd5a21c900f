import { Alert, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { Select } from '../../components/Select';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { LogEntry } from '../../../../shared/contract';
import { useCategories } from './use-categories';
import { fieldErrors } from '../../lib/form-errors';
import { useSingleCommand } from '../../lib/query';

/** A correction is a new entry linked to the original; the original is never changed. */
export function CorrectEntryForm({ entry, onDone }: { entry: LogEntry; onDone: () => void }) {
  const categories = useCategories([entry.category]);
  const correct = useSingleCommand('log.correct');
  const form = useForm({
    initialValues: { text: entry.text, category: entry.category },
    validate: { text: (v) => (!v.trim() ? 'Type the corrected text' : v.trim() === entry.text.trim() ? 'The text is unchanged' : null) },
  });
  const submit = form.onSubmit((v) =>
    correct.mutate(
      { entryId: entry.id, text: v.text, category: v.category !== entry.category ? v.category : undefined },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Correction recorded', message: 'The original stays on the record, marked corrected.' });
          onDone();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    ),
  );
  return (
    <Paper withBorder p="sm">
      <form onSubmit={submit} noValidate data-testid="correct-form">
        <Stack gap="sm">
          <Text fw={700}>Correction</Text>
          <Textarea label="Corrected text" autosize minRows={3} data-autofocus autoFocus {...form.getInputProps('text')} />
          <Select
            label="Category"
            data={categories}
            searchable
            allowDeselect={false}
            {...form.getInputProps('category')}
            onChange={(v) => form.setFieldValue('category', v ?? entry.category)}
          />
          {correct.error && !Object.keys(fieldErrors(correct.error)).length && <Alert color="red">{correct.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={correct.isPending}>
              Record correction
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
