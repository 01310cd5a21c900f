import { Alert, Button, Group } from '@mantine/core';
import { useLayoutEffect, useRef, useState } from 'react';
import { fieldErrors } from '../lib/form-errors';
import { invalidFields } from './FieldAttention';
import { useModalCancel } from './FormModal';

/**
 * The end of every form in a modal: the refusal in words, Cancel, and the one action.
 * A refusal the form has put on its fields (a validation error naming them, now marked
 * invalid) is said once, by the dialog's FieldAttention ("One field needs attention: What
 * changed"), not a second time here; one that marks no field (a conflict, a field the form
 * does not show) is said here, so it is never left unsaid.
 */
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
  const ref = useRef<HTMLDivElement>(null);
  const [onFields, setOnFields] = useState<unknown>(null);
  // Before paint, so the two alerts are never shown together even for a frame: the fields
  // are marked in the same render as the error arrives (the form's onError sets them).
  useLayoutEffect(() => {
    const scope = ref.current?.closest('form, [data-save-scope]');
    const named = error ? Object.keys(fieldErrors(error)).length : 0;
    // Quiet only when every field the refusal names is marked on the form: a reason about a
    // field the form does not show is still said here.
    const shown = scope ? invalidFields(scope).length : 0;
    const marked = named > 0 && shown >= named;
    setOnFields(marked ? error : null);
  }, [error]);
  return (
    <>
      {error && onFields !== error && (
        <Alert color="red" role="alert" title={errorTitle}>
          {error.message}
        </Alert>
      )}
      <Group justify="flex-end" ref={ref}>
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
