import { Alert, Center, Stack, Text, Title } from '@mantine/core';
import { BackupsPanel } from '../settings/BackupsPanel';

/** Shown when the store failed its check at start: a guided restore, never "erase and start over". */
export function RestoreScreen({ reason }: { reason: string }) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return (
    <Center mih="100%" p="lg">
      <Stack maw={900} w="100%" data-testid="restore-screen">
        <Title order={1}>The data file needs attention</Title>
        <Alert color="red" role="alert" title="The store failed its check at start">
          {reason}
        </Alert>
        <Text>
          Choose the newest backup marked <b>Verified</b> and restore it. The damaged file is moved aside so that it can
          still be examined; records entered after that backup will have to be re-entered from paper.
        </Text>
        <BackupsPanel timeZone={zone} />
      </Stack>
    </Center>
  );
}
