import { Alert, Button, Grid, Group, Kbd, Paper, ScrollArea, SegmentedControl, Text, Title } from '@mantine/core';
import { IconMailPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useScreenIntent } from '../../lib/screen-intent';
import { StatusBadge } from '../../components/StatusBadge';
import { ChooseActiveIncident } from '../incident/ChooseActiveIncident';
import { useActiveIncident } from '../incident/use-active-incident';
import { MessageDetail } from './MessageDetail';
import { MessageForm } from './MessageForm';
import { MessageTable } from './MessageTable';
import { useMessagePages } from './use-message-pages';
import { FormModal } from '../../components/FormModal';

/** ICS 213 general messages in and out of the active incident. */
export function MessagesScreen() {
  const { incident } = useActiveIncident();
  const [direction, setDirection] = useState<'all' | 'in' | 'out'>('all');
  const [selected, setSelected] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  const pages = useMessagePages(incident?.id ?? null, direction === 'all' ? undefined : direction);
  useScreenIntent('record', () => setRecording(true), !!incident);
  if (!incident) {
    return (
      <>
        <Title order={1}>Messages</Title>
        <ChooseActiveIncident purpose="Messages are recorded in the active incident." />
      </>
    );
  }
  const current = selected ?? pages.messages[0]?.id ?? null;
  return (
    <Grid gap="md" data-testid="messages-screen">
      <Grid.Col span={12}>
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={1}>Messages</Title>
            <Text c="dimmed">ICS 213</Text>
            {incident.exercise && <StatusBadge tone="warn">Exercise</StatusBadge>}
          </Group>
          <Group>
            <SegmentedControl
              aria-label="Direction"
              value={direction}
              onChange={(d) => setDirection(d as typeof direction)}
              data={[
                { value: 'all', label: 'In and out' },
                { value: 'in', label: 'Incoming' },
                { value: 'out', label: 'Outgoing' },
              ]}
            />
            <Button leftSection={<IconMailPlus size={18} />} rightSection={<Kbd size="xs">Ctrl+Shift+M</Kbd>} onClick={() => setRecording(true)} data-testid="record-message">
              Record message
            </Button>
          </Group>
        </Group>
      </Grid.Col>
      {/* Below 1408 px the list takes the larger share, so a subject reads whole beside the form. */}
      <Grid.Col span={{ base: 12, lg: 7, xl: 6 }}>
        <Paper withBorder>
          {pages.error && <Alert color="red">{pages.error.message}</Alert>}
          {pages.messages.length === 0 ? (
            <Text c="dimmed" p="md">
              No message recorded yet. Press Ctrl+Shift+M to type one in.
            </Text>
          ) : (
            <ScrollArea.Autosize mah="calc(100dvh - 220px)">
              <MessageTable messages={pages.messages} selectedId={current} onSelect={setSelected} />
              {pages.hasMore && (
                <Button variant="subtle" fullWidth onClick={() => void pages.loadMore()} loading={pages.loadingMore}>
                  Load older messages
                </Button>
              )}
            </ScrollArea.Autosize>
          )}
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5, xl: 6 }}>
        {current && (
          <Paper withBorder p="md">
            <MessageDetail key={current} messageId={current} incidentName={incident.name} />
          </Paper>
        )}
      </Grid.Col>
      <FormModal opened={recording} onClose={() => setRecording(false)} title="Record a message (ICS 213)" size={900}>
        {recording && (
          <MessageForm
            incidentId={incident.id}
            onDone={(m) => {
              setSelected(m.id);
              setRecording(false);
            }}
          />
        )}
      </FormModal>
    </Grid>
  );
}
