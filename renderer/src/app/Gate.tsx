import { Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { ErrorPanel } from '../components/ErrorPanel';
import { RestoreScreen } from '../features/restore/RestoreScreen';
import { SignInScreen } from '../features/session/SignInScreen';
import { SetupScreen } from '../features/setup/SetupScreen';
import { useLiveInvalidation, useMethod } from '../lib/query';
import { Shell } from './Shell';

/** Decides the first screen: restore (damaged store), setup (empty store), sign-in, or the console. */
export function Gate() {
  useLiveInvalidation();
  // All three asked at once, not one after another: the first screen waits for one round
  // trip. A damaged store refuses the last two; the restore screen is shown then, unasked.
  const info = useMethod('system.info', {});
  const setup = useMethod('setup.status', {});
  const session = useMethod('session.current', {});

  const screen = info.error
    ? 'error'
    : !info.data
      ? 'loading'
      : info.data.degraded
        ? 'restore'
        : !setup.data
          ? 'loading'
          : !setup.data.configured
            ? 'setup'
            : !session.data
              ? 'loading'
              : !session.data.session
                ? 'sign-in'
                : 'console';

  useEffect(() => {
    // The signal end-to-end tests and the start-up benchmark wait for.
    document.body.dataset.screen = screen;
    if (screen !== 'loading') document.body.dataset.ready = 'true';
  }, [screen]);

  switch (screen) {
    case 'error':
      return (
        <Center h="100%">
          <ErrorPanel title="The console cannot reach its backend" error={info.error} />
        </Center>
      );
    case 'loading':
      return (
        <Center h="100%">
          <Stack align="center">
            <Loader />
            <Text>Opening the console…</Text>
          </Stack>
        </Center>
      );
    case 'restore':
      return <RestoreScreen reason={info.data!.degraded!} />;
    case 'setup':
      return <SetupScreen />;
    case 'sign-in':
      return <SignInScreen coalition={setup.data!.coalition!} workstationName={setup.data!.workstation.name ?? ''} />;
    case 'console':
      return <Shell coalition={setup.data!.coalition!} workstation={setup.data!.workstation} session={session.data!.session!} />;
  }
}
