import { Alert, Button, Center, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo } from 'react';
import { BackendError } from '../../backend';
import { Select } from '../../components/Select';
import { fieldErrors } from '../../lib/form-errors';
import { useMethod, useSingleCommand } from '../../lib/query';
import { LoadDemoCard } from '../demo/LoadDemoCard';
import { JoinCard } from '../sync/JoinCard';
import { supportedZones, workstationZone, zoneOptions, zoneWarning } from './zones';

/**
 * First run: who this coalition is, where, in which zone, and which workstation this is;
 * beside it, the demonstration coalition for training.
 */
export function SetupScreen() {
  const complete = useSingleCommand('setup.complete');
  const sync = useMethod('sync.status', {});
  const own = useMemo(() => workstationZone(), []);
  const zones = useMemo(() => zoneOptions(own, supportedZones()), [own]);
  const form = useForm({
    initialValues: {
      coalitionName: '',
      region: '',
      timeZone: own,
      workstationName: '',
    },
    validate: {
      coalitionName: (v) => (v.trim() ? null : 'Coalition name is required'),
      region: (v) => (v.trim() ? null : 'Region is required'),
      timeZone: (v) => (v ? null : 'Time zone is required'),
      workstationName: (v) => (v.trim() ? null : 'Workstation name is required'),
    },
  });
  const submit = form.onSubmit((values) =>
    complete.mutate(values, { onError: (e) => form.setErrors(fieldErrors(e)) }),
  );
  const general = complete.error instanceof BackendError && !Object.keys(fieldErrors(complete.error)).length ? complete.error : null;
  // Joined a coalition: its records are on their way; setting up another would split it.
  if (sync.data?.coalitionId) {
    return (
      <Center mih="100%" p="lg">
        <JoinCard />
      </Center>
    );
  }
  return (
    <Center mih="100%" p="lg">
      <Group align="stretch" justify="center" gap="lg">
        <Paper withBorder shadow="md" p="xl" w={560} data-testid="setup-form">
          <Stack gap="md">
            <Stack gap={4}>
              <Title order={2}>Set up this console</Title>
              <Text c="dimmed">Once, on a new workstation. Everything stays on this machine and works with no network.</Text>
            </Stack>
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <TextInput label="Coalition name" placeholder="e.g. Western Massachusetts HMCC" data-autofocus autoFocus withAsterisk {...form.getInputProps('coalitionName')} />
                <TextInput label="Region" placeholder="e.g. Massachusetts Region 1" withAsterisk {...form.getInputProps('region')} />
                <Select
                  label="Time zone"
                  description={form.values.timeZone === own ? 'This workstation’s own zone' : `This workstation is set to ${own}`}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  data={zones}
                  searchable
                  withAsterisk
                  allowDeselect={false}
                  data-testid="setup-zone"
                  {...form.getInputProps('timeZone')}
                />
                {zoneWarning(form.values.timeZone) && (
                  <Alert color="yellow" data-testid="zone-warning">
                    {zoneWarning(form.values.timeZone)}
                  </Alert>
                )}
                <TextInput label="This workstation's name" placeholder="e.g. EOC-LOGISTICS-1" withAsterisk {...form.getInputProps('workstationName')} />
                {general && (
                  <Alert color="red" role="alert" title="Not saved">
                    {general.message}
                  </Alert>
                )}
                <Button type="submit" size="md" loading={complete.isPending}>
                  Save and continue
                </Button>
              </Stack>
            </form>
          </Stack>
        </Paper>
        <JoinCard />
        <LoadDemoCard />
      </Group>
    </Center>
  );
}
