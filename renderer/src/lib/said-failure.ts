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
    notifications.show({ color: 'red', title, message: `${e instanceof Error ? e.message : String(e)} Nothing was saved; try again.`, autoClose: false });
  }
}
