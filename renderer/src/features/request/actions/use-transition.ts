import { notifications } from '@mantine/notifications';
import type { TransitionInput } from '../../../../../shared/contract';
import { useSingleCommand } from '../../../lib/query';

/** Runs one step; on success says in words what changed. Errors stay with the form that asked. */
export function useTransition(onDone: () => void) {
  const t = useSingleCommand('request.transition');
  const run = (input: TransitionInput) =>
    t.mutate(input, {
      onSuccess: ({ request }) => {
        notifications.show({ title: request.number, message: `Now: ${request.statusLabel}`, color: 'teal', autoClose: 3000 });
        onDone();
      },
    });
  return { run, pending: t.isPending, error: t.error, reset: t.reset };
}
