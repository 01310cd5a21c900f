import { Text, UnstyledButton } from '@mantine/core';
import { useLocation } from 'wouter';
import { localParts } from '../../lib/format';
import { useMethod } from '../../lib/query';

/**
 * Sync in words for the top bar: "Synced with 3 · 12 to send", "Offline since 14:02",
 * "2 conflicts to review". Opens the Sync screen.
 */
export function SyncState({ timeZone }: { timeZone: string }) {
  const peers = useMethod('sync.peers', {});
  const status = useMethod('sync.status', {});
  const [, navigate] = useLocation();
  if (!peers.data || !status.data) return null;
  const list = peers.data.peers;
  const connected = list.filter((p) => p.connected);
  const toSend = connected.reduce((n, p) => n + (p.toSend ?? 0), 0);
  const last = Math.max(0, ...list.map((p) => p.lastContactAt ?? 0));
  const parts: string[] = [];
  if (!list.length) parts.push('Not syncing');
  else if (connected.length) {
    parts.push(`Synced with ${connected.length}`);
    if (toSend) parts.push(`${toSend} to send`);
  } else parts.push(last ? `Offline since ${localParts(last, timeZone).hm}` : 'No workstation reached yet');
  const conflicts = status.data.conflicts;
  // Two short lines, so the incident's fields beside it keep their room on a 1280 px screen.
  return (
    <UnstyledButton onClick={() => navigate('/sync')} data-testid="sync-state" title="Open the Sync screen (Ctrl+Shift+Y)" maw={210}>
      <Text size="sm" fw={600} lh={1.25}>
        {parts.join(' · ')}
      </Text>
      {conflicts > 0 && (
        <Text size="sm" fw={700} lh={1.25} c="orange">
          {conflicts} conflict{conflicts === 1 ? '' : 's'} to review
        </Text>
      )}
    </UnstyledButton>
  );
}
