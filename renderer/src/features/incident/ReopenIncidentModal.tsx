import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Incident } from '../../../../shared/contract';
import { useSingleCommand } from '../../lib/query';
import { FormModal } from '../../components/FormModal';

export function ReopenIncidentModal({ incident, opened, onClose }: { incident: Incident; opened: boolean; onClose: () => void }) {
  const reopen = useSingleCommand('incident.reopen');
  const [reason, setReason] = useState('');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    reopen.mutate({ id: incident.id, reason }, { onSuccess: onClose });
  };
  return (
    <FormModal opened={opened} onClose={onClose} title={`Reopen ${incident.name}`} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Textarea label="Reason for reopening" withAsterisk autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
          {reopen.error && <Alert color="red">{reopen.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={reopen.isPending}>
              Reopen
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
