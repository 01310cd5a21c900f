import { Alert, Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { Select } from '../../components/Select';
import { useForm } from '@mantine/form';
import { fieldErrors } from '../../lib/form-errors';
import { useSingleCommand } from '../../lib/query';

const SECTIONS = ['Command', 'Command Staff', 'Operations', 'Planning', 'Logistics', 'Finance/Administration', 'Coalition'];

export function CustomPositionForm({ onAdded }: { onAdded: (id: string) => void }) {
  const add = useSingleCommand('position.addCustom');
  const form = useForm({
    initialValues: { title: '', code: '', section: 'Operations' },
    validate: {
      title: (v) => (v.trim() ? null : 'Position title is required'),
      code: (v) => (/^[A-Z0-9-]+$/.test(v) ? null : 'Capital letters, digits or dashes, such as EVAC-COORD'),
    },
  });
  return (
    <Paper withBorder p="md" data-testid="custom-position-form">
      <form onSubmit={form.onSubmit((v) => add.mutate(v, { onSuccess: (p) => onAdded(p.id), onError: (e) => form.setErrors(fieldErrors(e)) }))} noValidate>
        <Stack gap="sm">
          <Title order={4}>Add a custom position</Title>
          <TextInput label="Title" placeholder="e.g. Evacuation Coordinator" {...form.getInputProps('title')} />
          <Group grow>
            <TextInput label="Code" placeholder="EVAC-COORD" {...form.getInputProps('code')} onChange={(e) => form.setFieldValue('code', e.currentTarget.value.toUpperCase())} />
            <Select label="Section" data={SECTIONS} allowDeselect={false} {...form.getInputProps('section')} />
          </Group>
          {add.error && !Object.keys(fieldErrors(add.error)).length && <Alert color="red" role="alert">{add.error.message}</Alert>}
          <Button type="submit" variant="light" loading={add.isPending}>
            Add position
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
