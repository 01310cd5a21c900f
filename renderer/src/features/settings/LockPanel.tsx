import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { Select } from '../../components/Select';
import { useState } from 'react';
import { IDLE_LOCK_CHOICES } from '../../../../shared/contract/settings';
import { useCommand, useMethod, useSingleCommand } from '../../lib/query';
import { useShell } from '../../lib/shell-context';

const minutesLabel = (m: number) => (m === 0 ? 'Never' : `After ${m} minutes without a key or click`);

/** The idle lock (a setting of the designated role) and the signed-in operator's own PIN. */
export function LockPanel() {
  const { session } = useShell();
  const settings = useMethod('settings.get', {});
  const update = useCommand('settings.update');
  const pinStatus = useMethod('session.pinStatus', { operatorName: session.operatorName });
  const setPin = useSingleCommand('session.setPin');
  const [pin, setPinText] = useState('');
  const [currentPin, setCurrentPin] = useState('');
  const hasPin = !!pinStatus.data?.hasPin;
  const s = settings.data;
  return (
    <Paper withBorder p="md" data-testid="lock-panel">
      <Title order={3} mb="xs">
        Lock and PIN
      </Title>
      <Stack gap="sm">
        <Select
          label="Lock this console"
          description="The lock covers the screen and keeps everything open underneath; it never signs anyone out."
          data={IDLE_LOCK_CHOICES.map((m) => ({ value: String(m), label: minutesLabel(m) }))}
          value={s ? String(s.idleLockMinutes) : null}
          disabled={!s?.canChange}
          allowDeselect={false}
          onChange={(v) => v !== null && update.mutate({ idleLockMinutes: Number(v) })}
          data-testid="idle-lock-minutes"
        />
        {s && !s.canChange && s.refusal && (
          <Text size="sm" c="dimmed">
            {s.refusal}
          </Text>
        )}
        {update.error && (
          <Alert color="red" role="alert">
            {update.error.message}
          </Alert>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setPin.mutate(
              { pin: pin || null, ...(hasPin ? { currentPin } : {}) },
              {
                onSuccess: () => {
                  setPinText('');
                  setCurrentPin('');
                },
              },
            );
          }}
        >
          <Stack gap="xs">
            <Text size="sm">
              {session.operatorName} {hasPin ? 'has a PIN: it is asked at sign-in and to unlock.' : 'has no PIN. A PIN (4 to 8 digits) is asked at sign-in and to unlock.'}
            </Text>
            <Group align="flex-end" gap="xs" wrap="wrap">
              {hasPin && (
                <PasswordInput label="Current PIN" inputMode="numeric" autoComplete="off" value={currentPin} onChange={(e) => setCurrentPin(e.currentTarget.value)} w={160} />
              )}
              <PasswordInput
                label={hasPin ? 'New PIN (empty removes it)' : 'New PIN'}
                inputMode="numeric"
                autoComplete="off"
                value={pin}
                onChange={(e) => setPinText(e.currentTarget.value)}
                w={220}
                data-testid="new-pin"
              />
              <Button type="submit" variant="default" loading={setPin.isPending}>
                {hasPin ? (pin ? 'Change PIN' : 'Remove PIN') : 'Set PIN'}
              </Button>
            </Group>
            {setPin.error && (
              <Alert color="red" role="alert">
                {setPin.error.message}
              </Alert>
            )}
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
