import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Coalition } from '../../../../shared/contract';
import { CenteredCard } from '../../components/CenteredCard';
import { fieldErrors } from '../../lib/form-errors';
import { useCommand, useMethod } from '../../lib/query';
import { DemoMarker } from '../demo/DemoMarker';
import { CustomPositionForm } from './CustomPositionForm';
import { positionOptions } from './position-options';

/** Who is at this workstation and which ICS/HICS position they are working. */
export function SignInScreen({ coalition, workstationName }: { coalition: Coalition; workstationName: string }) {
  const positions = useMethod('position.list', {});
  const signIn = useCommand('session.signIn');
  const [adding, setAdding] = useState(false);
  const form = useForm({
    initialValues: { operatorName: '', positionId: '' },
    validate: {
      operatorName: (v) => (v.trim() ? null : 'Your name is required'),
      positionId: (v) => (v ? null : 'Choose the position you are working'),
    },
  });
  const submit = form.onSubmit((values) => signIn.mutate(values, { onError: (e) => form.setErrors(fieldErrors(e)) }));
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
          {signIn.error && !Object.keys(fieldErrors(signIn.error)).length && (
            <Alert color="red" role="alert">
              {signIn.error.message}
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => setAdding((a) => !a)}>
              {adding ? 'Hide custom position' : 'Position not listed? Add one'}
            </Button>
            <Button type="submit" size="md" loading={signIn.isPending}>
              Sign in
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
      <Text size="xs" c="dimmed">
        Everything you record is signed with your name, your position and this workstation. The console never signs you
        out by itself.
      </Text>
    </CenteredCard>
  );
}
