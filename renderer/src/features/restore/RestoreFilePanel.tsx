import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useSingleCommand } from '../../lib/query';

/** Restores from a file the operator names: another folder's store, a copy on removable media, a file kept aside. */
export function RestoreFilePanel() {
  const [path, setPath] = useState('');
  const restore = useSingleCommand('store.restoreFile');
  return (
    <Paper withBorder p="md" data-testid="restore-file-panel">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) restore.mutate({ path: path.trim() });
        }}
      >
        <Stack gap="sm">
          <Title order={3}>Restore another file</Title>
          <Text size="sm" c="dimmed">
            The full path of a console data file on this computer (a backup on removable media, a file kept aside, another
            workstation&apos;s eoc.sqlite). It is checked first and copied into the backups; nothing is changed if it fails.
          </Text>
          <Group align="end">
            <TextInput
              label="Full path of the file"
              placeholder="/media/usb/eoc-backup.sqlite"
              value={path}
              onChange={(e) => setPath(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit" loading={restore.isPending} disabled={!path.trim()}>
              Check and restore
            </Button>
          </Group>
          {restore.error && (
            <Alert color="red" role="alert">
              {restore.error.message}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
