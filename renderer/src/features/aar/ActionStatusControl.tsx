import { Button, Group, Menu, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { CorrectiveAction } from '../../../../shared/contract';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionStatus } from '../../../../shared/domain/aar-outline';
import { useSingleCommand } from '../../lib/query';

/** Moves a corrective action to another status, with a note; refusals come back in words. */
export function ActionStatusControl({ action: a, onError }: { action: CorrectiveAction; onError: (m: string | null) => void }) {
  const set = useSingleCommand('aar.setActionStatus');
  const [note, setNote] = useState('');
  const go = (status: ActionStatus) =>
    set.mutate({ id: a.id, status, ...(note.trim() ? { note } : {}) }, { onSuccess: () => (setNote(''), onError(null)), onError: (e) => onError(e.message) });
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default" loading={set.isPending} aria-label={`Change status of ${a.action}`}>
          Set status
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Group p="xs">
          <TextInput size="xs" placeholder="Note (needed to cancel or reopen)" value={note} onChange={(e) => setNote(e.currentTarget.value)} w={260} />
        </Group>
        {ACTION_STATUSES.filter((s) => s !== a.status).map((s) => (
          <Menu.Item key={s} onClick={() => go(s)} closeMenuOnClick>
            {ACTION_STATUS_LABELS[s]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
