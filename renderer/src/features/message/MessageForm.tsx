import { Alert, Button, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { Select } from '../../components/Select';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Message } from '../../../../shared/contract';
import { useShell } from '../../lib/shell-context';
import { formatDateTime, localParts } from '../../lib/format';
import { fieldErrors } from '../../lib/form-errors';
import { useSingleCommand } from '../../lib/query';
import { useNow } from '../../lib/use-now';
import { parseWallTime } from '../../../../shared/domain/wall-time';
import { PRIORITY_OPTIONS, VIA_OPTIONS } from './labels';

/** An ICS 213 in or out. A message taken by phone or radio carries the time it was said. */
export function MessageForm({ incidentId, onDone }: { incidentId: string; onDone: (m: Message) => void }) {
  const { coalition, session } = useShell();
  const record = useSingleCommand('message.record');
  const now = useNow(10_000);
  const me = { name: session.operatorName, position: session.position.title };
  const form = useForm({
    initialValues: {
      direction: 'in' as 'in' | 'out',
      via: 'phone' as Message['via'],
      priority: 'routine' as Message['priority'],
      toName: me.name,
      toPosition: me.position,
      fromName: '',
      fromPosition: '',
      subject: '',
      body: '',
      messageAt: '',
      approvedByName: '',
      approvedByPosition: '',
    },
    validate: {
      toName: (v) => (v.trim() ? null : 'Block 2: who it is to'),
      toPosition: (v) => (v.trim() ? null : 'Block 2: their position'),
      fromName: (v) => (v.trim() ? null : 'Block 3: who it is from'),
      fromPosition: (v) => (v.trim() ? null : 'Block 3: their position or agency'),
      subject: (v) => (v.trim() ? null : 'Block 4: the subject'),
      body: (v) => (v.trim() ? null : 'Block 7: the message'),
      messageAt: (v) => (v.trim() && !parseWallTime(v, coalition.timeZone, Date.now()).ok ? 'Type the time as 24-hour HH:MM' : null),
    },
  });
  const v = form.values;
  const parsed = v.messageAt.trim() ? parseWallTime(v.messageAt, coalition.timeZone, now) : null;

  const setDirection = (d: 'in' | 'out') => {
    // Our side of the message is the operator: swap it when the direction changes.
    const ours = d === 'in' ? ['to', 'from'] : ['from', 'to'];
    form.setValues({
      direction: d,
      [`${ours[0]}Name`]: me.name,
      [`${ours[0]}Position`]: me.position,
      [`${ours[1]}Name`]: v[`${ours[0]}Name` as 'toName'] === me.name ? '' : v[`${ours[0]}Name` as 'toName'],
      [`${ours[1]}Position`]: v[`${ours[0]}Position` as 'toPosition'] === me.position ? '' : v[`${ours[0]}Position` as 'toPosition'],
    });
  };

  const submit = form.onSubmit((val) =>
    record.mutate(
      {
        incidentId,
        direction: val.direction,
        via: val.via,
        priority: val.priority,
        toName: val.toName,
        toPosition: val.toPosition,
        fromName: val.fromName,
        fromPosition: val.fromPosition,
        subject: val.subject,
        body: val.body,
        messageAt: parsed?.ok ? parsed.ms : undefined,
        approvedByName: val.approvedByName.trim() || undefined,
        approvedByPosition: val.approvedByPosition.trim() || undefined,
      },
      {
        onSuccess: (m) => {
          notifications.show({ color: 'teal', title: 'Message recorded', message: `${m.subject} · linked into the ${m.positionTitle} log` });
          onDone(m);
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate data-testid="message-form">
      <Stack gap="sm">
        <Group gap="md" align="flex-start" wrap="nowrap">
          <SegmentedControl
            mt={24}
            aria-label="Direction"
            value={v.direction}
            onChange={(d) => setDirection(d as 'in' | 'out')}
            data={[
              { value: 'in', label: 'Incoming' },
              { value: 'out', label: 'Outgoing' },
            ]}
          />
          <Select label="Came by / sent by" data={VIA_OPTIONS} allowDeselect={false} w={160} {...form.getInputProps('via')} />
          <Select label="Priority" data={PRIORITY_OPTIONS} allowDeselect={false} w={130} {...form.getInputProps('priority')} />
          <TextInput
            label={`5-6. Date/time said (${localParts(now, coalition.timeZone).zone}, 24 h)`}
            placeholder="now, or e.g. 09:05"
            description={parsed?.ok ? formatDateTime(parsed.ms, coalition.timeZone) : 'Phone, radio: when it was said'}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            w={250}
            {...form.getInputProps('messageAt')}
          />
        </Group>
        <SimpleGrid cols={2}>
          <Stack gap={4}>
            <Text size="sm" fw={700}>
              2. To
            </Text>
            <TextInput aria-label="To (name)" placeholder="Name" {...form.getInputProps('toName')} />
            <TextInput aria-label="To (position)" placeholder="Position" {...form.getInputProps('toPosition')} />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={700}>
              3. From
            </Text>
            <TextInput aria-label="From (name)" placeholder="Name" data-autofocus {...form.getInputProps('fromName')} />
            <TextInput aria-label="From (position)" placeholder="Position or agency" {...form.getInputProps('fromPosition')} />
          </Stack>
        </SimpleGrid>
        <TextInput label="4. Subject" withAsterisk {...form.getInputProps('subject')} />
        <Textarea label="7. Message" withAsterisk autosize minRows={4} {...form.getInputProps('body')} />
        <SimpleGrid cols={2}>
          <TextInput label="8. Approved by (name)" {...form.getInputProps('approvedByName')} />
          <TextInput label="Approved by (position/title)" {...form.getInputProps('approvedByPosition')} />
        </SimpleGrid>
        {record.error && !Object.keys(fieldErrors(record.error)).length && <Alert color="red">{record.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => form.reset()}>
            Clear
          </Button>
          <Button type="submit" loading={record.isPending}>
            Record message
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
