import { Alert, Button, Group } from '@mantine/core';
import { useModalCancel } from './FormModal';

/** The end of every form in a modal: the refusal in words, Cancel, and the one action. */
export function ModalFormFooter({
  error,
  errorTitle = 'Not saved',
  submitLabel,
  pending,
}: {
  error: { message: string } | null;
  errorTitle?: string;
  submitLabel: string;
  pending: boolean;
}) {
  const cancel = useModalCancel();
  return (
    <>
      {error && (
        <Alert color="red" role="alert" title={errorTitle}>
          {error.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={cancel}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
