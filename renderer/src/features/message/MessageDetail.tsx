import { Alert, Button, Group, Loader, Stack } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../backend';
import { useMethod } from '../../lib/query';
import { ExportButton } from '../integrity/ExportButton';
import { MessageView } from './MessageView';
import { ReplyForm } from './ReplyForm';

export function MessageDetail({ messageId, incidentName }: { messageId: string; incidentName: string }) {
  const q = useMethod('message.get', { id: messageId });
  const [replying, setReplying] = useState(false);
  if (q.error) return <Alert color="red">{q.error.message}</Alert>;
  if (!q.data) return <Loader />;
  const m = q.data;
  return (
    <Stack gap="sm" data-testid="message-detail">
      <MessageView message={m} incidentName={incidentName} />
      {replying ? (
        <ReplyForm messageId={m.id} onDone={() => setReplying(false)} />
      ) : (
        <Group>
          {!m.reply && (
            <Button onClick={() => setReplying(true)} data-testid="reply-message">
              Record the reply
            </Button>
          )}
          <ExportButton label="Print ICS 213" testId="export-ics213" run={() => call('export.generalMessage', { messageId: m.id })} />
        </Group>
      )}
    </Stack>
  );
}
