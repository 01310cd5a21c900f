import { Alert, Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Incident } from '../../../../shared/contract';
import { useShell } from '../../lib/shell-context';
import { formatDateTime } from '../../lib/format';
import { useSingleCommand } from '../../lib/query';
import { useNow } from '../../lib/use-now';
import { parseWallTime } from '../../../../shared/domain/wall-time';
import { FormModal } from '../../components/FormModal';

/** Closing ends the incident and its open period at the same time; nothing is deleted. */
export function CloseIncidentModal({ incident, opened, onClose }: { incident: Incident; opened: boolean; onClose: () => void }) {
  const { coalition } = useShell();
  const close = useSingleCommand('incident.close');
  const now = useNow(10_000);
  const [note, setNote] = useState('');
  const [at, setAt] = useState('');
  const parsed = at.trim() ? parseWallTime(at, coalition.timeZone, now) : null;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (parsed && !parsed.ok) return;
    close.mutate({ id: incident.id, note: note.trim() || undefined, closedAt: parsed?.ok ? parsed.ms : undefined }, { onSuccess: onClose });
  };
  return (
    <FormModal opened={opened} onClose={onClose} title={`Close ${incident.name}?`} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">The open operational period closes with it. The record stays; the incident can be reopened with a reason.</Text>
          <TextInput
            label="Closing time (24 h)"
            placeholder="now"
            value={at}
            onChange={(e) => setAt(e.currentTarget.value)}
            error={parsed && !parsed.ok ? parsed.error : undefined}
            description={parsed?.ok ? formatDateTime(parsed.ms, coalition.timeZone) : 'Leave empty for now'}
          />
          <Textarea label="Closing note" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus />
          {close.error && <Alert color="red">{close.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep it open
            </Button>
            <Button type="submit" color="red" loading={close.isPending} data-testid="confirm-close-incident">
              Close incident
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
