import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { Select } from '../../components/Select';
import { useDebouncedValue } from '@mantine/hooks';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Coalition } from '../../../../shared/contract';
import { CenteredCard } from '../../components/CenteredCard';
import { fieldErrors } from '../../lib/form-errors';
import { useMethod, useSingleCommand } from '../../lib/query';
import { DemoMarker } from '../demo/DemoMarker';
import { CustomPositionForm } from './CustomPositionForm';
import { positionOptions } from './position-options';

/** Who is at this workstation and which ICS/HICS position they are working. */
export function SignInScreen({ coalition, workstationName }: { coalition: Coalition; workstationName: string }) {
  return (
    <CenteredCard
      title="Sign in"
      subtitle={
        <>
          {coalition.name} · {coalition.region} · workstation <b>{workstationName}</b>
        </>
      }
      testId="sign-in-form"
    >
      <DemoMarker />
      <SignInForm submitLabel="Sign in" />
      <Text size="xs" c="dimmed">
        Everything you record is signed with your name, your position and this workstation. The console never signs you
        out by itself.
      </Text>
    </CenteredCard>
  );
}

/**
 * Name, position and, for an operator who has set one, their PIN. Also the lock screen's
 * "someone else" step: signing in replaces the operator and keeps every screen open.
 */
export function SignInForm({ submitLabel, onSignedIn }: { submitLabel: string; onSignedIn?: () => void }) {
  const positions = useMethod('position.list', {});
  const signIn = useSingleCommand('session.signIn');
  const [adding, setAdding] = useState(false);
  const form = useForm({
    initialValues: { operatorName: '', positionId: '', pin: '' },
    validate: {
      operatorName: (v) => (v.trim() ? null : 'Your name is required'),
      positionId: (v) => (v ? null : 'Choose the position you are working'),
    },
  });
  const [name] = useDebouncedValue(form.values.operatorName.trim(), 250);
  const pinStatus = useMethod('session.pinStatus', { operatorName: name }, { enabled: name.length > 0 });
  const hasPin = !!pinStatus.data?.hasPin && name === form.values.operatorName.trim();
  const submit = form.onSubmit(({ pin, ...values }) =>
    signIn.mutate({ ...values, ...(pin ? { pin } : {}) }, { onSuccess: () => onSignedIn?.(), onError: (e) => form.setErrors(fieldErrors(e)) }),
  );
  return (
    <>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label="Your name" autoFocus withAsterisk {...form.getInputProps('operatorName')} />
          <Select
            label="Position you are working"
            placeholder="Type to search: e.g. Situation Unit Leader"
            data={positionOptions(positions.data?.positions ?? [])}
            searchable
            withAsterisk
            maxDropdownHeight={360}
            {...form.getInputProps('positionId')}
          />
          {hasPin && (
            <PasswordInput
              label="Your PIN"
              description={`${form.values.operatorName.trim()} has a PIN`}
              inputMode="numeric"
              autoComplete="off"
              withAsterisk
              data-testid="sign-in-pin"
              {...form.getInputProps('pin')}
            />
          )}
          {signIn.error && !Object.keys(fieldErrors(signIn.error)).length && (
            <Alert color="red" role="alert">
              {signIn.error.message}
            </Alert>
          )}
          {/* Sign in comes first in the tab order (name, position, Tab, Enter) and sits on the right. */}
          <Group justify="space-between" style={{ flexDirection: 'row-reverse' }}>
            <Button type="submit" size="md" loading={signIn.isPending}>
              {submitLabel}
            </Button>
            <Button variant="subtle" onClick={() => setAdding((a) => !a)}>
              {adding ? 'Hide custom position' : 'Position not listed? Add one'}
            </Button>
          </Group>
        </Stack>
      </form>
      {adding && (
        <CustomPositionForm
          onAdded={(id) => {
            form.setFieldValue('positionId', id);
            setAdding(false);
          }}
        />
      )}
    </>
  );
}
