import { Alert, Button, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useMethod, useSingleCommand } from '../../lib/query';

/**
 * First run, the other way: join an existing coalition with a join code from one of its
 * workstations, then reach a member (found by itself on the network, or by address) to
 * receive the coalition's records. Works with no network beyond the room.
 */
export function JoinCard() {
  const status = useMethod('sync.status', {});
  const peers = useMethod('sync.peers', {});
  const join = useSingleCommand('sync.join');
  const add = useSingleCommand('sync.addPeer');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const joined = status.data?.coalitionId;
  if (joined) {
    const p = peers.data?.peers ?? [];
    return (
      <Paper withBorder shadow="md" p="xl" w={420} data-testid="join-waiting">
        <Stack gap="sm">
          <Title order={2}>Joined as {status.data?.workstation.shortCode}</Title>
          <Text>Waiting for the coalition’s records. They arrive from any member this workstation reaches.</Text>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate({ address }, { onSuccess: () => setAddress('') });
            }}
          >
            <Stack gap="xs">
              <TextInput
                label="Sync address of a member"
                placeholder="e.g. 192.168.1.20:4790"
                value={address}
                onChange={(e) => setAddress(e.currentTarget.value)}
                error={add.error?.message}
                data-testid="join-peer-address"
              />
              <Button type="submit" variant="light" loading={add.isPending}>
                Connect
              </Button>
            </Stack>
          </form>
          {p.map((x) => (
            <Text key={x.address} size="sm" c={x.lastError ? 'red' : undefined}>
              {x.address}: {x.connected ? `connected to ${x.name ?? 'member'}, receiving` : (x.lastError ?? 'trying to reach')}
            </Text>
          ))}
          {!peers.data?.syncPort && <Alert color="yellow">This console’s sync endpoint is not running: start it with --sync-port to receive records over the network.</Alert>}
        </Stack>
      </Paper>
    );
  }
  return (
    <Paper withBorder shadow="md" p="xl" w={420} data-testid="join-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          join.mutate({ code, workstationName: name });
        }}
      >
        <Stack gap="sm">
          <Title order={2}>Join a coalition</Title>
          <Text c="dimmed">A workstation already in the coalition gives you a join code (Sync → New join code).</Text>
          <Textarea label="Join code" autosize minRows={3} value={code} onChange={(e) => setCode(e.currentTarget.value)} data-testid="join-code-input" />
          <TextInput label="Name to give this workstation" placeholder="e.g. EOC-LOGISTICS-2" value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="join-name" />
          {join.error && (
            <Alert color="red" role="alert" title="Not joined">
              {join.error.message}
            </Alert>
          )}
          <Button type="submit" loading={join.isPending} data-testid="join-submit">
            Join
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
