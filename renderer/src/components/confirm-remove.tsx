import { Button, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';

/**
 * Asks before removing a record (a tombstone: the history keeps it), then says in words
 * whether it was removed or why the backend refused.
 */
export function confirmRemove(what: string, consequence: string, remove: () => Promise<unknown>, onRemoved?: () => void) {
  modals.openConfirmModal({
    title: `Remove ${what}?`,
    children: <Text>{consequence}</Text>,
    labels: { confirm: 'Remove', cancel: 'Keep it' },
    confirmProps: { color: 'red', 'data-testid': 'confirm-remove' } as Record<string, string>,
    onConfirm: () => {
      remove().then(
        () => {
          notifications.show({ color: 'teal', title: 'Removed', message: `${what} was removed.` });
          onRemoved?.();
        },
        (e: unknown) => notifications.show({ color: 'red', title: 'Not removed', message: e instanceof Error ? e.message : String(e), autoClose: false }),
      );
    },
  });
}

/**
 * A table row's Edit and Remove buttons; Remove asks first (see confirmRemove). Each is named
 * by its row ("Edit Pat Nurse"): a screen reader tabbing down the table, or a voice command,
 * would otherwise meet only "Edit, Remove, Edit, Remove" with nothing to say which row.
 */
export function EditRemoveButtons({ name, consequence, onEdit, remove }: { name: string; consequence: string; onEdit: () => void; remove: () => Promise<unknown> }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="xs" variant="light" onClick={onEdit} aria-label={`Edit ${name}`}>
        Edit
      </Button>
      <Button size="xs" variant="subtle" color="red" onClick={() => confirmRemove(name, consequence, remove)} aria-label={`Remove ${name}`}>
        Remove
      </Button>
    </Group>
  );
}
