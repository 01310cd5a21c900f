import { Alert, Button, Divider, Modal, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { SignInForm } from '../../features/session/SignInScreen';
import { useMethod, useSingleCommand } from '../../lib/query';
import { useShell } from '../../lib/shell-context';
import { setLocked, useLocked } from './lock-state';

/**
 * The idle lock: an opaque cover over the console (never a sign-out). The same operator
 * unlocks in one step (their PIN if they set one); someone else signs in in one step and
 * takes over with every screen as it was.
 */
export function LockScreen() {
  const locked = useLocked();
  // Mounted only while locked: a closed modal would leave its root (and test id) in the page.
  if (!locked) return null;
  return (
    <Modal
      opened
      onClose={() => undefined}
      fullScreen
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      transitionProps={{ duration: 0 }}
      title={<Title order={1} component="span">Console locked</Title>}
      data-testid="lock-screen"
    >
      <LockBody />
    </Modal>
  );
}

function LockBody() {
  const { session } = useShell();
  const pinStatus = useMethod('session.pinStatus', { operatorName: session.operatorName });
  const unlock = useSingleCommand('session.unlock');
  const [pin, setPin] = useState('');
  const [switching, setSwitching] = useState(false);
  const hasPin = !!pinStatus.data?.hasPin;
  const pinField = useRef<HTMLInputElement>(null);
  const unlockButton = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  // The first field takes the focus once the PIN status is known: until then the button is
  // disabled, and a disabled button takes no focus (autoFocus alone left the focus nowhere
  // when the status came late, as on a loaded machine), and after the lists that close as the
  // console locks have let it go.
  useEffect(() => {
    if (pinStatus.isLoading) return;
    const t = setTimeout(() => {
      if (!form.current?.contains(document.activeElement)) (hasPin ? pinField.current : unlockButton.current)?.focus();
    }, 0);
    return () => clearTimeout(t);
  }, [pinStatus.isLoading, hasPin]);
  return (
    <Stack maw={520} mx="auto" mt="xl" gap="lg">
      <Text size="lg">
        This console is locked (by its shortcut, or after a quiet spell). Everything stays open underneath, as it was.
      </Text>
      <form
        ref={form}
        onSubmit={(e) => {
          e.preventDefault();
          unlock.mutate(hasPin ? { pin } : {}, { onSuccess: () => setLocked(false) });
        }}
        data-testid="unlock-form"
      >
        <Stack gap="sm">
          <Text fw={700} size="xl">
            {session.operatorName} · {session.position.title}
          </Text>
          {hasPin && (
            <PasswordInput
              label={`${session.operatorName}'s PIN`}
              inputMode="numeric"
              autoComplete="off"
              autoFocus
              ref={pinField}
              value={pin}
              onChange={(e) => setPin(e.currentTarget.value)}
              data-testid="unlock-pin"
            />
          )}
          {unlock.error && (
            <Alert color="red" role="alert">
              {unlock.error.message}
            </Alert>
          )}
          <Button ref={unlockButton} type="submit" size="md" loading={unlock.isPending} autoFocus={!hasPin} disabled={pinStatus.isLoading}>
            Unlock as {session.operatorName}
          </Button>
        </Stack>
      </form>
      <Divider label="or" />
      {switching ? (
        <SignInForm submitLabel="Sign in and take over" onSignedIn={() => setLocked(false)} />
      ) : (
        <Button variant="default" size="md" onClick={() => setSwitching(true)} data-testid="lock-switch">
          Someone else: sign in and take over
        </Button>
      )}
    </Stack>
  );
}
