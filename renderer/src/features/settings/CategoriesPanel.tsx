import { ActionIcon, Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useCommand, useMethod, useSingleCommand } from '../../lib/query';

/** The coalition's ICS 214 categories: add, rename (on blur) and remove. Entries keep their own. */
export function CategoriesPanel({ readOnly }: { readOnly: boolean }) {
  const list = useMethod('log.categories', {});
  // Adding records a new category: one per press. A rename (on blur) sets a name and a
  // remove is idempotent, and one row's must not be dropped while another row's travels.
  const add = useSingleCommand('log.saveCategory');
  const rename = useCommand('log.saveCategory');
  const remove = useCommand('log.removeCategory');
  const [name, setName] = useState('');
  const error = add.error ?? rename.error ?? remove.error;
  return (
    <Paper withBorder p="md" data-testid="categories-panel">
      <Title order={3} mb="xs">
        Log categories
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Offered when writing an ICS 214 entry. Entries already written keep their category.
      </Text>
      <Stack gap={6}>
        {(list.data?.categories ?? []).map((c) => (
          <Group key={c.id} gap="xs" wrap="nowrap">
            <TextInput
              flex={1}
              aria-label={`Category ${c.name}`}
              defaultValue={c.name}
              readOnly={readOnly}
              onBlur={(e) => {
                const v = e.currentTarget.value.trim();
                if (v && v !== c.name) rename.mutate({ id: c.id, name: v });
              }}
            />
            {!readOnly && (
              <ActionIcon variant="subtle" color="red" aria-label={`Remove category ${c.name}`} onClick={() => remove.mutate({ id: c.id })}>
                <IconTrash size={18} />
              </ActionIcon>
            )}
          </Group>
        ))}
        {!readOnly && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (name.trim()) add.mutate({ name: name.trim() }, { onSuccess: () => setName('') });
            }}
          >
            <Group gap="xs" wrap="nowrap">
              <TextInput flex={1} aria-label="New category" placeholder="New category" value={name} onChange={(e) => setName(e.currentTarget.value)} />
              <Button type="submit" variant="default" loading={add.isPending}>
                Add
              </Button>
            </Group>
          </form>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
