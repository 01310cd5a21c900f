import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { SyncPeer } from '../../../../shared/contract';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../lib/format';
import { useCommand, useMethod, useSingleCommand } from '../../lib/query';

function peerState(p: SyncPeer): { tone: 'good' | 'warn' | 'bad' | 'neutral'; words: string } {
  if (p.connected) return p.toSend ? { tone: 'warn', words: `Connected, ${p.toSend} to send` } : { tone: 'good', words: 'Connected, up to date' };
  if (p.lastError) return { tone: 'bad', words: 'Not connected' };
  return { tone: 'neutral', words: p.lastContactAt ? 'Not connected' : 'Trying to reach' };
}

/** The workstations this one syncs with: who, where, when last heard from, what each still lacks. */
export function PeersPanel({ timeZone }: { timeZone: string }) {
  const peers = useMethod('sync.peers', {});
  const add = useSingleCommand('sync.addPeer');
  const remove = useCommand('sync.removePeer');
  const [address, setAddress] = useState('');
  const list = peers.data?.peers ?? [];
  return (
    <Paper withBorder p="md" data-testid="peers-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>Workstations in reach</Title>
          <Text size="sm" c="dimmed" data-testid="sync-port">
            {peers.data?.syncPort ? `This workstation listens for sync on port ${peers.data.syncPort}` : 'Sync endpoint not running on this workstation'}
          </Text>
        </Group>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ address }, { onSuccess: () => setAddress('') });
          }}
        >
          <Group align="flex-end">
            <TextInput
              label="Add a workstation by address"
              description="host:port of its sync endpoint, for networks where it is not found by itself"
              placeholder="e.g. 192.168.1.20:4790"
              value={address}
              onChange={(e) => setAddress(e.currentTarget.value)}
              error={add.error?.message}
              style={{ flex: 1 }}
              data-testid="peer-address"
            />
            <Button type="submit" loading={add.isPending}>
              Add
            </Button>
          </Group>
        </form>
        {list.length === 0 ? (
          <Text>No workstation found yet. Others of this coalition on this network appear here by themselves; or add one by address.</Text>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Workstation</Table.Th>
                <Table.Th>Key fingerprint</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Last contact</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((p) => {
                const s = peerState(p);
                return (
                  <Table.Tr key={p.address} data-testid="peer-row">
                    <Table.Td>
                      <Text fw={600}>{p.name ?? 'Not yet reached'}</Text>
                      <Text size="sm" c="dimmed">
                        {p.source === 'inbound' ? 'connected to this workstation' : `${p.address} · ${p.source === 'mdns' ? 'found on the network' : 'typed'}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text ff="monospace" size="sm">
                        {p.fingerprint ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge tone={s.tone}>{s.words}</StatusBadge>
                      {p.lastError && !p.connected && (
                        <Text size="sm" c="red" mt={4}>
                          {p.lastError}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{p.lastContactAt ? formatDateTime(p.lastContactAt, timeZone) : 'Never'}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate({ address: p.address })} aria-label={`Forget ${p.name ?? p.address}`}>
                        Forget
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {remove.error && <Alert color="red">{remove.error.message}</Alert>}
      </Stack>
    </Paper>
  );
}
