import { Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useLocation } from 'wouter';
import type { SyncPeer } from '../../../../shared/contract';
import { localParts } from '../../lib/format';
import { useMethod } from '../../lib/query';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Sync for the top bar: a word or two ("Synced with 3", "Offline", "Not reached"), and the
 * sentence behind it for the tooltip and a screen reader. The top bar's room goes to the
 * incident name and the period; the whole story is on the Sync screen.
 */
export function syncWords(peers: readonly Pick<SyncPeer, 'connected' | 'toSend' | 'lastContactAt'>[], timeZone: string): { word: string; sentence: string; toSend: number } {
  const connected = peers.filter((p) => p.connected);
  const toSend = connected.reduce((n, p) => n + (p.toSend ?? 0), 0);
  if (!peers.length) return { word: 'Not syncing', sentence: 'Not syncing: no other workstation found or added', toSend };
  if (connected.length) {
    const sending = toSend ? `, ${plural(toSend, 'record')} to send` : ', nothing to send';
    return { word: `Synced with ${connected.length}`, sentence: `Synced with ${plural(connected.length, 'workstation')}${sending}`, toSend };
  }
  const last = Math.max(0, ...peers.map((p) => p.lastContactAt ?? 0));
  if (last) return { word: 'Offline', sentence: `Offline: no workstation in reach since ${localParts(last, timeZone).hm}`, toSend };
  return { word: 'Not reached', sentence: `Not reached: ${plural(peers.length, 'workstation')} added, none reached yet`, toSend };
}

/** Sync in words for the top bar; opens the Sync screen. */
export function SyncState({ timeZone }: { timeZone: string }) {
  const peers = useMethod('sync.peers', {});
  const status = useMethod('sync.status', {});
  const [, navigate] = useLocation();
  if (!peers.data || !status.data) return null;
  const { word, sentence, toSend } = syncWords(peers.data.peers, timeZone);
  const conflicts = status.data.conflicts;
  const second = conflicts > 0 ? plural(conflicts, 'conflict') : toSend > 0 ? `${toSend} to send` : null;
  const full = [sentence, conflicts > 0 ? `${plural(conflicts, 'conflict')} to review` : null].filter(Boolean).join('. ');
  // Short lines that never wrap, in a width that fits each of the words: the incident name
  // and the period beside them keep the same room whatever sync has to say.
  return (
    <Tooltip label={`${full}. Open the Sync screen (Ctrl+Shift+Y)`} multiline w={260} events={{ hover: true, focus: true, touch: false }}>
      <UnstyledButton onClick={() => navigate('/sync')} data-testid="sync-state" aria-label={`${full}. Open the Sync screen`} miw={120} style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" fw={600} lh={1.25}>
          {word}
        </Text>
        {second && (
          <Text size="sm" fw={conflicts > 0 ? 700 : 600} lh={1.25} c={conflicts > 0 ? 'orange' : 'dimmed'}>
            {second}
          </Text>
        )}
      </UnstyledButton>
    </Tooltip>
  );
}
