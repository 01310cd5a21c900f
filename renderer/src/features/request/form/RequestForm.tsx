import { Alert, Button, Group, Kbd, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { FieldAttention } from '../../../components/FieldAttention';
import { Select } from '../../../components/Select';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { IconArrowLeft } from '@tabler/icons-react';
import type { RequestDetail } from '../../../../../shared/contract';
import { PRIORITIES, PRIORITY_LABELS } from '../../../../../shared/domain/request-state';
import { useShell } from '../../../lib/shell-context';
import { useMethod, useSingleCommand } from '../../../lib/query';
import { Block } from '../detail/RequestorBlocks';
import { useIncidents } from '../lib/use-incidents';
import { wallTimeProblem } from '../../../../../shared/domain/wall-time';
import { initialValues, type RequestValues, sentLines, skipsLine, toInput } from './form-values';
import { LinesEditor } from './LinesEditor';
import { pathErrors } from './path-errors';
import { useRequestFormOptions } from './use-form-options';

interface Props {
  existing: RequestDetail | null;
  onSaved: (id: string) => void;
  onCancel: () => void;
}

/** The requestor section of the ICS 213RR (blocks 1-8), for a new draft or one returned for changes. */
/** The line a field path ("lines.3.kind") is on. */
const lineOf = (path: string) => Number(path.split('.')[1]);

function RequestFormBody({ existing, defaultIncidentId, onSaved, onCancel }: Props & { defaultIncidentId: string | null }) {
  const { coalition } = useShell();
  const tz = coalition.timeZone;
  const create = useSingleCommand('request.create');
  const update = useSingleCommand('request.update');
  const incidents = useIncidents();
  const { orgOptions, orgAddress, kinds } = useRequestFormOptions();
  const form = useForm<RequestValues>({
    initialValues: initialValues(existing, defaultIncidentId, tz),
    validate: {
      incidentId: (v) => (v ? null : 'Choose the incident'),
      requestingOrganisationId: (v) => (v ? null : 'Choose the requesting organisation'),
      requestedByName: (v) => (v.trim() ? null : 'Requested by (name) is required'),
      deliveryLocation: (v) => (v.trim() ? null : 'Delivery/reporting location is required'),
      // A line added and left blank is not checked: it is not sent (skipsLine).
      lines: {
        quantity: (v, values, path) => (skipsLine(values, lineOf(path)) || (typeof v === 'number' && Number.isInteger(v) && v >= 1) ? null : 'Quantity must be a whole number of 1 or more'),
        kind: (v, values, path) => (skipsLine(values, lineOf(path)) || v.trim() ? null : 'Kind is required'),
        requestedArrival: (v) => wallTimeProblem(v, tz, 'later'),
      },
    },
  });
  const pending = create.isPending || update.isPending;
  const error = create.error ?? update.error;
  // A refusal's issues the form has no field for; null when it marked no field (said whole).
  const [unsaid, setUnsaid] = useState<string[] | null>(null);
  const submit = form.onSubmit((v) => {
    const input = toInput(v, tz);
    const sent = sentLines(v);
    const opts = {
      onSuccess: (r: { request: RequestDetail }) => onSaved(r.request.id),
      onError: (e: unknown) => {
        const { fields, unsaid } = pathErrors(e, sent);
        form.setErrors(fields);
        // What the fields now say is not said again in the alert ("Line 2: …" counted among the lines sent).
        setUnsaid(Object.keys(fields).length ? unsaid : null);
      },
    };
    if (existing) update.mutate({ id: existing.id, ...input }, opts);
    else create.mutate(input, opts);
  });
  return (
    <form onSubmit={submit} noValidate data-testid="request-form">
      <Stack gap="md">
        <Group justify="space-between">
          <Group>
            <Button variant="subtle" leftSection={<IconArrowLeft size={18} />} onClick={onCancel}>
              Back
            </Button>
            <Title order={1}>{existing ? `Edit ${existing.number}` : 'New resource request (ICS 213RR)'}</Title>
          </Group>
          <Button type="submit" size="md" loading={pending} data-testid="save-request">
            {existing ? 'Save changes' : 'Save draft'} <Kbd ml="xs">Ctrl+Enter</Kbd>
          </Button>
        </Group>
        <FieldAttention />
        <Paper withBorder p="md">
          <SimpleGrid cols={3} spacing="md">
            {/* Keyboard-first: a new request opens with the cursor where typing starts. */}
            <Select label="1. Incident name" data={incidents.options} withAsterisk searchable autoFocus={!existing && !defaultIncidentId} {...form.getInputProps('incidentId')} />
            <Block n={2} name="Date/time">
              <Text>{existing ? 'As first saved' : 'Stamped when saved'}</Text>
            </Block>
            <Block n={3} name="Resource request number">
              <Text ff="monospace">{existing?.number ?? 'Assigned when saved'}</Text>
            </Block>
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={3} mb="xs">
            4. Order
          </Title>
          <LinesEditor form={form} kinds={kinds} timeZone={tz} autoFocus={!existing && !!defaultIncidentId} />
        </Paper>
        <Paper withBorder p="md">
          <SimpleGrid cols={2} spacing="md">
            <TextInput label="5. Requested delivery/reporting location" withAsterisk {...form.getInputProps('deliveryLocation')} />
            <Textarea label="6. Suitable substitutes and/or suggested sources" autosize minRows={1} {...form.getInputProps('substitutes')} />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={3} mb="xs">
            7. Requested by
          </Title>
          <SimpleGrid cols={4} spacing="md">
            <Select
              label="Requesting organisation"
              data={orgOptions}
              searchable
              withAsterisk
              limit={50}
              {...form.getInputProps('requestingOrganisationId')}
              onChange={(id) => {
                form.setFieldValue('requestingOrganisationId', id ?? '');
                const where = id ? orgAddress.get(id) : undefined;
                if (where && !form.values.deliveryLocation.trim()) form.setFieldValue('deliveryLocation', where);
              }}
            />
            <TextInput label="Name" withAsterisk {...form.getInputProps('requestedByName')} />
            <TextInput label="Position" {...form.getInputProps('requestedByPosition')} />
            <TextInput label="Phone or email" {...form.getInputProps('requestedByContact')} />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap={4}>
            <Text fw={500} size="sm" id="priority-label">
              8. Priority
            </Text>
            <SegmentedControl aria-labelledby="priority-label" data={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))} {...form.getInputProps('priority')} w={360} />
          </Stack>
          <Textarea mt="sm" label="Notes" autosize minRows={1} {...form.getInputProps('notes')} />
        </Paper>
        {error && (unsaid === null || unsaid.length > 0) && (
          <Alert color="red" role="alert" title="Not saved">
            {unsaid === null ? error.message : unsaid.join(' ')}
          </Alert>
        )}
      </Stack>
    </form>
  );
}

/** Waits for what the form needs to start from (the request being edited, the default incident). */
export function RequestForm({ editId, onSaved, onCancel }: { editId: string | null; onSaved: (id: string) => void; onCancel: () => void }) {
  const existing = useMethod('request.get', { id: editId ?? '' }, { enabled: !!editId });
  const incidents = useIncidents();
  if ((editId && !existing.data) || incidents.isLoading) return <Loader />;
  return <RequestFormBody existing={existing.data?.request ?? null} defaultIncidentId={incidents.defaultId} onSaved={onSaved} onCancel={onCancel} />;
}
