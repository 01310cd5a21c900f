import { notifications } from '@mantine/notifications';

/**
 * Runs work a button starts without waiting for it (a print, a file saved): when it fails,
 * the operator is told in words, with the backend's reason, rather than the click doing
 * nothing at all. Resolves either way.
 */
export async function runOrSay(title: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).trim().replace(/([^.!?])$/, '$1.');
    notifications.show({ color: 'red', title, message: `${reason} Try again.`, autoClose: false });
  }
}
