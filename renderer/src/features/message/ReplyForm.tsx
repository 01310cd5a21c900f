import { Alert, Button, Group, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useShell } from '../../lib/shell-context';
import { formatDateTime } from '../../lib/format';
import { fieldErrors } from '../../lib/form-errors';
import { useSingleCommand } from '../../lib/query';
import { useNow } from '../../lib/use-now';
import { parseWallTime } from '../../../../shared/domain/wall-time';

/** Blocks 9-10, added once by the recipient. */
export function ReplyForm({ messageId, onDone }: { messageId: string; onDone: () => void }) {
  const { coalition, session } = useShell();
  const reply = useSingleCommand('message.reply');
  const now = useNow(10_000);
  const form = useForm({
    initialValues: { reply: '', repliedByName: session.operatorName, repliedByPosition: session.position.title, repliedAt: '' },
    validate: { reply: (v) => (v.trim() ? null : 'Type the reply') },
  });
  const parsed = form.values.repliedAt.trim() ? parseWallTime(form.values.repliedAt, coalition.timeZone, now) : null;
  const submit = form.onSubmit((v) =>
    reply.mutate(
      { messageId, reply: v.reply, repliedByName: v.repliedByName, repliedByPosition: v.repliedByPosition, repliedAt: parsed?.ok ? parsed.ms : undefined },
      { onSuccess: onDone, onError: (e) => form.setErrors(fieldErrors(e)) },
    ),
  );
  return (
    <form onSubmit={submit} noValidate data-testid="reply-form">
      <Stack gap="sm">
        <Textarea label="9. Reply" autosize minRows={2} data-autofocus autoFocus withAsterisk {...form.getInputProps('reply')} />
        <SimpleGrid cols={3}>
          <TextInput label="10. Replied by (name)" {...form.getInputProps('repliedByName')} />
          <TextInput label="Position/title" {...form.getInputProps('repliedByPosition')} />
          <TextInput label="Date/time (24 h)" placeholder="now" description={parsed?.ok ? formatDateTime(parsed.ms, coalition.timeZone) : undefined} {...form.getInputProps('repliedAt')} />
        </SimpleGrid>
        {reply.error && !Object.keys(fieldErrors(reply.error)).length && <Alert color="red">{reply.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={reply.isPending}>
            Record reply
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
