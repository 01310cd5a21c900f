import { Alert, Loader } from '@mantine/core';
import { useConnectionState } from '../lib/connection';

/**
 * Says in words, above every screen, that the host is out of reach and the page is
 * reconnecting; without it a dropped host looks like a frozen console.
 */
export function ConnectionBanner() {
  const { connected, attempt } = useConnectionState();
  if (connected) return null;
  return (
    <Alert
      data-testid="connection-banner"
      role="status"
      aria-live="assertive"
      color="orange"
      variant="filled"
      radius={0}
      icon={<Loader size="sm" color="white" />}
      title="Connection to the console host lost: reconnecting…"
      style={{ position: 'fixed', top: 0, left: 0, right: 0, zIndex: 1000 }}
    >
      Attempt {attempt}. The page reconnects on its own as soon as the host is back. Anything saved as the connection
      dropped may not have been recorded: check it once reconnected.
    </Alert>
  );
}
