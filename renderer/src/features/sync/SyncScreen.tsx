import { Alert, SimpleGrid, Stack, Title } from '@mantine/core';
import { useShell } from '../../lib/shell-context';
import { useMethod } from '../../lib/query';
import { ConflictQueue } from './ConflictQueue';
import { BundlesPanel } from './BundlesPanel';
import { MembersPanel } from './MembersPanel';
import { PeersPanel } from './PeersPanel';

/** Several workstations, one record: who this one syncs with, the coalition's members, conflicts to review. */
export function SyncScreen() {
  const { coalition } = useShell();
  const status = useMethod('sync.status', {});
  return (
    <Stack gap="md" data-testid="sync-screen">
      <Title order={1}>Sync</Title>
      {!!status.data?.held && (
        <Alert color="yellow" title="Records waiting">
          {status.data.held} batch(es) received wait for records that come before them, or for this console to be upgraded.
          They are kept and applied by themselves.
        </Alert>
      )}
      <ConflictQueue timeZone={coalition.timeZone} />
      <SimpleGrid cols={{ base: 1, xl: 2 }}>
        <PeersPanel timeZone={coalition.timeZone} />
        <MembersPanel />
      </SimpleGrid>
      <BundlesPanel timeZone={coalition.timeZone} />
    </Stack>
  );
}
