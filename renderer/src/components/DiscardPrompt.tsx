import { Alert, Button, Group, Kbd, Text } from '@mantine/core';

/**
 * "Discard what you typed?", asked where the operator is (a dialog, the status entry), with
 * "Keep editing" focused: Esc again, or Enter, keeps the work. A second Esc pressed in haste
 * never discards it; only Discard does.
 */
export function DiscardPrompt({ fields, onKeep, onDiscard }: { fields: number; onKeep: () => void; onDiscard: () => void }) {
  return (
    <Alert color="orange" role="alertdialog" aria-label="Discard typed text?" mb="md" data-testid="discard-prompt">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>{`Discard what you typed? ${fields === 1 ? 'One field holds' : `${fields} fields hold`} text not saved.`}</Text>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" data-autofocus autoFocus onClick={onKeep} data-testid="keep-editing">
            Keep editing <Kbd ml="xs">Esc</Kbd>
          </Button>
          <Button color="red" onClick={onDiscard} data-testid="confirm-discard">
            Discard
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}
