import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useSingleCommand } from '../../lib/query';

/** The last way forward: a new, empty store, with the current file kept aside (never erased). */
export function StartFreshPanel({ asideDir }: { asideDir: string }) {
  const fresh = useSingleCommand('store.startFresh');
  return (
    <Paper withBorder p="md" data-testid="start-fresh-panel">
      <Stack gap="sm">
        <Title order={3}>Start a new store</Title>
        <Text size="sm">
          When no backup or file can be restored: the current file is moved to <code>{asideDir}</code>, kept as it is, and
          the console opens empty with first-run setup.
        </Text>
        {fresh.error && (
          <Alert color="red" role="alert">
            {fresh.error.message}
          </Alert>
        )}
        <Button
          variant="outline"
          color="red"
          w="fit-content"
          loading={fresh.isPending}
          onClick={() =>
            modals.openConfirmModal({
              title: 'Start a new, empty store?',
              children: (
                <Text>
                  The current file is kept in {asideDir}; nothing is erased. Every record will have to be entered again or
                  restored later from that file.
                </Text>
              ),
              labels: { confirm: 'Keep it aside and start new', cancel: 'Cancel' },
              confirmProps: { color: 'red' },
              onConfirm: () => fresh.mutate({ confirm: true }),
            })
          }
        >
          Keep the file aside and start a new store
        </Button>
      </Stack>
    </Paper>
  );
}
