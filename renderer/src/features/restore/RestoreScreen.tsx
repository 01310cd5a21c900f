import { Alert, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useMethod } from '../../lib/query';
import { BackupsPanel } from '../settings/BackupsPanel';
import { DataFolderPanel } from './DataFolderPanel';
import { RestoreFilePanel } from './RestoreFilePanel';
import { StartFreshPanel } from './StartFreshPanel';

const TITLES: Record<string, string> = {
  damaged: 'The data file failed its check at start',
  foreign: 'The data file is not a console store',
  empty: 'The data file is empty',
  'half-migrated': 'The data file stops part-way through an upgrade',
  'read-only': 'The data folder cannot be written',
  missing: 'The data file is missing',
};

/**
 * Shown when the store could not be opened: always a way forward. Restore a verified
 * backup, restore another file, or start a new store with the file kept aside; and where
 * the data lives, so it can be found and examined. Never "erase and start over".
 */
export function RestoreScreen({ reason }: { reason: string }) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const status = useMethod('store.status', {});
  const kind = status.data?.problem?.kind ?? 'damaged';
  return (
    <Center mih="100%" p="lg">
      <Stack maw={960} w="100%" data-testid="restore-screen" data-problem={kind}>
        <Title order={1}>The data file needs attention</Title>
        <Alert color="red" role="alert" title={TITLES[kind] ?? TITLES.damaged}>
          {reason}
        </Alert>
        {!status.data ? (
          <Loader />
        ) : kind === 'read-only' ? (
          <>
            <Text>
              Nothing has been changed. Make the data folder writable for the user running the console (or move it to a
              disk that is not mounted read-only), then start the console again. To use another folder, start it with{' '}
              <code>--data-dir</code>.
            </Text>
            <DataFolderPanel status={status.data} />
          </>
        ) : (
          <>
            <Text>
              Nothing has been erased and nothing will be. Choose one of the ways forward below; whichever you choose, the
              current file is moved to the kept-aside folder so that it can still be examined. Records entered after the
              backup you restore will have to be re-entered from paper.
            </Text>
            <DataFolderPanel status={status.data} />
            <BackupsPanel timeZone={zone} allowCreate={false} />
            <RestoreFilePanel />
            <StartFreshPanel asideDir={status.data.asideDir} />
          </>
        )}
      </Stack>
    </Center>
  );
}
