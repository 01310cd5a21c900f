import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useSingleCommand } from '../../lib/query';

/** Anyone may propose an entry for the board; the designated position approves it. */
export function ProposeForm({ entryId, onDone }: { entryId: string; onDone: () => void }) {
  const propose = useSingleCommand('log.proposeSignificant');
  const [note, setNote] = useState('');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    propose.mutate(
      { entryId, note: note.trim() || undefined },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Proposed', message: 'Waiting for approval onto the significant events board.' });
          onDone();
        },
      },
    );
  };
  return (
    <Paper withBorder p="sm">
      <form onSubmit={submit} data-testid="propose-form">
        <Stack gap="sm">
          <Text fw={700}>Propose for the significant events board</Text>
          <TextInput label="Why it matters (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus autoFocus maxLength={500} />
          {propose.error && <Alert color="red">{propose.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={propose.isPending}>
              Propose
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
